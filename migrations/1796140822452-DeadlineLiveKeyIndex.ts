import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DeadlineLiveKeyIndex1796140822452 implements MigrationInterface {
  name = 'DeadlineLiveKeyIndex1796140822452';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "deadline_live_key_idx" ON "deadline"  ("subject_type", "subject_id", "kind", "ref") WHERE status = 'live'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."deadline_live_key_idx"`);
  }
}
