import fc from 'fast-check';
import { REPLY_TYPE_INFO, REPLY_TYPES } from '../../../src/modules/law/domain/reply-type';
import { outcomeMix } from '../../../src/modules/reports/domain/outcome-mix';
import { CATEGORY_COLUMNS } from '../../../src/modules/reports/domain/report-format';
import { sectionThree, type CaseFact } from '../../../src/modules/reports/domain/section-three';

const day = fc
  .integer({ min: 0, max: 729 })
  .map((d) => new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
const fact = fc
  .record({
    category: fc.constantFrom(...CATEGORY_COLUMNS),
    receivedOn: day,
    wait: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
    reply: fc.constantFrom(...REPLY_TYPES),
  })
  .map((x): Omit<CaseFact, 'id' | 'referenceNo'> => ({
    category: x.category,
    receivedOn: x.receivedOn,
    concludedOn:
      x.wait === null
        ? null
        : new Date(Date.parse(x.receivedOn) + x.wait * 86_400_000).toISOString().slice(0, 10),
    conclusionRow: x.wait === null ? null : REPLY_TYPE_INFO[x.reply].reportRow,
    onTime: x.wait === null ? null : x.wait < 30,
  }));

describe('The outcome mix of section 三', () => {
  it('groups the result rows under （一）…（六） with their exact labels, adding up to （七）总计 (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fact, { maxLength: 60 }),
        fc.constantFrom('2021', '2019_TRIAL'),
        (raw, format) => {
          const cases: CaseFact[] = raw.map((x, i) => ({
            ...x,
            id: `c${i}`,
            referenceNo: `R${i}`,
          }));
          const { table } = sectionThree(cases, 2026, format);
          const mix = outcomeMix(table, format);
          expect(mix.map((g) => g.label.slice(0, 3))).toEqual([
          '（一）', '（二）', '（三）', '（四）', '（五）', '（六）',
        ]); // prettier-ignore
          expect(mix.reduce((a, g) => a + g.n, 0)).toBe(table.r_total.tot);
          for (const g of mix) expect(g.n).toBe(g.rows.reduce((a, r) => a + table[r.id].tot, 0));
        },
      ),
    );
  });

  it('prints each row under its own label; the trial format has （六） as one row', () => {
    const c = (id: string, row: string): CaseFact => ({
      id,
      referenceNo: id,
      category: 'np',
      receivedOn: '2026-03-02',
      concludedOn: '2026-03-20',
      conclusionRow: row,
      onTime: true,
    });
    const cases = [c('a', 'r_open'), c('b', 'r_no_4'), c('d', 'r_no_4'), c('e', 'r_oth_2')];
    const mix = outcomeMix(sectionThree(cases, 2026, '2021').table, '2021');
    expect(mix[0]).toMatchObject({ label: '（一）予以公开', n: 1 });
    expect(mix[2].rows.find((r) => r.id === 'r_no_4')).toEqual({
      id: 'r_no_4',
      label: '4.保护第三方合法权益',
      n: 2,
    });
    const trial = outcomeMix(sectionThree(cases, 2026, '2019_TRIAL').table, '2019_TRIAL');
    expect(trial[5]).toEqual({
      label: '（六）其他处理',
      n: 1,
      rows: [{ id: 'r_oth', label: '（六）其他处理', n: 1 }],
    });
  });
});
