import fc from 'fast-check';
import { resultRows, ROWS } from '../../../src/modules/reports/domain/report-format';
import {
  sectionThree,
  sectionThreeChecks,
  type CaseFact,
} from '../../../src/modules/reports/domain/section-three';
import { mainTopics, type ReportCase } from '../../../src/modules/reports/domain/annual-report';

const ROW_IDS_2021 = resultRows('2021');

/** A random case around 2021: received 2020–2022, concluded on or after receipt, or open. */
const caseFact = (i: number) =>
  fc
    .record({
      category: fc.constantFrom('np', 'biz', 'res', 'npo', 'law', 'oth' as const),
      received: fc.option(fc.integer({ min: 0, max: 1095 }), { nil: null }),
      lag: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
      row: fc.option(fc.constantFrom(...ROW_IDS_2021), { nil: null, freq: 20 }),
    })
    .map((r): CaseFact => ({
      id: `id-${i}`,
      referenceNo: `GA-${i}`,
      category: r.category,
      receivedOn: r.received === null ? null : at(r.received),
      concludedOn: r.received === null || r.lag === null ? null : at(r.received + r.lag),
      conclusionRow: r.row,
      onTime: null,
    }));
const at = (d: number) =>
  new Date(Date.UTC(2020, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
const cases = fc
  .integer({ min: 0, max: 60 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => caseFact(i))));

const fact = (over: Partial<CaseFact>): CaseFact => ({
  id: 'x',
  referenceNo: 'GA-2021-000001',
  category: 'np',
  receivedOn: '2021-03-01',
  concludedOn: null,
  conclusionRow: null,
  onTime: null,
  ...over,
});

describe('section 三 (D-11, D-17, R-AR-10…15)', () => {
  it('always balances for any mix of cases, in every format (R-AR-10, R-AR-11, R-AR-12, R-AR-13)', () => {
    fc.assert(
      fc.property(cases, fc.constantFrom('2021', '2019_TRIAL', '2008' as const), (cs, format) => {
        const s = sectionThree(cs, 2021, format);
        const failed = sectionThreeChecks(s, format, null).filter((c) => !c.ok);
        // Only cases with no mapped row may fail R-AR-11, and then they are named.
        for (const c of failed) {
          expect(c.rule).toBe('R-AR-11');
          expect(s.unmapped.length).toBeGreaterThan(0);
          for (const ref of s.unmapped) expect(c.detail).toContain(ref);
        }
      }),
    );
  });

  it('equals a per-case recount of 新收, 上年结转, 办理结果 and 结转下年度', () => {
    fc.assert(
      fc.property(cases, (cs) => {
        const t = sectionThree(cs, 2021, '2021').table;
        const counted = cs.filter((c) => c.receivedOn && c.receivedOn <= '2021-12-31');
        const live = counted.filter((c) => !c.concludedOn || c.concludedOn >= '2021-01-01');
        expect(t.new.tot).toBe(live.filter((c) => c.receivedOn! >= '2021-01-01').length);
        expect(t.carry_in.tot).toBe(live.filter((c) => c.receivedOn! < '2021-01-01').length);
        expect(t.r_total.tot).toBe(
          live.filter((c) => c.concludedOn && c.concludedOn <= '2021-12-31').length,
        );
        expect(t.carry_out.tot).toBe(
          live.filter((c) => !c.concludedOn || c.concludedOn > '2021-12-31').length,
        );
        for (const row of ROW_IDS_2021)
          expect(t[row].tot).toBe(
            live.filter(
              (c) => c.conclusionRow === row && c.concludedOn && c.concludedOn <= '2021-12-31',
            ).length,
          );
      }),
    );
  });

  it('counts the boundary days: received on 1 Jan is new, concluded on 31 Dec is concluded', () => {
    const t = sectionThree(
      [
        fact({ referenceNo: 'a', receivedOn: '2021-01-01' }),
        fact({ referenceNo: 'b', receivedOn: '2020-12-31' }),
        fact({
          referenceNo: 'c',
          receivedOn: '2021-05-01',
          concludedOn: '2021-12-31',
          conclusionRow: 'r_open',
        }),
        fact({
          referenceNo: 'd',
          receivedOn: '2020-05-01',
          concludedOn: '2020-12-31',
          conclusionRow: 'r_open',
        }),
        fact({ referenceNo: 'e', receivedOn: null }),
      ],
      2021,
      '2021',
    ).table;
    expect(t.new.tot).toBe(2);
    expect(t.carry_in.tot).toBe(1);
    expect(t.r_open.np).toBe(1);
    expect(t.carry_out.tot).toBe(2);
  });

  it('folds （六）其他处理 into one row in the 2019 trial format', () => {
    const s = sectionThree(
      [
        fact({ concludedOn: '2019-06-01', receivedOn: '2019-05-01', conclusionRow: 'r_oth_2' }),
        fact({ concludedOn: '2019-06-01', receivedOn: '2019-05-01', conclusionRow: 'r_oth_3' }),
      ],
      2019,
      '2019_TRIAL',
    );
    expect(ROWS['2019_TRIAL'].map((r) => r.id)).not.toContain('r_oth_1');
    expect(s.table.r_oth.tot).toBe(2);
    expect(s.unmapped).toEqual([]);
  });

  it('names what breaks a check: a column off balance, a case in two rows, last year differing', () => {
    const s = sectionThree(
      [fact({ concludedOn: '2021-04-01', conclusionRow: 'r_open', referenceNo: 'GA-1' })],
      2021,
      '2021',
    );
    s.table.new.biz = 1;
    s.casesByRow.r_partial.push('GA-1');
    s.table.r_partial.np = 1;
    s.table.r_partial.tot = 1;
    const lastYear = { np: 0, biz: 0, res: 0, npo: 2, law: 0, oth: 0, tot: 2 };
    const byRule = Object.fromEntries(
      sectionThreeChecks(s, '2021', lastYear).map((c) => [c.rule, c]),
    );
    expect(byRule['R-AR-10']).toMatchObject({ ok: false });
    expect(byRule['R-AR-10'].detail).toContain('biz');
    expect(byRule['R-AR-11']).toMatchObject({ ok: false });
    expect(byRule['R-AR-12']).toMatchObject({ ok: false });
    expect(byRule['R-AR-12'].detail).toContain('new');
    expect(byRule['R-AR-13']).toMatchObject({ ok: false });
    expect(byRule['R-AR-13'].detail).toContain('GA-1');
    expect(byRule['R-AR-15']).toMatchObject({ ok: false });
    expect(byRule['R-AR-15'].detail).toContain('npo');
  });

  it('lists the most frequent topics of the year, at most five', () => {
    const c = (topic: string, receivedOn = '2013-03-01'): ReportCase => ({
      ...fact({ receivedOn }),
      group: 0,
      topic,
    });
    const cs = [
      ...['征地', '征地', '征地', '拆迁', '拆迁', '社保', '规划', '环保', '教育'].map((t) => c(t)),
      c('户籍', '2012-03-01'),
      c('户籍', '2012-03-01'),
    ];
    expect(mainTopics(cs, 2013)).toEqual(['征地', '拆迁', '教育', '环保', '社保']);
  });
});
