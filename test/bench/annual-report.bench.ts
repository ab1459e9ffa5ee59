/**
 * B6 — the annual report at province scale: one agency with 100,000 cases and a city subtree
 * with 1,000,000, section 三 computed on demand (the production read and count), from the
 * counters, and by the best hand-written GROUP BY over the same rows (the baseline); the three
 * tables must be equal. Bench only: run by `npm run bench` (B6_CASES / B6_BIG scale it down).
 */
import { DataSource } from 'typeorm';
import {
  REPLY_TYPE_INFO,
  REPLY_TYPES,
  type ReplyType,
} from '../../src/modules/law/domain/reply-type';
import { sectionThreeFromCounters } from '../../src/modules/reports/domain/counters';
import { COLUMNS, ROWS, type Column } from '../../src/modules/reports/domain/report-format';
import { sectionThreeOfGroups, type Table } from '../../src/modules/reports/domain/section-three';
import { ReportCountersRepository } from '../../src/modules/reports/report-counters.repository';
import { ReportsRepository } from '../../src/modules/reports/reports.repository';
import { createDatabase, databaseUrl, dropDatabase } from '../../src/infra/database/admin';
import { migrateDatabase } from '../../src/infra/database/migrate';

const YEAR = 2025;
const AGENCIES = 30;

/** Best of `runs` warm runs (the machine is shared: the minimum is the least disturbed). */
async function timed<T>(fn: () => Promise<T>, runs = 7): Promise<{ ms: number; out: T }> {
  let out: T | undefined;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    out = await fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { ms: Math.min(...samples), out: out as T };
}

/** The baseline: section 三 of one year by one GROUP BY over the cases, mapped to rows. */
async function groupBy(db: DataSource, path: string, subtree: boolean): Promise<Table> {
  const rows = await db.query<Array<{ row: string; category: string; n: number }>>(
    `SELECT x.row, x.category, count(*)::int AS n FROM (
       SELECT c.applicant_category AS category, unnest(ARRAY[
                CASE WHEN c.received_on >= $2 THEN 'new' ELSE 'carry_in' END,
                CASE WHEN c.concluded_on <= $3 THEN 'r_total' ELSE 'carry_out' END,
                CASE WHEN c.concluded_on <= $3 THEN 'type:' || coalesce(c.conclusion_type, '') END]) AS row
         FROM request_case c JOIN agency a ON a.id = c.agency_id
        WHERE ${subtree ? 'a.path LIKE $1' : 'a.path = $1'}
          AND c.received_on <= $3 AND (c.concluded_on IS NULL OR c.concluded_on >= $2)) x
      WHERE x.row IS NOT NULL GROUP BY 1, 2`,
    [subtree ? `${path}%` : path, `${YEAR}-01-01`, `${YEAR}-12-31`],
  );
  const table: Table = Object.fromEntries(
    ROWS['2021'].map((r) => [r.id, Object.fromEntries(COLUMNS.map((c) => [c, 0]))]),
  ) as Table;
  for (const r of rows) {
    const row = r.row.startsWith('type:')
      ? REPLY_TYPE_INFO[r.row.slice(5) as ReplyType]?.reportRow
      : r.row;
    if (!row || !table[row]) continue;
    table[row][r.category as Column] += r.n;
    table[row].tot += r.n;
  }
  return table;
}

/** The report's own path (AnnualReportService): the GROUP BY of `caseGroups`, rows mapped in TS. */
async function onDemand(repo: ReportsRepository, path: string, subtree: boolean): Promise<Table> {
  return sectionThreeOfGroups(await repo.caseGroups(path, subtree, YEAR), '2021').table;
}

async function seed(
  db: DataSource,
  total: number,
  big: number,
): Promise<{ root: string; big: string }> {
  const [root] = await db.query<Array<{ id: string; path: string }>>(
    `INSERT INTO agency (id, code, name, kind, path, depth) VALUES (gen_random_uuid(), 'CITY', '测试市人民政府', 'government', '', 0) RETURNING id`,
  );
  await db.query(`UPDATE agency SET path = '/' || id || '/' WHERE id = $1`, [root.id]);
  for (let i = 0; i < AGENCIES; i++)
    await db.query(
      `INSERT INTO agency (id, code, name, kind, parent_id, path, depth)
       SELECT x.id, $2, $3, 'department', $1, (SELECT path FROM agency WHERE id = $1) || x.id || '/', 1
         FROM (SELECT gen_random_uuid() AS id) x`,
      [root.id, `CITY-D${i}`, `测试局${i}`],
    );
  const ids = (
    await db.query<Array<{ id: string }>>(`SELECT id FROM agency WHERE depth = 1 ORDER BY code`)
  ).map((r) => r.id);
  const types = REPLY_TYPES.filter((t) => REPLY_TYPE_INFO[t].reportRow);
  const chunk = 100_000;
  for (let from = 0; from < total; from += chunk) {
    await db.query(
      `INSERT INTO request_case (year, id, agency_id, reference_no, seq, applicant_category, applicant_name,
              channel, submitted_at, title, description, form, delivery_route, status, version, source,
              received_on, concluded_on, conclusion_type)
       SELECT extract(year FROM r)::smallint, gen_random_uuid(),
              CASE WHEN g < $3 THEN ($4::uuid[])[1] ELSE ($4::uuid[])[2 + g % ($5 - 1)] END,
              'B6-' || g, g, (ARRAY['np','biz','res','npo','law','oth'])[1 + g % 6], 'x', 'post', now(), 't', 'd',
              'electronic', 'email', CASE WHEN g % 7 = 0 THEN 'in_progress' ELSE 'replied' END, 1, 'import',
              r, CASE WHEN g % 7 = 0 THEN NULL ELSE r + (g % 45) END,
              CASE WHEN g % 7 = 0 THEN NULL ELSE ($6::text[])[1 + g % $7] END
         FROM (SELECT g, DATE '2019-01-01' + (g::bigint * 7919 % 2900)::int AS r FROM generate_series($1::int, $2::int) g) s`,
      [from, Math.min(total, from + chunk) - 1, big, ids, ids.length, types, types.length],
    );
  }
  await db.query('ANALYZE');
  return {
    root: `/${root.id}/`,
    big: (
      await db.query<Array<{ path: string }>>(`SELECT path FROM agency WHERE id = $1`, [ids[0]])
    )[0].path,
  };
}

export async function annualReportBench(): Promise<void> {
  const server = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `govinfo_bench_b6_${process.pid}`;
  const total = Number(process.env.B6_CASES ?? 1_000_000);
  const big = Number(process.env.B6_BIG ?? 100_000);
  await createDatabase(server, name);
  const url = databaseUrl(server, name);
  const db = new DataSource({ type: 'postgres', url });
  try {
    await migrateDatabase(url);
    await db.initialize();
    const t0 = Date.now();
    const paths = await seed(db, total, big);
    console.log(
      `B6: ${total.toLocaleString()} cases seeded (with their counters) in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
    );
    const reports = new ReportsRepository(db);
    const counters = new ReportCountersRepository(db);
    for (const [label, path, subtree] of [
      [`one agency, ${big.toLocaleString()} cases`, paths.big, false],
      [`city subtree, ${total.toLocaleString()} cases`, paths.root, true],
    ] as const) {
      const base = await timed(() => groupBy(db, path, subtree));
      const live = await timed(() => onDemand(reports, path, subtree));
      const kept = await timed(
        async () =>
          sectionThreeFromCounters(await counters.upTo(path, subtree, YEAR), YEAR, '2021').table,
      );
      const equal =
        JSON.stringify(base.out) === JSON.stringify(live.out) &&
        JSON.stringify(base.out) === JSON.stringify(kept.out);
      console.log(
        `B6 section 三 ${YEAR}, ${label}: GROUP BY ${base.ms.toFixed(0)} ms; on demand ${live.ms.toFixed(0)} ms (${(live.ms / base.ms).toFixed(2)}x); counters ${kept.ms.toFixed(1)} ms (${(base.ms / kept.ms).toFixed(0)}x faster); tables equal: ${equal}`,
      );
      if (!equal) throw new Error('B6: the three counts differ');
    }
  } finally {
    if (db.isInitialized) await db.destroy();
    await dropDatabase(server, name);
  }
}
