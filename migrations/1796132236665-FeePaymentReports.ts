import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FeePaymentReports1796132236665 implements MigrationInterface {
  name = 'FeePaymentReports1796132236665';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_fee_notice" ADD "reported_on" date`);
    await queryRunner.query(`ALTER TABLE "case_fee_notice" ADD "reported_paid_on" date`);
    await queryRunner.query(`ALTER TABLE "case_fee_notice" ADD "rejected_on" date`);
    await queryRunner.query(`ALTER TABLE "case_fee_notice" ADD "rejection_reason" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_fee_notice" DROP COLUMN "rejection_reason"`);
    await queryRunner.query(`ALTER TABLE "case_fee_notice" DROP COLUMN "rejected_on"`);
    await queryRunner.query(`ALTER TABLE "case_fee_notice" DROP COLUMN "reported_paid_on"`);
    await queryRunner.query(`ALTER TABLE "case_fee_notice" DROP COLUMN "reported_on"`);
  }
}
