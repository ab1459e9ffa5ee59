import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OralFiling1796133507807 implements MigrationInterface {
  name = 'OralFiling1796133507807';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "request_case" ADD "oral_writing_difficulty" text`);
    await queryRunner.query(`ALTER TABLE "request_case" ADD "oral_confirmed_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "request_case" DROP COLUMN "oral_confirmed_at"`);
    await queryRunner.query(`ALTER TABLE "request_case" DROP COLUMN "oral_writing_difficulty"`);
  }
}
