import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CaseLateness1796131344697 implements MigrationInterface {
  name = 'CaseLateness1796131344697';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "request_case" ADD "late_since" date`);
    await queryRunner.query(`ALTER TABLE "request_case" ADD "late_reason" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "request_case" DROP COLUMN "late_reason"`);
    await queryRunner.query(`ALTER TABLE "request_case" DROP COLUMN "late_since"`);
  }
}
