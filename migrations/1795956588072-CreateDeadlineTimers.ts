import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDeadlineTimers1795956588072 implements MigrationInterface {
  name = 'CreateDeadlineTimers1795956588072';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "case_deadline" ("case_id" uuid NOT NULL, "kind" text NOT NULL, "ref" text NOT NULL DEFAULT '', "case_year" smallint NOT NULL, "agency_id" uuid NOT NULL, "due_on" date NOT NULL, "version" integer NOT NULL DEFAULT '1', "status" text NOT NULL DEFAULT 'live', "armed_version" integer NOT NULL DEFAULT '0', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "case_deadline_status_check" CHECK (status IN ('live', 'resolved')), CONSTRAINT "PK_2eb604070e514bafd41b3ac8ad1" PRIMARY KEY ("case_id", "kind", "ref"))`);
    await queryRunner.query(`CREATE INDEX "case_deadline_live_idx" ON "case_deadline"  ("due_on") WHERE status = 'live'`);
    await queryRunner.query(`CREATE TABLE "deadline_effect" ("case_id" uuid NOT NULL, "kind" text NOT NULL, "ref" text NOT NULL, "version" integer NOT NULL, "effect" text NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "late_seconds" integer NOT NULL, CONSTRAINT "PK_c0d461798d747898d0a58e18bf0" PRIMARY KEY ("case_id", "kind", "ref", "version", "effect"))`);
    await queryRunner.query(`CREATE TABLE "notification_log" ("key" text NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_97314e845205fdf160297801a08" PRIMARY KEY ("key"))`);
    await queryRunner.query(`CREATE TABLE "worker_state" ("name" text NOT NULL, "value" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_17dd28ca4c2637df13474449c6a" PRIMARY KEY ("name"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "worker_state"`);
    await queryRunner.query(`DROP TABLE "notification_log"`);
    await queryRunner.query(`DROP TABLE "deadline_effect"`);
    await queryRunner.query(`DROP INDEX "public"."case_deadline_live_idx"`);
    await queryRunner.query(`DROP TABLE "case_deadline"`);
  }
}
