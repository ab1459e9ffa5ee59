import fc from 'fast-check';
import { CHANNELS, type Channel } from '../../../src/modules/agencies/domain/agency';
import { ogiGuide, type GuideAgency } from '../../../src/modules/agencies/domain/ogi-guide';

const GA: GuideAgency = {
  code: 'DQ-GA',
  name: '大庆市公安局',
  channels: ['online', 'fax'],
  address: '大庆市萨尔图区东风路12号',
  postcode: '163000',
  officeHours: '法定工作日 8:30—11:30',
  phone: '0459-4661111',
  fax: '0459-4661112',
  email: 'gongkai@ga.dq.gov.cn',
  website: 'https://ga.daqing.gov.cn',
  internetContact: null,
  paymentInstructions: '收款单位 大庆市公安局',
  reconsiderationBody: '大庆市人民政府',
  court: '大庆市萨尔图区人民法院',
};
const text = (g: ReturnType<typeof ogiGuide>) =>
  g.sections
    .flatMap((s) => [
      s.heading,
      ...s.paragraphs,
      ...(s.facts ?? []).map((f) => `${f.label}${f.value}`),
    ])
    .join('\n');

describe('the OGI guide (OGI-2019 Art 12, D-21)', () => {
  it('states every item Art 12 requires, from the agency data', () => {
    const g = ogiGuide(GA, 'zh', 'https://portal.example/my/requests/new');
    expect(g.title).toBe('大庆市公安局政府信息公开指南');
    const office = g.sections.find((s) => s.facts)?.facts ?? [];
    expect(Object.fromEntries(office.map((f) => [f.label, f.value]))).toEqual({
      工作机构: '大庆市公安局政府信息公开工作机构',
      办公地址: GA.address,
      邮政编码: GA.postcode,
      办公时间: GA.officeHours,
      联系电话: GA.phone,
      传真: GA.fax,
      电子邮箱: GA.email,
      政府网站: GA.website,
      网上申请: 'https://portal.example/my/requests/new',
    });
    expect(g.missing).toEqual([]);
    const all = text(g);
    expect(all).toContain('主动公开和依申请公开');
    expect(all).toContain('20个工作日内答复');
    expect(all).toContain('7个工作日内一次性告知');
    expect(all).toContain('缴费方式：收款单位 大庆市公安局');
    expect(all).toContain('向大庆市人民政府申请行政复议或者向大庆市萨尔图区人民法院提起行政诉讼');
  });

  it('lists the announced channels, in person and post always, never one not announced', () => {
    const all = text(ogiGuide({ ...GA, channels: ['email'] }, 'zh', null));
    expect(all).toContain('当面提交、邮寄、电子邮件');
    expect(all).not.toContain('互联网申请平台');
    expect(all).not.toMatch(/方式提出申请：[^。]*传真/);
  });

  it('names what the agency has not filled in instead of printing blanks', () => {
    const g = ogiGuide({ ...GA, fax: null, officeHours: '' }, 'en', null);
    expect(g.missing).toEqual(['Office hours', 'Fax']);
    expect(text(g)).not.toMatch(/null|undefined/);
  });

  it('for any agency data: every value given appears once, nothing reads null or undefined', () => {
    const value = fc.option(
      fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== ''),
      {
        nil: null,
      },
    );
    fc.assert(
      fc.property(
        fc.record({
          channels: fc.subarray([...CHANNELS] as Channel[]),
          address: value,
          officeHours: value,
          phone: value,
          fax: value,
          website: value,
          paymentInstructions: value,
        }),
        fc.constantFrom('zh' as const, 'en' as const),
        (data, lang) => {
          const g = ogiGuide(
            { ...GA, ...data, internetContact: null, email: null, postcode: null },
            lang,
            null,
          );
          const facts = g.sections.flatMap((s) => s.facts ?? []);
          for (const v of [data.address, data.officeHours, data.phone, data.fax])
            if (v) expect(facts.filter((f) => f.value === v).length).toBeGreaterThanOrEqual(1);
          expect(g.missing.length).toBe(
            [data.address, data.officeHours, data.phone, data.fax].filter((v) => !v).length,
          );
          expect(text(g)).not.toMatch(/\bnull\b|\bundefined\b/);
        },
      ),
    );
  });
});
