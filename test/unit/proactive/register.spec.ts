import fc from 'fast-check';
import {
  CATEGORIES,
  CATEGORY_LABELS,
  registerParagraph,
  registerSummary,
  share,
  type RegisterCount,
} from '../../../src/modules/proactive/domain/register';

const counts = fc.array(
  fc.record({
    category: fc.constantFrom(...CATEGORIES),
    online: fc.boolean(),
    n: fc.integer({ min: 0, max: 50_000 }),
  }),
  { maxLength: 30 },
);

/** The seed's figures: 2013 report of 大庆市, 市级行政机关 (the city's agencies). */
const CITY = {
  functions: 3129,
  policies: 2145,
  enforcement: 2559,
  licensing: 5672,
  updates: 15826,
  other: 8252,
};
const split = (byCat: Record<string, number>, online: number): RegisterCount[] => {
  let left = online;
  return CATEGORIES.flatMap((c) => {
    const on = Math.min(left, byCat[c]);
    left -= on;
    return [
      { category: c, online: true, n: on },
      { category: c, online: false, n: byCat[c] - on },
    ];
  });
};

describe('registerSummary (2008 format, section 二)', () => {
  it('totals equal the sum of the categories, online never exceeds the total', () => {
    fc.assert(
      fc.property(counts, (cs) => {
        const s = registerSummary(cs);
        expect(s.total).toBe(CATEGORIES.reduce((a, c) => a + s.byCategory[c], 0));
        expect(s.total).toBe(cs.reduce((a, c) => a + c.n, 0));
        expect(s.online).toBe(cs.filter((c) => c.online).reduce((a, c) => a + c.n, 0));
        expect(s.online).toBeLessThanOrEqual(s.total);
      }),
    );
  });

  it('shares sum to 100 within the rounding of six one-decimal figures, each within 0.05 of the exact share', () => {
    fc.assert(
      fc.property(counts, (cs) => {
        const s = registerSummary(cs);
        if (s.total === 0) return;
        const sum = CATEGORIES.reduce((a, c) => a + s.shares[c], 0);
        expect(Math.abs(sum - 100)).toBeLessThanOrEqual(0.3 + 1e-9);
        for (const c of CATEGORIES)
          expect(Math.abs(s.shares[c] - (100 * s.byCategory[c]) / s.total)).toBeLessThanOrEqual(
            0.05 + 1e-9,
          );
      }),
    );
  });

  it('summing two registers equals the register of the union (a subtree is the sum of its agencies)', () => {
    fc.assert(
      fc.property(counts, counts, (a, b) => {
        const whole = registerSummary([...a, ...b]);
        const x = registerSummary(a);
        const y = registerSummary(b);
        expect(whole.total).toBe(x.total + y.total);
        expect(whole.online).toBe(x.online + y.online);
        for (const c of CATEGORIES)
          expect(whole.byCategory[c]).toBe(x.byCategory[c] + y.byCategory[c]);
      }),
    );
  });

  it("gives the seed's shares for 市级行政机关 (37583 items, 23669 online)", () => {
    const s = registerSummary(split(CITY, 23669));
    expect([s.total, s.online, s.onlineShare]).toEqual([37583, 23669, 63]);
    expect(s.shares).toEqual({
      functions: 8.3,
      policies: 5.7,
      enforcement: 6.8,
      licensing: 15.1,
      updates: 42.1,
      other: 22,
    });
  });

  it('rounds half up to one decimal and gives 0 of nothing', () => {
    expect(share(1, 8)).toBe(12.5);
    expect(share(1, 3)).toBe(33.3);
    expect(share(2, 3)).toBe(66.7);
    expect(share(5, 0)).toBe(0);
  });

  it("writes the seed's paragraph with the labels exactly", () => {
    const text = registerParagraph(2013, '市级行政机关', registerSummary(split(CITY, 23669)));
    expect(text).toBe(
      '2013年度，市级行政机关共公开政府信息37583条。其中，网上公开23669条，约占总数的63%。公开的政府信息中，部门职能类信息3129条，占总数的8.3%；政策法规类信息2145条，占总数的5.7%；行政执法类信息2559条，占总数的6.8%；行政审批(许可)类信息5672条，占总数的15.1%；工作动态类信息15826条，占总数的42.1%；其他类信息8252条，占总数的22%。',
    );
    expect(Object.values(CATEGORY_LABELS)).toEqual([
      '部门职能类',
      '政策法规类',
      '行政执法类',
      '行政审批(许可)类',
      '工作动态类',
      '其他类',
    ]);
  });
});
