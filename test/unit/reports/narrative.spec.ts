import fc from 'fast-check';
import { NOT_APPLICABLE, sectionTwo } from '../../../src/modules/proactive/domain/figures';
import { registerSummary } from '../../../src/modules/proactive/domain/register';
import { ZERO_FOUR } from '../../../src/modules/reports/domain/annual-report';
import {
  clip,
  draftNarrative,
  EDITABLE_SECTIONS,
  OVERVIEW_MAX,
  type NarrativeFacts,
} from '../../../src/modules/reports/domain/narrative';
import { COLUMNS } from '../../../src/modules/reports/domain/report-format';

const big = fc.oneof(fc.integer({ min: 0, max: 1_000_000_000 }), fc.constant(NOT_APPLICABLE));
const row = (n: number) =>
  Object.fromEntries(COLUMNS.map((c) => [c, n])) as Record<(typeof COLUMNS)[number], number>;
const facts = (over: Partial<NarrativeFacts>): NarrativeFacts => ({
  year: 2026,
  format: '2021',
  whole: '大庆市公安局',
  applications: { new: row(12), carry_in: row(2), r_total: row(11), carry_out: row(3) },
  remedies: ZERO_FOUR,
  feesText: '本年度未收取信息处理费。',
  onTime: 10,
  late: 1,
  figures: sectionTwo('2021', []),
  register: null,
  ...over,
});

describe('the narrative drafts', () => {
  it('keep section 一 within 1,000 characters whatever the figures (30号)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('2021' as const, '2019_TRIAL' as const),
        fc.array(big, { minLength: 12, maxLength: 12 }),
        fc.string({ minLength: 700, maxLength: 900 }),
        (format, v, whole) => {
          const figures = sectionTwo(format, [
            {
              item: 'rules',
              values: { made: v[0], abolished: v[1], inForce: v[2], newlyMade: v[3] },
            },
            { item: 'licensing', values: { decisions: v[4] } },
            { item: 'penalty', values: { decisions: v[5] } },
            { item: 'procurement', values: { projects: v[6], amount10kYuan: v[7] } },
          ]);
          const d = draftNarrative(facts({ format, figures, whole }));
          expect([...d.overview].length).toBeLessThanOrEqual(OVERVIEW_MAX);
          expect(Object.keys(d).sort()).toEqual([...EDITABLE_SECTIONS[format]].sort());
        },
      ),
    );
    expect(clip('一二三', 2)).toBe('一…');
    expect(clip('一二', 2)).toBe('一二');
  });

  it('are made from the figures', () => {
    const figures = sectionTwo('2021', [
      { item: 'licensing', values: { decisions: 1200 } },
      { item: 'rules', values: { made: NOT_APPLICABLE, abolished: 0, inForce: 7 } },
    ]);
    const d = draftNarrative(facts({ figures }));
    expect(d.overview).toContain('作出行政许可决定1200件');
    expect(d.overview).toContain('本年制发规章（不适用）');
    expect(d.overview).toContain(
      '本年新收政府信息公开申请12件，上年结转2件，办结11件，结转下年度继续办理3件',
    );
    expect(d.problems).toContain('本年度有1件政府信息公开申请未在法定期限内答复');
    expect(d.other).toBe('本年度未收取信息处理费。');
    const old = draftNarrative(
      facts({
        format: '2008',
        year: 2013,
        whole: '全市',
        register: registerSummary([
          { category: 'updates', online: true, n: 75 },
          { category: 'other', online: false, n: 25 },
        ]),
      }),
    );
    expect(old.overview).toContain('全年共主动公开政府信息100条，其中网上公开75条');
    expect(old.problems).toContain('约占主动公开总数的75%');
    expect(old.improvements).toMatch(/^2014年/);
  });
});
