import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { AgenciesService } from '../../src/modules/agencies/agencies.service';
import {
  REPLY_TYPE_INFO,
  REPLY_TYPES,
  type ReplyType,
} from '../../src/modules/law/domain/reply-type';
import { operator } from '../../src/cli/support/operator';
import { DECISIONS, type RemedyKind, REMEDY_KINDS } from '../../src/modules/remedies/domain/remedy';
import { outcomesOf } from '../../src/modules/remedies/domain/remedy-rules';
import {
  countingAgencyCode,
  outcomeAtYearEnd,
} from '../../src/modules/remedies/domain/section-four';
import { RemediesImport } from '../../src/modules/remedies/remedies-import.service';
import { Remedy } from '../../src/modules/remedies/remedy.entity';
import { SectionFourService } from '../../src/modules/remedies/section-four.service';
import {
  sectionFourFromCounters,
  sectionThreeFromCounters,
} from '../../src/modules/reports/domain/counters';
import { AnnualReportService } from '../../src/modules/reports/annual-report.service';
import { sectionThree, type CaseFact } from '../../src/modules/reports/domain/section-three';
import { ReportCountersRepository } from '../../src/modules/reports/report-counters.repository';
import { HistoricalImport } from '../../src/modules/requests/historical-import.service';
import { bootTestApp, type TestApp } from '../utils/test-app';

/**
 * The section 三 counters equal the full recount after any sequence of case changes: receipt
 * dates corrected, conclusions made and undone, categories and agencies changed, bulk
 * statements, imports, rolled-back transactions — checked against a GROUP BY over request_case
 * written here, and section 三 from the counters against the on-demand count of the cases.
 * Likewise section 四's counters after any sequence of remedy changes (filed, docketed,
 * re-dated, decided, appealed, withdrawn or refused, defendants changed — R-AR-21 —, deleted,
 * bulk statements, imports, rolled back): against a recount by the pure rules of
 * `section-four.ts` over every remedy, and section 四 from them against the on-demand count.
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
  | { op: 'rollback'; i: number; d: number }
  | { op: 'remedy'; i: number; kind: RemedyKind; d: number; defendants: number }
  | { op: 'decide'; j: number; after: number; result: number }
  | { op: 'end'; j: number; after: number; refused: boolean }
  | { op: 'unend'; j: number }
  | { op: 'docket'; j: number; after: number | null }
  | { op: 'redate'; j: number; d: number }
  | { op: 'defendants'; j: number; defendants: number }
  | { op: 'delete-remedy'; j: number }
  | { op: 'bulk-remedies'; k: number }
  | { op: 'import-remedies'; i: number; d: number; result: number }
  | { op: 'rollback-remedy'; j: number; d: number };

/**
 * Defendants of a suit (R-AR-21): none, the original actor with the body (counted by the
 * original), the body alone (HLJ, HLJ-B, a code not in the system, no code).
 */
const DEFENDANTS: ReadonlyArray<Array<Record<string, string | null>>> = [
  [],
  [
    { role: 'original', name: '原行政机关' },
    { role: 'reconsideration_body', name: '复议机关', agencyCode: 'HLJ' },
  ],
  [{ role: 'reconsideration_body', name: '复议机关', agencyCode: 'HLJ' }],
  [{ role: 'reconsideration_body', name: '复议机关', agencyCode: 'HLJ-B' }],
  [{ role: 'reconsideration_body', name: '外省机关', agencyCode: 'ZZ-ELSEWHERE' }],
  [
    { role: 'reconsideration_body', name: '复议机关', agencyCode: null },
    { role: 'reconsideration_body', name: '另一机关', agencyCode: 'HLJ-B' },
  ],
];

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

const remedyEvent: fc.Arbitrary<Event> = fc.oneof(
  fc.record({
    op: fc.constant('remedy' as const),
    i: fc.nat(),
    kind: fc.constantFrom(...REMEDY_KINDS),
    d: fc.nat({ max: 1399 }),
    defendants: fc.nat({ max: DEFENDANTS.length - 1 }),
  }),
  fc.record({
    op: fc.constant('decide' as const),
    j: fc.nat(),
    // Coarse days, so that outcomes often fall on the same day (the later one recorded wins).
    after: fc.nat({ max: 12 }).map((n) => n * 40),
    result: fc.nat({ max: DECISIONS.length - 1 }),
  }),
  fc.record({
    op: fc.constant('end' as const),
    j: fc.nat(),
    // Coarse days, so that outcomes often fall on the same day (the later one recorded wins).
    after: fc.nat({ max: 12 }).map((n) => n * 40),
    refused: fc.boolean(),
  }),
  fc.record({ op: fc.constant('unend' as const), j: fc.nat() }),
  fc.record({
    op: fc.constant('docket' as const),
    j: fc.nat(),
    after: fc.option(fc.nat({ max: 400 }), { nil: null }),
  }),
  fc.record({ op: fc.constant('redate' as const), j: fc.nat(), d: fc.nat({ max: 1399 }) }),
  fc.record({
    op: fc.constant('defendants' as const),
    j: fc.nat(),
    defendants: fc.nat({ max: DEFENDANTS.length - 1 }),
  }),
  fc.record({ op: fc.constant('delete-remedy' as const), j: fc.nat() }),
  fc.record({ op: fc.constant('bulk-remedies' as const), k: fc.nat({ max: 20 }) }),
  fc.record({
    op: fc.constant('import-remedies' as const),
    i: fc.nat(),
    d: fc.nat({ max: 1399 }),
    result: fc.nat({ max: 3 }),
  }),
  fc.record({ op: fc.constant('rollback-remedy' as const), j: fc.nat(), d: fc.nat({ max: 1399 }) }),
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

  let importedRemedies = 0;

  async function apply(ids: string[], e: Event, remedyIds: string[] = []) {
    const id = 'i' in e ? ids[e.i % ids.length] : '';
    const rid = 'j' in e && remedyIds.length ? remedyIds[e.j % remedyIds.length] : null;
    // A change of a remedy when there is none yet: nothing to do.
    if ('j' in e && !rid) return;
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
      case 'remedy':
        return db.query(
          `INSERT INTO remedy (year, id, case_year, case_id, agency_id, kind, status, body_name,
                  applied_on, defendants, source)
           SELECT extract(year FROM $2::date)::smallint, gen_random_uuid(), c.year, c.id, c.agency_id,
                  $3, CASE WHEN $3 = 'complaint' THEN 'received' WHEN $3 = 'reconsideration' THEN 'applied'
                  ELSE 'filed' END, '复议机关', $2::date, $4::jsonb, 'live'
             FROM request_case c WHERE c.id = $1`,
          [id, day(e.d), e.kind, JSON.stringify(DEFENDANTS[e.defendants])],
        );
      case 'decide':
        // A decision (a second one: the appeal's) some days after filing.
        return db.query(
          `UPDATE remedy SET decisions = decisions || jsonb_build_array(jsonb_build_object(
                  'instance', least(jsonb_array_length(decisions) + 1, 2),
                  'decidedOn', (applied_on + $2::int)::text, 'result', $3::text,
                  'form', NULL, 'servedOn', NULL)), status = 'decided' WHERE id = $1`,
          [rid, e.after, DECISIONS[e.result]],
        );
      case 'end':
        return db.query(
          `UPDATE remedy SET ended_on = applied_on + $2::int, end_result = $3 WHERE id = $1`,
          [rid, e.after, e.refused ? 'not_accepted' : 'withdrawn'],
        );
      case 'unend':
        return db.query(`UPDATE remedy SET ended_on = NULL, end_result = NULL WHERE id = $1`, [
          rid,
        ]);
      case 'docket':
        return db.query(`UPDATE remedy SET docketed_on = applied_on + $2::int WHERE id = $1`, [
          rid,
          e.after,
        ]);
      case 'redate':
        return db.query(`UPDATE remedy SET applied_on = $2::date WHERE id = $1`, [rid, day(e.d)]);
      case 'defendants':
        return db.query(`UPDATE remedy SET defendants = $2::jsonb WHERE id = $1`, [
          rid,
          JSON.stringify(DEFENDANTS[e.defendants]),
        ]);
      case 'delete-remedy':
        return db.query(
          `WITH e AS (DELETE FROM remedy_event WHERE remedy_id = $1) DELETE FROM remedy WHERE id = $1`,
          [rid],
        );
      case 'bulk-remedies':
        return db.query(
          `UPDATE remedy SET decisions = '[]', status = 'applied' WHERE id = ANY($1)`,
          [remedyIds.slice(0, e.k)],
        );
      case 'import-remedies': {
        const [c] = await db.query<Array<{ ref: string }>>(
          `SELECT reference_no AS ref FROM request_case WHERE id = $1`,
          [id],
        );
        const n = importedRemedies++;
        const result = [null, 'upheld', 'corrected', 'other'][e.result];
        const out = await t.app.get(RemediesImport).import(
          JSON.stringify({
            caseRef: c.ref,
            kind: (
              ['reconsideration', 'litigation_direct', 'litigation_after_reconsideration'] as const
            )[n % 3],
            // (day() wraps at 1400 days: the conclusion stays after the filing.)
            filedOn: day(e.d % 1300),
            concludedOn: result ? day((e.d % 1300) + 90) : null,
            result,
            body: '复议机关',
            externalRef: `RI${n}`,
          }),
        );
        if (!out.ok) throw new Error(JSON.stringify(out.problems.slice(0, 2)));
        return;
      }
      case 'rollback-remedy':
        return db
          .transaction(async (m) => {
            await m.query(
              `UPDATE remedy SET applied_on = $2::date, docketed_on = NULL WHERE id = $1`,
              [rid, day(e.d)],
            );
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

  /** Section 四's counters recounted by the pure rules over every remedy (not by the trigger). */
  async function remedyRecount(): Promise<Array<{ k: string; n: number }>> {
    const codes = new Map(
      (await db.query<Array<{ id: string; code: string }>>(`SELECT id, code FROM agency`)).map(
        (a) => [a.id, a.code],
      ),
    );
    const out = new Map<string, number>();
    for (const r of await db.getRepository(Remedy).find()) {
      if (r.kind === 'complaint') continue;
      const by = countingAgencyCode(r.kind, codes.get(r.agencyId) ?? '', r.defendants);
      if (!by) continue;
      const countedOn = r.docketedOn ?? r.appliedOn;
      const result = outcomeAtYearEnd({ kind: r.kind, countedOn, outcomes: outcomesOf(r) });
      const k = `${by}/${countedOn.slice(0, 4)}/${r.kind}/${result ?? ''}`;
      out.set(k, (out.get(k) ?? 0) + 1);
    }
    return [...out.entries()]
      .map(([k, n]) => ({ k, n }))
      .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  }
  const remedyCounters = async () =>
    (
      await db.query<Array<{ k: string; n: number }>>(
        `SELECT agency_code || '/' || year || '/' || kind || '/' || result AS k, n
           FROM report_remedy_counter WHERE n <> 0`,
      )
    ).sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));

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

  it('keep section 四 equal to the full recount after random sequences of remedy changes', async () => {
    const repo = t.app.get(ReportCountersRepository);
    const four = t.app.get(SectionFourService);
    const reports = t.app.get(AnnualReportService);
    const p = await operator(t.app);
    const byPath = new Map(
      (await db.query<Array<{ code: string; path: string }>>(`SELECT code, path FROM agency`)).map(
        (a) => [a.path, a.code],
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof({ arbitrary: remedyEvent, weight: 4 }, { arbitrary: event, weight: 1 }), {
          minLength: 1,
          maxLength: 15,
        }),
        async (events) => {
          const ids = (
            await db.query<Array<{ id: string }>>(`SELECT id FROM request_case ORDER BY id`)
          ).map((r) => r.id);
          for (const e of events) {
            const remedyIds = (
              await db.query<Array<{ id: string }>>(`SELECT id FROM remedy ORDER BY id`)
            ).map((r) => r.id);
            await apply(ids, e, remedyIds);
          }
          expect(await remedyCounters()).toEqual(await remedyRecount());
          for (const [a, subtree] of [
            [agencies[0], true],
            [agencies[1], false],
            [agencies[2], false],
          ] as const)
            for (const year of [2024, 2025, 2026, 2027]) {
              const q = { year, agencyCode: byPath.get(a.path) ?? '', subtree };
              const onDemand = await four.report(p, q);
              expect(sectionFourFromCounters(await repo.remediesOf(a.path, subtree, year))).toEqual(
                onDemand.figures,
              );
              // The report's path from the counters gives the same (三 and 四).
              const kept = await reports.figuresFromCounters(p, q);
              expect(kept.remedies).toEqual(onDemand.figures);
              expect(kept.applications).toEqual(
                sectionThree(await facts(a.path, subtree), year, '2021').table,
              );
            }
        },
      ),
      { numRuns: 25 },
    );
  });
});
