import { ogiGuide, type GuideAgency } from '../../../src/modules/agencies/domain/ogi-guide';
import { LEGAL_PERIODS } from '../../../src/modules/deadlines/domain/legal-periods';
import { officeFactRows, periodRows } from '../../../src/modules/portal/public/guide-tables';

const agency = (over: Partial<GuideAgency> = {}): GuideAgency => ({
  code: 'DQ-GA',
  name: '大庆市公安局',
  channels: ['in_person', 'post'],
  address: '黑龙江省大庆市萨尔图区东风路1号',
  officeHours: '工作日 8:30—17:00',
  phone: '0459-4600000',
  fax: '0459-4600001',
  website: 'https://ga.daqing.gov.cn',
  ...over,
});
const rows = (a: GuideAgency, lang: 'zh' | 'en' = 'zh') =>
  officeFactRows(ogiGuide(a, lang, null), a, lang);

describe(officeFactRows.name, () => {
  it("lists the office's name and every fact the agency announced", () => {
    expect(rows(agency())).toEqual([
      { label: '工作机构', value: '大庆市公安局政府信息公开工作机构', missing: false },
      { label: '办公地址', value: '黑龙江省大庆市萨尔图区东风路1号', missing: false },
      { label: '办公时间', value: '工作日 8:30—17:00', missing: false },
      { label: '联系电话', value: '0459-4600000', missing: false },
      { label: '传真', value: '0459-4600001', missing: false },
      { label: '政府网站', value: 'https://ga.daqing.gov.cn', missing: false },
    ]);
  });

  it('shows a required fact the agency has not filled in as 未公布, never blank or made up', () => {
    const r = rows(agency({ fax: null, phone: null, website: null }));
    expect(r.filter((x) => x.missing)).toEqual([
      { label: '联系电话', value: '未公布', missing: true },
      { label: '传真', value: '未公布', missing: true },
      { label: '互联网联系方式', value: '未公布', missing: true },
    ]);
    expect(r.every((x) => x.value.trim().length > 0)).toBe(true);
    expect(rows(agency({ fax: null }), 'en').find((x) => x.missing)).toEqual({
      label: 'Fax',
      value: 'Not published',
      missing: true,
    });
  });
});

describe(periodRows.name, () => {
  it("states the Regulation's periods with their article, from the one table of legal periods", () => {
    const zh = periodRows('zh');
    expect(zh[0]).toEqual({
      what: '申请内容不明确的，一次性告知补正（自收到申请之日起）',
      length: `${LEGAL_PERIODS.correctionNotice.length}个工作日`,
      basis: 'OGI-2019 Art 30 (R-COR-01)',
    });
    expect(zh[1].length).toBe('20个工作日');
    expect(zh[1].basis).toBe('OGI-2019 Art 33(1) (R-DL-01)');
    expect(zh.find((p) => p.basis.startsWith('行政复议法'))?.length).toBe('60日');
    expect(zh.find((p) => p.basis.startsWith('行政诉讼法'))?.length).toBe('6个月');
    expect(periodRows('en')[1].length).toBe('20 working days');
  });
});
