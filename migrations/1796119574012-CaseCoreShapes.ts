import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CaseCoreShapes1796119574012 implements MigrationInterface {
  name = 'CaseCoreShapes1796119574012';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "case_reply" ("case_year" smallint NOT NULL, "id" uuid NOT NULL, "case_id" uuid NOT NULL, "round" smallint NOT NULL, "reply_type" text NOT NULL, "basis" text NOT NULL, "detail" jsonb, "replied_on" date NOT NULL, "due_on" date, "letter_id" uuid, "actor_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_21a34fa49244860b4f9061896e0" PRIMARY KEY ("case_year", "id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "case_reply_round_key" ON "case_reply"  ("case_id", "round") `);
    await queryRunner.query(`CREATE TABLE "case_service" ("case_year" smallint NOT NULL, "id" uuid NOT NULL, "case_id" uuid NOT NULL, "letter_id" uuid, "reply_id" uuid, "method" text NOT NULL, "served_on" date NOT NULL, "delivered_on" date, "tracking_no" text, "proof_attachment_id" uuid, "actor_id" uuid, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2ee697e40fad488ac7a1d039cea" PRIMARY KEY ("case_year", "id"))`);
    await queryRunner.query(`CREATE INDEX "case_service_case_idx" ON "case_service"  ("case_id") `);
    await queryRunner.query(`CREATE TABLE "issued_letter" ("year" smallint NOT NULL, "id" uuid NOT NULL, "case_id" uuid NOT NULL, "case_year" smallint NOT NULL, "agency_id" uuid NOT NULL, "kind" text NOT NULL, "ref" text NOT NULL DEFAULT '', "title" text NOT NULL, "doc_seq" integer NOT NULL, "document_number" text NOT NULL, "issued_on" date NOT NULL, "html" text NOT NULL, "sha256" text NOT NULL, "to_applicant" boolean NOT NULL DEFAULT true, "actor_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a7410bf04e91ae0817efc7d4a92" PRIMARY KEY ("year", "id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "issued_letter_doc_seq_key" ON "issued_letter"  ("agency_id", "year", "doc_seq") `);
    await queryRunner.query(`CREATE INDEX "issued_letter_case_idx" ON "issued_letter"  ("case_id") `);
    await queryRunner.query(`CREATE TABLE "deadline" ("subject_type" text NOT NULL, "subject_id" uuid NOT NULL, "kind" text NOT NULL, "ref" text NOT NULL DEFAULT '', "subject_year" smallint NOT NULL, "agency_id" uuid NOT NULL, "due_on" date NOT NULL, "version" integer NOT NULL DEFAULT '1', "status" text NOT NULL DEFAULT 'live', "armed_version" integer NOT NULL DEFAULT '0', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "deadline_subject_check" CHECK (subject_type IN ('case', 'remedy', 'report')), CONSTRAINT "deadline_status_check" CHECK (status IN ('live', 'resolved')), CONSTRAINT "PK_3d1111899b7164f5f2b53ec05e7" PRIMARY KEY ("subject_type", "subject_id", "kind", "ref"))`);
    await queryRunner.query(`CREATE INDEX "deadline_unarmed_idx" ON "deadline"  ("subject_type", "subject_id", "kind", "ref") WHERE status = 'live' AND armed_version <> version`);
    await queryRunner.query(`CREATE INDEX "deadline_live_idx" ON "deadline"  ("due_on") WHERE status = 'live'`);
    // Deadlines keyed by subject (case, remedy, report): the case rows move over unchanged.
    await queryRunner.query(`INSERT INTO "deadline" ("subject_type", "subject_id", "kind", "ref", "subject_year", "agency_id", "due_on", "version", "status", "armed_version", "updated_at") SELECT 'case', "case_id", "kind", "ref", "case_year", "agency_id", "due_on", "version", "status", "armed_version", "updated_at" FROM "case_deadline"`);
    await queryRunner.query(`DROP INDEX "public"."case_deadline_live_idx"`);
    await queryRunner.query(`DROP TABLE "case_deadline"`);
    // Effects keyed by subject too; every earlier effect belongs to a case.
    await queryRunner.query(`ALTER TABLE "deadline_effect" DROP CONSTRAINT "PK_c0d461798d747898d0a58e18bf0"`);
    await queryRunner.query(`ALTER TABLE "deadline_effect" RENAME COLUMN "case_id" TO "subject_id"`);
    await queryRunner.query(`ALTER TABLE "deadline_effect" ADD "subject_type" text NOT NULL DEFAULT 'case'`);
    await queryRunner.query(`ALTER TABLE "deadline_effect" ALTER COLUMN "subject_type" DROP DEFAULT`);
    await queryRunner.query(`ALTER TABLE "deadline_effect" ADD "outcome" text NOT NULL DEFAULT 'done'`);
    await queryRunner.query(`ALTER TABLE "deadline_effect" ADD CONSTRAINT "PK_32c0658ee024c33b79a85949ccc" PRIMARY KEY ("subject_type", "subject_id", "kind", "ref", "version", "effect")`);
    // The Art 35 reasons step (D-19) is a status; the due-date index covers it.
    await queryRunner.query(`ALTER TABLE "request_case" DROP CONSTRAINT "request_case_status_check"`);
    await queryRunner.query(`ALTER TABLE "request_case" ADD CONSTRAINT "request_case_status_check" CHECK (status IN ('submitted', 'received', 'correction_requested', 'in_progress', 'paused', 'awaiting_reasons', 'replied', 'withdrawn', 'abandoned'))`);
    await queryRunner.query(`DROP INDEX "public"."request_case_due_idx"`);
    await queryRunner.query(`CREATE INDEX "request_case_due_idx" ON "request_case"  ("reply_due") WHERE status IN ('received', 'in_progress', 'paused', 'correction_requested', 'submitted', 'awaiting_reasons')`);
    await queryRunner.query(`ALTER TABLE "request_case" ADD "delivered_on" date`);
    await queryRunner.query(`ALTER TABLE "request_case" ADD "concluded_on" date`);
    await queryRunner.query(`ALTER TABLE "request_case" ADD "conclusion_type" text`);
    await queryRunner.query(`ALTER TABLE "request_case" ADD "reasons_requested_on" date`);
    await queryRunner.query(`ALTER TABLE "request_case" ADD "reasons_received_on" date`);
    await queryRunner.query(`ALTER TABLE "request_case" ADD "reopened_on" date`);
    await queryRunner.query(`ALTER TABLE "request_case" ADD "ordered_due" date`);
    await queryRunner.query(`ALTER TABLE "request_case" ADD "source" text NOT NULL DEFAULT 'live'`);
    await queryRunner.query(`ALTER TABLE "request_case" ADD "tracking_code_hash" text`);
    await queryRunner.query(`ALTER TABLE "reference_counter" ADD "last_doc_seq" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "request_case" ALTER COLUMN "applicant_id_type" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "request_case" ALTER COLUMN "applicant_id_enc" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "request_case" ALTER COLUMN "applicant_id_index" DROP NOT NULL`);
    await queryRunner.query(`CREATE INDEX "request_case_applicant_index_idx" ON "request_case"  ("agency_id", "applicant_id_index") `);
    await queryRunner.query(`ALTER TABLE "request_case" ADD CONSTRAINT "request_case_source_check" CHECK (source IN ('live', 'import'))`);
    await queryRunner.query(`ALTER TABLE "case_reply" ADD CONSTRAINT "case_reply_case_fk" FOREIGN KEY ("case_year", "case_id") REFERENCES "request_case"("year","id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "case_service" ADD CONSTRAINT "case_service_case_fk" FOREIGN KEY ("case_year", "case_id") REFERENCES "request_case"("year","id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_service" DROP CONSTRAINT "case_service_case_fk"`);
    await queryRunner.query(`ALTER TABLE "case_reply" DROP CONSTRAINT "case_reply_case_fk"`);
    await queryRunner.query(`ALTER TABLE "request_case" DROP CONSTRAINT "request_case_source_check"`);
    await queryRunner.query(`DROP INDEX "public"."request_case_applicant_index_idx"`);
    await queryRunner.query(`ALTER TABLE "request_case" ALTER COLUMN "applicant_id_index" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "request_case" ALTER COLUMN "applicant_id_enc" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "request_case" ALTER COLUMN "applicant_id_type" SET NOT NULL`);
    await queryRunner.query(`DROP INDEX "public"."request_case_due_idx"`);
    await queryRunner.query(`CREATE INDEX "request_case_due_idx" ON "request_case"  ("reply_due") WHERE status IN ('received', 'in_progress', 'paused', 'correction_requested', 'submitted')`);
    await queryRunner.query(`ALTER TABLE "request_case" DROP CONSTRAINT "request_case_status_check"`);
    await queryRunner.query(`ALTER TABLE "request_case" ADD CONSTRAINT "request_case_status_check" CHECK (status IN ('submitted', 'received', 'correction_requested', 'in_progress', 'paused', 'replied', 'withdrawn', 'abandoned'))`);
    await queryRunner.query(`ALTER TABLE "reference_counter" DROP COLUMN "last_doc_seq"`);
    await queryRunner.query(`ALTER TABLE "request_case" DROP COLUMN "tracking_code_hash"`);
    await queryRunner.query(`ALTER TABLE "request_case" DROP COLUMN "source"`);
    await queryRunner.query(`ALTER TABLE "request_case" DROP COLUMN "ordered_due"`);
    await queryRunner.query(`ALTER TABLE "request_case" DROP COLUMN "reopened_on"`);
    await queryRunner.query(`ALTER TABLE "request_case" DROP COLUMN "reasons_received_on"`);
    await queryRunner.query(`ALTER TABLE "request_case" DROP COLUMN "reasons_requested_on"`);
    await queryRunner.query(`ALTER TABLE "request_case" DROP COLUMN "conclusion_type"`);
    await queryRunner.query(`ALTER TABLE "request_case" DROP COLUMN "concluded_on"`);
    await queryRunner.query(`ALTER TABLE "request_case" DROP COLUMN "delivered_on"`);
    await queryRunner.query(`ALTER TABLE "deadline_effect" DROP CONSTRAINT "PK_32c0658ee024c33b79a85949ccc"`);
    await queryRunner.query(`DELETE FROM "deadline_effect" WHERE "subject_type" <> 'case'`);
    await queryRunner.query(`ALTER TABLE "deadline_effect" DROP COLUMN "outcome"`);
    await queryRunner.query(`ALTER TABLE "deadline_effect" DROP COLUMN "subject_type"`);
    await queryRunner.query(`ALTER TABLE "deadline_effect" RENAME COLUMN "subject_id" TO "case_id"`);
    await queryRunner.query(`ALTER TABLE "deadline_effect" ADD CONSTRAINT "PK_c0d461798d747898d0a58e18bf0" PRIMARY KEY ("case_id", "kind", "ref", "version", "effect")`);
    await queryRunner.query(`CREATE TABLE "case_deadline" ("case_id" uuid NOT NULL, "kind" text NOT NULL, "ref" text NOT NULL DEFAULT '', "case_year" smallint NOT NULL, "agency_id" uuid NOT NULL, "due_on" date NOT NULL, "version" integer NOT NULL DEFAULT '1', "status" text NOT NULL DEFAULT 'live', "armed_version" integer NOT NULL DEFAULT '0', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "case_deadline_status_check" CHECK (status IN ('live', 'resolved')), CONSTRAINT "PK_2eb604070e514bafd41b3ac8ad1" PRIMARY KEY ("case_id", "kind", "ref"))`);
    await queryRunner.query(`CREATE INDEX "case_deadline_live_idx" ON "case_deadline"  ("due_on") WHERE status = 'live'`);
    await queryRunner.query(`INSERT INTO "case_deadline" ("case_id", "kind", "ref", "case_year", "agency_id", "due_on", "version", "status", "armed_version", "updated_at") SELECT "subject_id", "kind", "ref", "subject_year", "agency_id", "due_on", "version", "status", "armed_version", "updated_at" FROM "deadline" WHERE "subject_type" = 'case'`);
    await queryRunner.query(`DROP INDEX "public"."deadline_live_idx"`);
    await queryRunner.query(`DROP INDEX "public"."deadline_unarmed_idx"`);
    await queryRunner.query(`DROP TABLE "deadline"`);
    await queryRunner.query(`DROP INDEX "public"."issued_letter_case_idx"`);
    await queryRunner.query(`DROP INDEX "public"."issued_letter_doc_seq_key"`);
    await queryRunner.query(`DROP TABLE "issued_letter"`);
    await queryRunner.query(`DROP INDEX "public"."case_service_case_idx"`);
    await queryRunner.query(`DROP TABLE "case_service"`);
    await queryRunner.query(`DROP INDEX "public"."case_reply_round_key"`);
    await queryRunner.query(`DROP TABLE "case_reply"`);
  }
}
