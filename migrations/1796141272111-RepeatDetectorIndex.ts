import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RepeatDetectorIndex1796141272111 implements MigrationInterface {
  name = 'RepeatDetectorIndex1796141272111';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "request_case_replied_repeat_idx" ON "request_case"  ("agency_id", "applicant_id_index", "created_at") WHERE status = 'replied'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."request_case_replied_repeat_idx"`);
  }
}
