import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AnnualReportPublication1796140780989 implements MigrationInterface {
  name = 'AnnualReportPublication1796140780989';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "annual_report" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "agency_id" uuid NOT NULL, "year" smallint NOT NULL, "subtree" boolean NOT NULL, "status" text NOT NULL DEFAULT 'draft', "version" integer NOT NULL DEFAULT '0', "pending_note" text, "reviewed_by" uuid, "reviewed_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "annual_report_status_check" CHECK (status IN ('draft', 'reviewed', 'published')), CONSTRAINT "PK_179c069d159f727564717be27a7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "annual_report_key" ON "annual_report"  ("agency_id", "year", "subtree") `);
    await queryRunner.query(`CREATE TABLE "report_version" ("report_id" uuid NOT NULL, "version" integer NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL, "published_by" uuid, "note" text, "format_version" text NOT NULL, "content" jsonb NOT NULL, "files" jsonb NOT NULL, CONSTRAINT "PK_6d476fb6c536af9f30cf00eb670" PRIMARY KEY ("report_id", "version"))`);
    await queryRunner.query(`ALTER TABLE "annual_report" ADD CONSTRAINT "annual_report_agency_fk" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "report_version" ADD CONSTRAINT "report_version_report_fk" FOREIGN KEY ("report_id") REFERENCES "annual_report"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "report_version" DROP CONSTRAINT "report_version_report_fk"`);
    await queryRunner.query(`ALTER TABLE "annual_report" DROP CONSTRAINT "annual_report_agency_fk"`);
    await queryRunner.query(`DROP TABLE "report_version"`);
    await queryRunner.query(`DROP INDEX "public"."annual_report_key"`);
    await queryRunner.query(`DROP TABLE "annual_report"`);
  }
}
