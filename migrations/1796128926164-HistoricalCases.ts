import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HistoricalCases1796128926164 implements MigrationInterface {
  name = 'HistoricalCases1796128926164';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."remedy_external_ref_key"`);
    await queryRunner.query(`ALTER TABLE "request_case" ADD "external_ref" text`);
    await queryRunner.query(`ALTER TABLE "request_case" ADD "topic" text`);
    await queryRunner.query(`ALTER TABLE "request_case" ADD "imported_fee_yuan" numeric(12,2)`);
    await queryRunner.query(`CREATE INDEX "request_case_report_idx" ON "request_case"  ("agency_id", "received_on") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "request_case_external_ref_key" ON "request_case"  ("agency_id", "external_ref", "year") WHERE external_ref IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "remedy_external_ref_key" ON "remedy"  ("agency_id", "external_ref", "year") WHERE external_ref IS NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."remedy_external_ref_key"`);
    await queryRunner.query(`DROP INDEX "public"."request_case_external_ref_key"`);
    await queryRunner.query(`DROP INDEX "public"."request_case_report_idx"`);
    await queryRunner.query(`ALTER TABLE "request_case" DROP COLUMN "imported_fee_yuan"`);
    await queryRunner.query(`ALTER TABLE "request_case" DROP COLUMN "topic"`);
    await queryRunner.query(`ALTER TABLE "request_case" DROP COLUMN "external_ref"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "remedy_external_ref_key" ON "remedy" USING btree ("agency_id", "external_ref") WHERE (external_ref IS NOT NULL)`);
  }
}
