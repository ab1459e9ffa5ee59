import {
  ALWAYS_ACCEPTED_CHANNELS,
  CHANNEL_LABELS,
  CHANNELS,
  type AgencyContact,
  type Channel,
  type RemedyBodies,
} from './agency';

type Lang = 'zh' | 'en';
type Bi = { readonly zh: string; readonly en: string };

/** What the guide is generated from: the agency's own data, nothing typed into a page. */
export interface GuideAgency extends AgencyContact, RemedyBodies {
  readonly code: string;
  readonly name: string;
  readonly channels: readonly Channel[];
}

export interface GuideFact {
  readonly label: string;
  readonly value: string;
}

export interface GuideSection {
  readonly heading: string;
  readonly paragraphs: readonly string[];
  readonly facts?: readonly GuideFact[];
}

export interface OgiGuide {
  readonly title: string;
  readonly sections: readonly GuideSection[];
  /** Items D-21 requires that the agency has not filled in (the admin pages list them). */
  readonly missing: readonly string[];
}

const t = (b: Bi, lang: Lang) => b[lang];

/** The office facts OGI-2019 Art 12 requires, in the guide's order. */
const OFFICE_FACTS: ReadonlyArray<{ key: keyof AgencyContact; label: Bi; required: boolean }> = [
  { key: 'address', label: { zh: '办公地址', en: 'Office address' }, required: true },
  { key: 'postcode', label: { zh: '邮政编码', en: 'Postcode' }, required: false },
  { key: 'officeHours', label: { zh: '办公时间', en: 'Office hours' }, required: true },
  { key: 'phone', label: { zh: '联系电话', en: 'Telephone' }, required: true },
  { key: 'fax', label: { zh: '传真', en: 'Fax' }, required: true },
  { key: 'email', label: { zh: '电子邮箱', en: 'E-mail' }, required: false },
  { key: 'website', label: { zh: '政府网站', en: 'Website' }, required: false },
  {
    key: 'internetContact',
    label: { zh: '互联网联系方式', en: 'Internet contact' },
    required: false,
  },
];

/**
 * The agency's 政府信息公开指南 (OGI-2019 Art 12, D-21): how its information is classified and
 * arranged, how to obtain it, and the name, address, hours, phone, fax and internet contact of
 * its OGI office — generated from the agency data, so it changes when they change. The
 * statutory periods are the Regulation's (Arts 30, 33, 42); the channels are the ones the
 * agency announced, with in-person and post always open (国办公开办函〔2017〕19号).
 */
export function ogiGuide(a: GuideAgency, lang: Lang, portalUrl: string | null): OgiGuide {
  const channels = CHANNELS.filter(
    (c) => ALWAYS_ACCEPTED_CHANNELS.includes(c) || a.channels.includes(c),
  ).map((c) => CHANNEL_LABELS[c][lang]);
  const list = channels.join(lang === 'zh' ? '、' : ', ');
  const internet = a.website ?? a.internetContact ?? null;
  const hasInternet = a.channels.includes('online') || a.channels.includes('email');
  const facts: GuideFact[] = [
    {
      label: t({ zh: '工作机构', en: 'Office' }, lang),
      value:
        lang === 'zh'
          ? `${a.name}政府信息公开工作机构`
          : `The open government information office of ${a.name}`,
    },
  ];
  const missing: string[] = [];
  for (const f of OFFICE_FACTS) {
    const value = a[f.key];
    if (value) facts.push({ label: t(f.label, lang), value });
    else if (f.required) missing.push(t(f.label, lang));
  }
  if (hasInternet && portalUrl)
    facts.push({ label: t({ zh: '网上申请', en: 'Apply online' }, lang), value: portalUrl });
  const remedies: string[] = [];
  if (a.reconsiderationBody)
    remedies.push(
      lang === 'zh'
        ? `向${a.reconsiderationBody}申请行政复议`
        : `apply for administrative reconsideration to ${a.reconsiderationBody}`,
    );
  if (a.court)
    remedies.push(
      lang === 'zh' ? `向${a.court}提起行政诉讼` : `bring an administrative suit before ${a.court}`,
    );
  const paragraphs = (zh: string[], en: string[]) => (lang === 'zh' ? zh : en);
  return {
    title:
      lang === 'zh'
        ? `${a.name}政府信息公开指南`
        : `Open government information guide of ${a.name}`,
    missing,
    sections: [
      {
        heading: t(
          { zh: '一、政府信息的分类与编排', en: '1. How information is classified and arranged' },
          lang,
        ),
        paragraphs: paragraphs(
          [
            '本机关的政府信息分为主动公开和依申请公开两类。主动公开的政府信息按照机构职能、政策文件、规划计划、财政资金、行政执法、公共服务等类别编排，并在形成或者变更之日起20个工作日内公开。',
            internet
              ? `主动公开的政府信息通过${internet}公布，并可在国家档案馆、公共图书馆和政务服务场所查阅。`
              : '主动公开的政府信息通过本机关政府网站、政府公报等途径公布，并可在国家档案馆、公共图书馆和政务服务场所查阅。',
          ],
          [
            'The information of this agency is either disclosed on its own initiative or on request. Information disclosed on its own initiative is arranged by function, policy documents, plans, public finance, administrative enforcement and public services, and published within 20 working days of being made or changed.',
            internet
              ? `It is published at ${internet}, and can be read in the national archives, public libraries and government service halls.`
              : "It is published on the agency's website and in the government gazette, and can be read in the national archives, public libraries and government service halls.",
          ],
        ),
      },
      {
        heading: t({ zh: '二、获取政府信息的方式', en: '2. How to obtain information' }, lang),
        paragraphs: paragraphs(
          [
            `申请获取主动公开以外的政府信息，可以通过以下方式向本机关政府信息公开工作机构提出申请：${list}。采用书面形式确有困难的，可以口头提出，由本机关代为填写申请。`,
            '申请应当包括：申请人的姓名或者名称、身份证明、联系方式；申请公开的政府信息的名称、文号或者便于查询的其他特征性描述；申请公开的政府信息的形式要求，包括获取信息的方式、途径（《中华人民共和国政府信息公开条例》第二十九条）。',
            '申请内容不明确的，本机关自收到申请之日起7个工作日内一次性告知需要补正的事项（第三十条）。能够当场答复的，当场答复；不能当场答复的，自收到申请之日起20个工作日内答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过20个工作日（第三十三条）。征求第三方和其他机关意见所需时间不计算在内。',
            '依申请提供政府信息不收取费用。申请人申请公开政府信息的数量、频次明显超过合理范围的，可以依照《政府信息公开信息处理费管理办法》收取信息处理费（第四十二条）。',
            ...(a.paymentInstructions ? [`缴费方式：${a.paymentInstructions}`] : []),
          ],
          [
            `To obtain other information, apply to the agency's open government information office: ${list}. Anyone for whom writing is genuinely difficult may apply orally and the office fills in the application.`,
            "An application states the applicant's name, proof of identity and contact details; the title, document number or another description of the information; and the form in which it is wanted, including how it is to be obtained (Article 29 of the Regulations).",
            'If an application is unclear, the agency tells the applicant once, within 7 working days of receipt, everything that must be corrected (Article 30). It answers at once where it can, otherwise within 20 working days of receipt; the head of the office may extend this by at most 20 working days, telling the applicant (Article 33). Time spent consulting third parties or other agencies is not counted.',
            'Information is provided free of charge. Where the number or frequency of requests clearly exceeds a reasonable range, an information-processing fee may be charged under the State Council measures (Article 42).',
            ...(a.paymentInstructions ? [`How to pay: ${a.paymentInstructions}`] : []),
          ],
        ),
      },
      {
        heading: t(
          { zh: '三、政府信息公开工作机构', en: '3. The open government information office' },
          lang,
        ),
        paragraphs: [],
        facts,
      },
      {
        heading: t({ zh: '四、监督和救济', en: '4. Supervision and remedies' }, lang),
        paragraphs: paragraphs(
          [
            `公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报${remedies.length ? `，也可以依法${remedies.join('或者')}` : '，也可以依法申请行政复议或者提起行政诉讼'}（第五十一条）。`,
          ],
          [
            `Anyone who considers that the agency infringed their lawful rights in its open government information work may complain to the agency one level up or to the authority in charge of open government information, ${remedies.length ? `and may ${remedies.join(' or ')}` : 'and may apply for administrative reconsideration or bring an administrative suit'} (Article 51).`,
          ],
        ),
      },
    ],
  };
}
