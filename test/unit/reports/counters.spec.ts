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
import {
  mappedReplyTypes,
  sectionThree,
  sectionThreeOfGroups,
  type CaseFact,
  type CaseGroup,
} from '../../../src/modules/reports/domain/section-three';

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

/** The cases grouped as `ReportsRepository.caseGroups` groups them in SQL (its selection). */
function groupsOf(
  cases: ReadonlyArray<{ fact: CaseFact; type: ReplyType | null }>,
  year: number,
): CaseGroup[] {
  const [start, end] = [`${year}-01-01`, `${year}-12-31`];
  const m = new Map<string, CaseGroup>();
  for (const { fact, type } of cases) {
    if (!fact.receivedOn || fact.receivedOn > end) continue;
    if (fact.concludedOn && fact.concludedOn < start) continue;
    const concluded = fact.concludedOn !== null && fact.concludedOn <= end;
    const g = {
      carriedIn: fact.receivedOn < start,
      concluded,
      conclusionType: concluded ? type : null,
      category: fact.category,
      onTime: concluded ? fact.onTime : null,
    };
    const k = JSON.stringify(g);
    m.set(k, { ...g, n: (m.get(k)?.n ?? 0) + 1 });
  }
  return [...m.values()];
}

describe(sectionThreeOfGroups.name, () => {
  it('equals the count over the cases, case by case, for every year and format', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(kase, fc.option(fc.boolean(), { nil: null })), { maxLength: 80 }),
        fc.integer({ min: 2017, max: 2026 }),
        (raw, year) => {
          const cases = raw.map(([c, onTime], i) => ({
            fact: {
              ...c.fact,
              onTime,
              conclusionRow: c.type ? REPLY_TYPE_INFO[c.type].reportRow : null,
              id: `id${i}`,
              referenceNo: `R${i}`,
            },
            type: c.type,
          }));
          const groups = groupsOf(cases, year);
          for (const format of REPORT_FORMATS) {
            const facts = cases.map((c) => c.fact);
            const on = sectionThree(facts, year, format);
            const grouped = sectionThreeOfGroups(groups, format);
            expect(grouped.table).toEqual(on.table);
            expect(grouped.unmapped).toBe(on.unmapped.length);
            const concluded = facts.filter(
              (c) => c.concludedOn?.startsWith(String(year)) && c.receivedOn !== null,
            );
            expect([grouped.onTime, grouped.late]).toEqual([
              concluded.filter((c) => c.onTime === true).length,
              concluded.filter((c) => c.onTime === false).length,
            ]);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('names as mapped exactly the reply types with a result row of the format', () => {
    for (const format of REPORT_FORMATS)
      for (const type of REPLY_TYPES) {
        const s = sectionThree(
          [
            {
              id: 'x',
              referenceNo: 'X',
              category: 'np',
              receivedOn: '2025-03-01',
              concludedOn: '2025-03-20',
              conclusionRow: REPLY_TYPE_INFO[type].reportRow,
              onTime: true,
            },
          ],
          2025,
          format,
        );
        expect(mappedReplyTypes(format).includes(type)).toBe(
          format !== '2008' && s.unmapped.length === 0,
        );
      }
  });
});
