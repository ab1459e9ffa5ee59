import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { AgenciesService } from '../../src/modules/agencies/agencies.service';
import {
  REPLY_TYPE_INFO,
  REPLY_TYPES,
  type ReplyType,
} from '../../src/modules/law/domain/reply-type';
import { sectionThreeFromCounters } from '../../src/modules/reports/domain/counters';
import { sectionThree, type CaseFact } from '../../src/modules/reports/domain/section-three';
import { ReportCountersRepository } from '../../src/modules/reports/report-counters.repository';
import { HistoricalImport } from '../../src/modules/requests/historical-import.service';
import { bootTestApp, type TestApp } from '../utils/test-app';

/**
 * The section 三 counters equal the full recount after any sequence of case changes: receipt
 * dates corrected, conclusions made and undone, categories and agencies changed, bulk
 * statements, imports, rolled-back transactions — checked against a GROUP BY over request_case
 * written here, and section 三 from the counters against the on-demand count of the cases.
 */
const CATS = ['np', 'biz', 'res', 'npo', 'law', 'oth'] as const;
const day = (i: number) =>
  new Date(Date.UTC(2024, 0, 1) + (i % 1400) * 86_400_000).toISOString().slice(0, 10);

type Event =
  | { op: 'conclude'; i: number; type: ReplyType | 'NONE'; after: number }
  | { op: 'reopen'; i: number }
  | { op: 'receipt'; i: number; d: number }
  | { op: 'unreceive'; i: number }
  | { op: 'category'; i: number; cat: (typeof CATS)[number] }
  | { op: 'move'; i: number; to: number }
  | { op: 'bulk'; k: number; cat: (typeof CATS)[number] }
  | { op: 'import'; n: number; d: number }
  | { op: 'rollback'; i: number; d: number };

const event: fc.Arbitrary<Event> = fc.oneof(
  fc.record({
    op: fc.constant('conclude' as const),
    i: fc.nat(),
    type: fc.constantFrom<ReplyType | 'NONE'>(...REPLY_TYPES, 'NONE'),
    after: fc.nat({ max: 400 }),
  }),
  fc.record({ op: fc.constant('reopen' as const), i: fc.nat() }),
  fc.record({ op: fc.constant('receipt' as const), i: fc.nat(), d: fc.nat({ max: 1399 }) }),
  fc.record({ op: fc.constant('unreceive' as const), i: fc.nat() }),
  fc.record({ op: fc.constant('category' as const), i: fc.nat(), cat: fc.constantFrom(...CATS) }),
  fc.record({ op: fc.constant('move' as const), i: fc.nat(), to: fc.nat({ max: 2 }) }),
  fc.record({
    op: fc.constant('bulk' as const),
    k: fc.nat({ max: 30 }),
    cat: fc.constantFrom(...CATS),
  }),
  fc.record({
    op: fc.constant('import' as const),
    n: fc.integer({ min: 1, max: 5 }),
    d: fc.nat({ max: 1399 }),
  }),
  fc.record({ op: fc.constant('rollback' as const), i: fc.nat(), d: fc.nat({ max: 1399 }) }),
);

describe('report counters', () => {
  let t: TestApp;
  let db: DataSource;
  let agencies: Array<{ id: string; path: string }>;
  let imported = 0;

  beforeAll(async () => {
    t = await bootTestApp({
      ROLE: 'api',
      CLOCK: 'fixed',
      CLOCK_FIXED_AT: '2028-06-01T09:00:00+08:00',
    });
    db = t.app.get(DataSource);
    const a = t.app.get(AgenciesService);
    await a.create(null, {
      code: 'HLJ',
      name: '黑龙江省人民政府',
      kind: 'government',
      parentCode: null,
    });
    for (const code of ['A', 'B', 'C'])
      await a.create(null, {
        code: `HLJ-${code}`,
        name: `测试厅${code}`,
        kind: 'department',
        parentCode: 'HLJ',
      });
    // Cases move among HLJ, HLJ-A and HLJ-B; later imports go to HLJ-C (whose numbers never clash).
    agencies = await db.query(
      `SELECT id, path FROM agency WHERE code IN ('HLJ', 'HLJ-A', 'HLJ-B') ORDER BY path`,
    );
    await importCases(60, 0, ['HLJ', 'HLJ-A', 'HLJ-B']);
  }, 60_000);
  afterAll(() => t.close());

  async function importCases(n: number, d: number, codes = ['HLJ-C']) {
    const lines = Array.from({ length: n }, (_, k) => {
      const i = imported++;
      const type = REPLY_TYPES[i % REPLY_TYPES.length];
      const open = i % 4 === 0;
      const b = (d + k * 17) % 1300;
      return JSON.stringify({
        agencyCode: codes[i % codes.length],
        externalRef: `P${i}`,
        receivedOn: day(b),
        channel: 'post',
        applicantType: CATS[i % CATS.length],
        subject: `申请${i}`,
        replyType: open ? null : type,
        repliedOn: open ? null : day(b + (i % 50)),
      });
    });
    const out = await t.app.get(HistoricalImport).import(lines.join('\n'));
    if (!out.ok) throw new Error(JSON.stringify(out.problems.slice(0, 2)));
  }

  async function apply(ids: string[], e: Event) {
    const id = 'i' in e ? ids[e.i % ids.length] : '';
    switch (e.op) {
      case 'conclude':
        return db.query(
          `UPDATE request_case SET concluded_on = coalesce(received_on, '2024-01-01'::date) + $2::int,
                  conclusion_type = $3 WHERE id = $1`,
          [id, e.after, e.type === 'NONE' ? null : e.type],
        );
      case 'reopen':
        return db.query(
          `UPDATE request_case SET concluded_on = NULL, conclusion_type = NULL WHERE id = $1`,
          [id],
        );
      case 'receipt':
        return db.query(
          `UPDATE request_case SET received_on = $2::date,
                  concluded_on = CASE WHEN concluded_on < $2::date THEN $2::date ELSE concluded_on END
            WHERE id = $1`,
          [id, day(e.d)],
        );
      case 'unreceive':
        return db.query(`UPDATE request_case SET received_on = NULL WHERE id = $1`, [id]);
      case 'category':
        return db.query(`UPDATE request_case SET applicant_category = $2 WHERE id = $1`, [
          id,
          e.cat,
        ]);
      case 'move':
        return db.query(`UPDATE request_case SET agency_id = $2 WHERE id = $1`, [
          id,
          agencies[e.to].id,
        ]);
      case 'bulk':
        return db.query(`UPDATE request_case SET applicant_category = $2 WHERE id = ANY($1)`, [
          ids.slice(0, e.k),
          e.cat,
        ]);
      case 'import':
        return importCases(e.n, e.d);
      case 'rollback':
        return db
          .transaction(async (m) => {
            await m.query(`UPDATE request_case SET received_on = $2::date WHERE id = $1`, [
              id,
              day(e.d),
            ]);
            throw new Error('rolled back');
          })
          .catch(() => undefined);
    }
  }

  /** The counters' definition recounted over request_case (independent of the triggers). */
  const recount = () =>
    db.query<Array<{ k: string; n: number }>>(
      `SELECT agency_id || '/' || year || '/' || kind || '/' || conclusion_type || '/' || category AS k, sum(d)::int AS n FROM (
         SELECT agency_id, extract(year FROM received_on)::int AS year, 'new' AS kind, '' AS conclusion_type,
                applicant_category AS category, 1 AS d FROM request_case WHERE received_on IS NOT NULL
         UNION ALL
         SELECT agency_id, extract(year FROM concluded_on)::int, 'concluded', coalesce(conclusion_type, ''),
                applicant_category, 1 FROM request_case WHERE received_on IS NOT NULL AND concluded_on IS NOT NULL
       ) x GROUP BY 1 ORDER BY 1`,
    );
  const counters = () =>
    db.query<Array<{ k: string; n: number }>>(
      `SELECT agency_id || '/' || year || '/' || kind || '/' || conclusion_type || '/' || category AS k, n
         FROM report_counter WHERE n <> 0 ORDER BY 1`,
    );

  async function facts(path: string, subtree: boolean): Promise<CaseFact[]> {
    const rows = await db.query<
      Array<{
        id: string;
        ref: string;
        cat: string;
        r: string | null;
        c: string | null;
        t: string | null;
      }>
    >(
      `SELECT c.id, c.reference_no AS ref, c.applicant_category AS cat, c.received_on::text AS r,
              c.concluded_on::text AS c, c.conclusion_type AS t
         FROM request_case c JOIN agency a ON a.id = c.agency_id
        WHERE ${subtree ? 'a.path LIKE $1' : 'a.path = $1'}`,
      [subtree ? `${path}%` : path],
    );
    return rows.map((x) => ({
      id: x.id,
      referenceNo: x.ref,
      category: x.cat as CaseFact['category'],
      receivedOn: x.r,
      concludedOn: x.c,
      conclusionRow: x.t ? REPLY_TYPE_INFO[x.t as ReplyType].reportRow : null,
      onTime: null,
    }));
  }

  it('equal the full recount after random sequences of case changes', async () => {
    const repo = t.app.get(ReportCountersRepository);
    await fc.assert(
      fc.asyncProperty(fc.array(event, { minLength: 1, maxLength: 12 }), async (events) => {
        const ids = (
          await db.query<Array<{ id: string }>>(`SELECT id FROM request_case ORDER BY id`)
        ).map((r) => r.id);
        for (const e of events) await apply(ids, e);
        expect(await counters()).toEqual(await recount());
        for (const [a, subtree] of [
          [agencies[0], true],
          [agencies[1], false],
        ] as const)
          for (const year of [2024, 2025, 2027])
            for (const format of ['2021', '2019_TRIAL'] as const) {
              const fromCounters = sectionThreeFromCounters(
                await repo.upTo(a.path, subtree, year),
                year,
                format,
              );
              const onDemand = sectionThree(await facts(a.path, subtree), year, format);
              expect(fromCounters.table).toEqual(onDemand.table);
              expect(fromCounters.unmapped).toBe(onDemand.unmapped.length);
            }
      }),
      { numRuns: 25 },
    );
  });
});
