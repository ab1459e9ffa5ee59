import fc from 'fast-check';
import {
  REPLY_TYPE_INFO,
  REPLY_TYPES,
  type ReplyType,
} from '../../../src/modules/law/domain/reply-type';
import {
  sectionThreeFromCounters,
  type CounterRow,
} from '../../../src/modules/reports/domain/counters';
import { REPORT_FORMATS } from '../../../src/modules/reports/domain/report-format';
import { sectionThree, type CaseFact } from '../../../src/modules/reports/domain/section-three';

/**
 * Section 三 from the counters equals section 三 counted over the cases, for every year and
 * format: the counters here are made from the cases by their definition (新收 by receipt
 * year, 办结 by first conclusion year and reply type), as the triggers keep them.
 */
const CATS = ['np', 'biz', 'res', 'npo', 'law', 'oth'] as const;
const date = (d: number) =>
  new Date(Date.UTC(2017, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);

const kase = fc
  .record({
    cat: fc.constantFrom(...CATS),
    received: fc.option(fc.nat({ max: 3000 }), { nil: null }),
    after: fc.option(fc.nat({ max: 800 }), { nil: null }),
    type: fc.option(fc.constantFrom<ReplyType>(...REPLY_TYPES), { nil: null }),
  })
  .map(
    (
      x,
    ): {
      fact: Omit<CaseFact, 'id' | 'referenceNo' | 'conclusionRow'>;
      type: ReplyType | null;
    } => ({
      fact: {
        category: x.cat,
        receivedOn: x.received === null ? null : date(x.received),
        concludedOn: x.received === null || x.after === null ? null : date(x.received + x.after),
        onTime: null,
      },
      type: x.after === null ? null : x.type,
    }),
  );

function countersOf(
  cases: ReadonlyArray<{ fact: CaseFact; type: ReplyType | null }>,
): CounterRow[] {
  const m = new Map<string, CounterRow>();
  const add = (year: number, kind: 'new' | 'concluded', type: string, category: string) => {
    const k = `${year}/${kind}/${type}/${category}`;
    const c = m.get(k);
    m.set(k, { year, kind, conclusionType: type, category, n: (c?.n ?? 0) + 1 });
  };
  for (const { fact, type } of cases) {
    if (!fact.receivedOn) continue;
    add(Number(fact.receivedOn.slice(0, 4)), 'new', '', fact.category);
    if (fact.concludedOn)
      add(Number(fact.concludedOn.slice(0, 4)), 'concluded', type ?? '', fact.category);
  }
  return [...m.values()];
}

describe(sectionThreeFromCounters.name, () => {
  it('equals the count over the cases for every year and format', () => {
    fc.assert(
      fc.property(
        fc.array(kase, { maxLength: 80 }),
        fc.integer({ min: 2017, max: 2026 }),
        (raw, year) => {
          const cases = raw.map((c, i) => ({
            fact: {
              ...c.fact,
              conclusionRow: c.type ? REPLY_TYPE_INFO[c.type].reportRow : null,
              id: `id${i}`,
              referenceNo: `R${i}`,
            },
            type: c.type,
          }));
          const counters = countersOf(cases);
          for (const format of REPORT_FORMATS) {
            const on = sectionThree(
              cases.map((c) => c.fact),
              year,
              format,
            );
            const kept = sectionThreeFromCounters(counters, year, format);
            expect(kept.table).toEqual(on.table);
            expect(kept.unmapped).toBe(on.unmapped.length);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('carries a case received in 2024 and open into 2025 and 2026 (an example)', () => {
    const counters: CounterRow[] = [
      { year: 2024, kind: 'new', conclusionType: '', category: 'biz', n: 3 },
      { year: 2025, kind: 'concluded', conclusionType: 'DISCLOSED', category: 'biz', n: 1 },
    ];
    const t = sectionThreeFromCounters(counters, 2025, '2021').table;
    expect([t.carry_in.biz, t.r_open.biz, t.r_total.biz, t.carry_out.biz, t.new.tot]).toEqual([
      3, 1, 1, 2, 0,
    ]);
  });
});
