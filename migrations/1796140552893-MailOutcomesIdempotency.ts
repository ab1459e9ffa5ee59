import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MailOutcomesIdempotency1796140552893 implements MigrationInterface {
  name = 'MailOutcomesIdempotency1796140552893';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "idempotency_key" ("user_id" uuid NOT NULL, "scope" text NOT NULL, "key" text NOT NULL, "fingerprint" text NOT NULL, "resource_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_a27aa773cebebf661d80b8af751" PRIMARY KEY ("user_id", "scope", "key"))`);
    await queryRunner.query(`CREATE INDEX "idempotency_key_expires_idx" ON "idempotency_key"  ("expires_at") `);
    await queryRunner.query(`ALTER TABLE "mail_outbox" ADD "case_id" uuid`);
    await queryRunner.query(`ALTER TABLE "mail_outbox" ADD "statutory" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "mail_outbox" ADD "failure" text`);
    await queryRunner.query(`ALTER TABLE "mail_outbox" ADD "first_failed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "mail_outbox" ADD "next_attempt_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "mail_outbox" ADD "data_sent_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "mail_outbox" ADD "claimed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "mail_outbox" ADD "failed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "mail_outbox" ADD "resolved_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "mail_outbox_unresolved_idx" ON "mail_outbox"  ("failed_at") WHERE status IN ('failed', 'unconfirmed') AND resolved_at IS NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."mail_outbox_unresolved_idx"`);
    await queryRunner.query(`ALTER TABLE "mail_outbox" DROP COLUMN "resolved_at"`);
    await queryRunner.query(`ALTER TABLE "mail_outbox" DROP COLUMN "failed_at"`);
    await queryRunner.query(`ALTER TABLE "mail_outbox" DROP COLUMN "claimed_at"`);
    await queryRunner.query(`ALTER TABLE "mail_outbox" DROP COLUMN "data_sent_at"`);
    await queryRunner.query(`ALTER TABLE "mail_outbox" DROP COLUMN "next_attempt_at"`);
    await queryRunner.query(`ALTER TABLE "mail_outbox" DROP COLUMN "first_failed_at"`);
    await queryRunner.query(`ALTER TABLE "mail_outbox" DROP COLUMN "failure"`);
    await queryRunner.query(`ALTER TABLE "mail_outbox" DROP COLUMN "statutory"`);
    await queryRunner.query(`ALTER TABLE "mail_outbox" DROP COLUMN "case_id"`);
    await queryRunner.query(`DROP INDEX "public"."idempotency_key_expires_idx"`);
    await queryRunner.query(`DROP TABLE "idempotency_key"`);
  }
}
