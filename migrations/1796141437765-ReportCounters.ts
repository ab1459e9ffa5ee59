import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What the cases of `rows` add (sign `d`): 新收 by receipt year, 办结 by first conclusion (D-11). */
const CONTRIB = (rows: string, d: number) => `
  SELECT agency_id, extract(year FROM received_on)::smallint AS year, 'new' AS kind,
         '' AS conclusion_type, applicant_category AS category, ${d} AS d
    FROM ${rows} WHERE received_on IS NOT NULL
  UNION ALL
  SELECT agency_id, extract(year FROM concluded_on)::smallint, 'concluded',
         coalesce(conclusion_type, ''), applicant_category, ${d}
    FROM ${rows} WHERE received_on IS NOT NULL AND concluded_on IS NOT NULL`;

export class ReportCounters1796141437765 implements MigrationInterface {
  name = 'ReportCounters1796141437765';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "report_counter" ("agency_id" uuid NOT NULL, "year" smallint NOT NULL, "kind" text NOT NULL, "conclusion_type" text NOT NULL, "category" text NOT NULL, "n" integer NOT NULL, CONSTRAINT "PK_f0bdfbb33a59918dee07052ead4" PRIMARY KEY ("agency_id", "year", "kind", "conclusion_type", "category"))`);

    // Hand-added after generation (TypeORM does not model triggers): the counters follow every
    // change of request_case in its own transaction, whatever the path (intake, the workflow,
    // imports). Statement triggers with transition tables aggregate a bulk import into one upsert,
    // taking the counter rows in key order.
    await queryRunner.query(`CREATE FUNCTION report_counter_delta() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO report_counter AS rc (agency_id, year, kind, conclusion_type, category, n)
    SELECT agency_id, year, kind, conclusion_type, category, sum(d)::int FROM (${CONTRIB('nt', 1)}) x
     GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (agency_id, year, kind, conclusion_type, category) DO UPDATE SET n = rc.n + EXCLUDED.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO report_counter AS rc (agency_id, year, kind, conclusion_type, category, n)
    SELECT agency_id, year, kind, conclusion_type, category, sum(d)::int FROM (${CONTRIB('ot', -1)}) x
     GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (agency_id, year, kind, conclusion_type, category) DO UPDATE SET n = rc.n + EXCLUDED.n;
  ELSE
    INSERT INTO report_counter AS rc (agency_id, year, kind, conclusion_type, category, n)
    SELECT agency_id, year, kind, conclusion_type, category, sum(d)::int FROM (
      ${CONTRIB('ot', -1)} UNION ALL ${CONTRIB('nt', 1)}) x
     GROUP BY 1, 2, 3, 4, 5 HAVING sum(d) <> 0 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (agency_id, year, kind, conclusion_type, category) DO UPDATE SET n = rc.n + EXCLUDED.n;
  END IF;
  RETURN NULL;
END
$fn$`);
    await queryRunner.query(
      `CREATE TRIGGER request_case_counter_ins AFTER INSERT ON request_case REFERENCING NEW TABLE AS nt FOR EACH STATEMENT EXECUTE FUNCTION report_counter_delta()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER request_case_counter_del AFTER DELETE ON request_case REFERENCING OLD TABLE AS ot FOR EACH STATEMENT EXECUTE FUNCTION report_counter_delta()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER request_case_counter_upd AFTER UPDATE ON request_case REFERENCING OLD TABLE AS ot NEW TABLE AS nt FOR EACH STATEMENT EXECUTE FUNCTION report_counter_delta()`,
    );
    // The cases already there.
    await queryRunner.query(`INSERT INTO report_counter (agency_id, year, kind, conclusion_type, category, n)
      SELECT agency_id, year, kind, conclusion_type, category, sum(d)::int FROM (${CONTRIB('request_case', 1)}) x
       GROUP BY 1, 2, 3, 4, 5`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER request_case_counter_upd ON request_case`);
    await queryRunner.query(`DROP TRIGGER request_case_counter_del ON request_case`);
    await queryRunner.query(`DROP TRIGGER request_case_counter_ins ON request_case`);
    await queryRunner.query(`DROP FUNCTION report_counter_delta()`);
    await queryRunner.query(`DROP TABLE "report_counter"`);
  }
}
