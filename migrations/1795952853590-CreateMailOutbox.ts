import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMailOutbox1795952853590 implements MigrationInterface {
  name = 'CreateMailOutbox1795952853590';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "mail_outbox" ("id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "template" text NOT NULL, "locale" text NOT NULL DEFAULT 'zh-CN', "to_address" text NOT NULL, "params" jsonb NOT NULL DEFAULT '{}', "status" text NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "message_id" text, "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_fecc63c96385bc35a39ccf2a72e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "mail_outbox_pending_idx" ON "mail_outbox"  ("created_at") WHERE status = 'pending'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."mail_outbox_pending_idx"`);
    await queryRunner.query(`DROP TABLE "mail_outbox"`);
  }
}
