import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AgencyGuideDetails1796151905691 implements MigrationInterface {
  name = 'AgencyGuideDetails1796151905691';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agency" ADD "fax" text`);
    await queryRunner.query(`ALTER TABLE "agency" ADD "internet_contact" text`);
    await queryRunner.query(`ALTER TABLE "agency" ADD "office_hours" text`);
    await queryRunner.query(`ALTER TABLE "agency" ADD "payment_instructions" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agency" DROP COLUMN "payment_instructions"`);
    await queryRunner.query(`ALTER TABLE "agency" DROP COLUMN "office_hours"`);
    await queryRunner.query(`ALTER TABLE "agency" DROP COLUMN "internet_contact"`);
    await queryRunner.query(`ALTER TABLE "agency" DROP COLUMN "fax"`);
  }
}
