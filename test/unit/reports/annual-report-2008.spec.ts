import {
  annualReport,
  sectionTwoCheck,
  ZERO_FOUR,
  type ReportInput,
} from '../../../src/modules/reports/domain/annual-report';

const input = (over: Partial<ReportInput>): ReportInput => ({
  year: 2013,
  agency: { code: 'DQ', name: '大庆市人民政府' },
  subtree: true,
  format: '2008',
  preview: false,
  cases: [],
  lastYear: null,
  remedies: [ZERO_FOUR, ZERO_FOUR],
  remedyTotals: ZERO_FOUR,
  feesYuan: [0, 0],
  groupNames: ['市级行政机关', '县(区)政府'],
  whole: '全市',
  register: [],
  figures: null,
  saved: {},
  ...over,
});

describe('the 2008 report assembled (section 二 by group, 收费 from the fees)', () => {
  it('puts each register count in its group and the whole, with the S2 check', () => {
    const r = annualReport(
      input({
        register: [
          { category: 'updates', online: true, n: 30, group: 0 },
          { category: 'functions', online: false, n: 10, group: 0 },
          { category: 'other', online: true, n: 5, group: 1 },
        ],
      }),
    );
    expect(r.groups?.map((g) => [g.proactive.total, g.proactive.online])).toEqual([
      [40, 30],
      [5, 5],
    ]);
    expect(r.proactive).toMatchObject({ total: 45, online: 35, onlineShare: 77.8 });
    expect(r.checks.find((c) => c.rule === 'S2')).toMatchObject({ ok: true });
    expect(r.narrative.proactive.split('\n')).toHaveLength(2);
    expect(r.narrative.proactive).toContain('2013年度，县(区)政府共公开政府信息5条。');
  });

  it('computes the 收费 section from the fees collected', () => {
    const none = annualReport(input({}));
    expect(none.narrative.fees).toBe(
      '2013年，全市各级行政机关未发生因政府信息公开向公民、法人和其他组织进行收费的情况。',
    );
    const some = annualReport(input({ feesYuan: [120, 30] }));
    expect(some.feesCollectedYuan).toBe(150);
    expect(some.narrative.fees).toContain('150元');
    expect(some.groups?.map((g) => g.feesCollectedYuan)).toEqual([120, 30]);
  });

  it('S2 names a group whose total is not the sum of its categories', () => {
    const r = annualReport(
      input({ register: [{ category: 'updates', online: true, n: 3, group: 0 }] }),
    );
    const groups = r.groups ?? [];
    const broken = [{ ...groups[0], proactive: { ...groups[0].proactive, total: 4 } }, groups[1]];
    const check = sectionTwoCheck(r.proactive as never, broken);
    expect(check.ok).toBe(false);
    expect(check.detail).toContain('市级行政机关');
  });
});
