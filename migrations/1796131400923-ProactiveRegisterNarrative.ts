import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ProactiveRegisterNarrative1796131400923 implements MigrationInterface {
  name = 'ProactiveRegisterNarrative1796131400923';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "proactive_figure" ("agency_id" uuid NOT NULL, "year" smallint NOT NULL, "item" text NOT NULL, "values" jsonb NOT NULL, "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_409d04de4e510e42dd5aeaac923" PRIMARY KEY ("agency_id", "year", "item"))`);
    await queryRunner.query(`CREATE TABLE "proactive_item" ("id" uuid NOT NULL, "agency_id" uuid NOT NULL, "published_on" date NOT NULL, "category" text NOT NULL, "online" boolean NOT NULL, "title" text NOT NULL, "item_key" text NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "proactive_item_category_check" CHECK (category IN ('functions', 'policies', 'enforcement', 'licensing', 'updates', 'other')), CONSTRAINT "PK_74f7b9bd9d874562ec090b96756" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "proactive_item_report_idx" ON "proactive_item"  ("agency_id", "published_on") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "proactive_item_key" ON "proactive_item"  ("agency_id", "item_key") `);
    await queryRunner.query(`CREATE TABLE "report_narrative" ("agency_id" uuid NOT NULL, "year" smallint NOT NULL, "subtree" boolean NOT NULL, "section" text NOT NULL, "text" text NOT NULL, "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_45728c62f5f7a15173734bbd0b1" PRIMARY KEY ("agency_id", "year", "subtree", "section"))`);
    await queryRunner.query(`ALTER TABLE "proactive_figure" ADD CONSTRAINT "proactive_figure_agency_fk" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "proactive_item" ADD CONSTRAINT "proactive_item_agency_fk" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "report_narrative" ADD CONSTRAINT "report_narrative_agency_fk" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "report_narrative" DROP CONSTRAINT "report_narrative_agency_fk"`);
    await queryRunner.query(`ALTER TABLE "proactive_item" DROP CONSTRAINT "proactive_item_agency_fk"`);
    await queryRunner.query(`ALTER TABLE "proactive_figure" DROP CONSTRAINT "proactive_figure_agency_fk"`);
    await queryRunner.query(`DROP TABLE "report_narrative"`);
    await queryRunner.query(`DROP INDEX "public"."proactive_item_key"`);
    await queryRunner.query(`DROP INDEX "public"."proactive_item_report_idx"`);
    await queryRunner.query(`DROP TABLE "proactive_item"`);
    await queryRunner.query(`DROP TABLE "proactive_figure"`);
  }
}
