import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the remedies of `rows` add (sign `d`), by D-16 and R-AR-21 as `section-four.ts` counts
 * them: the counting agency's code (the case's agency, unless a suit after reconsideration is
 * against the reconsideration body alone: then the first such defendant's code), the counting
 * year (docketed, else applied for), the kind, and the latest outcome by 31 Dec of that year —
 * decisions in order, then a withdrawal or refusal, the last of the latest day — or '' (尚未审结).
 * Complaints are not counted.
 */
const CONTRIB = (rows: string, d: number) => `
  SELECT x.agency_code, x.year, x.kind, coalesce((
           SELECT o.result FROM (
             SELECT (e.v->>'decidedOn')::date AS on_day, e.v->>'result' AS result, e.i
               FROM jsonb_array_elements(x.decisions) WITH ORDINALITY AS e(v, i)
             UNION ALL
             SELECT x.ended_on, x.end_result, 2147483647
              WHERE x.ended_on IS NOT NULL AND x.end_result IS NOT NULL) o
            WHERE o.on_day <= make_date(x.year, 12, 31)
            ORDER BY o.on_day DESC, o.i DESC LIMIT 1), '') AS result, ${d} AS d
    FROM (SELECT r.kind, r.decisions, r.ended_on, r.end_result,
                 extract(year FROM coalesce(r.docketed_on, r.applied_on))::smallint AS year,
                 CASE WHEN r.kind <> 'litigation_after_reconsideration'
                        OR jsonb_array_length(r.defendants) = 0
                        OR EXISTS (SELECT 1 FROM jsonb_array_elements(r.defendants) f(v)
                                    WHERE f.v->>'role' = 'original')
                      THEN (SELECT a.code FROM agency a WHERE a.id = r.agency_id)
                      ELSE (SELECT nullif(f.v->>'agencyCode', '')
                              FROM jsonb_array_elements(r.defendants) WITH ORDINALITY AS f(v, i)
                             WHERE f.v->>'role' = 'reconsideration_body' ORDER BY f.i LIMIT 1)
                 END AS agency_code
            FROM ${rows} r WHERE r.kind <> 'complaint') x
   WHERE x.agency_code IS NOT NULL`;

const UPSERT = (select: string, having = '') => `
    INSERT INTO report_remedy_counter AS rc (agency_code, year, kind, result, n)
    SELECT agency_code, year, kind, result, sum(d)::int FROM (${select}) x
     GROUP BY 1, 2, 3, 4 ${having} ORDER BY 1, 2, 3, 4
    ON CONFLICT (agency_code, year, kind, result) DO UPDATE SET n = rc.n + EXCLUDED.n;`;

export class RemedyCounters1796151965420 implements MigrationInterface {
  name = 'RemedyCounters1796151965420';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "report_remedy_counter" ("agency_code" text NOT NULL, "year" smallint NOT NULL, "kind" text NOT NULL, "result" text NOT NULL, "n" integer NOT NULL, CONSTRAINT "PK_1defdda94a8e3c2f85209b9c296" PRIMARY KEY ("agency_code", "year", "kind", "result"))`);

    // Hand-added after generation (TypeORM does not model triggers), as for ReportCounters: the
    // section 四 counters follow every change of remedy in its own transaction, whatever the path
    // (the remedy actions, the timers' deemed acceptance, imports). Statement triggers with
    // transition tables, counter rows taken in key order.
    await queryRunner.query(`CREATE FUNCTION report_remedy_counter_delta() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN${UPSERT(CONTRIB('nt', 1))}
  ELSIF TG_OP = 'DELETE' THEN${UPSERT(CONTRIB('ot', -1))}
  ELSE${UPSERT(`${CONTRIB('ot', -1)} UNION ALL ${CONTRIB('nt', 1)}`, 'HAVING sum(d) <> 0')}
  END IF;
  RETURN NULL;
END
$fn$`);
    await queryRunner.query(
      `CREATE TRIGGER remedy_counter_ins AFTER INSERT ON remedy REFERENCING NEW TABLE AS nt FOR EACH STATEMENT EXECUTE FUNCTION report_remedy_counter_delta()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER remedy_counter_del AFTER DELETE ON remedy REFERENCING OLD TABLE AS ot FOR EACH STATEMENT EXECUTE FUNCTION report_remedy_counter_delta()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER remedy_counter_upd AFTER UPDATE ON remedy REFERENCING OLD TABLE AS ot NEW TABLE AS nt FOR EACH STATEMENT EXECUTE FUNCTION report_remedy_counter_delta()`,
    );
    // The remedies already there.
    await queryRunner.query(`INSERT INTO report_remedy_counter (agency_code, year, kind, result, n)
      SELECT agency_code, year, kind, result, sum(d)::int FROM (${CONTRIB('remedy', 1)}) x
       GROUP BY 1, 2, 3, 4`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER remedy_counter_upd ON remedy`);
    await queryRunner.query(`DROP TRIGGER remedy_counter_del ON remedy`);
    await queryRunner.query(`DROP TRIGGER remedy_counter_ins ON remedy`);
    await queryRunner.query(`DROP FUNCTION report_remedy_counter_delta()`);
    await queryRunner.query(`DROP TABLE "report_remedy_counter"`);
  }
}
