/** The public pages' own words (published reports, guide tables, statistics), Chinese first. */
export const PUBLIC_TEXT = {
  // Published reports
  publishedReports: {
    zh: '政府信息公开工作年度报告',
    en: 'Annual reports on open government information',
  },
  publishedReportsOf: { zh: '已发布的年度报告', en: 'Published annual reports' },
  publishedReportsIntro: {
    zh: '以下为本机关已发布的政府信息公开工作年度报告。每一版本均按发布时的内容保存，不随此后的记录变化；更正后发布的新版本注明更正说明。',
    en: 'The annual reports this agency has published. Each version is kept exactly as published and never changes with later records; a correction is a new version with its note.',
  },
  noPublishedReports: {
    zh: '本机关尚未发布年度报告。',
    en: 'This agency has not published an annual report yet.',
  },
  reportScopeAlone: { zh: '本机关', en: 'This agency alone' },
  reportScopeSubtree: { zh: '本机关及所属机关', en: 'This agency and those under it' },
  reportVersion: { zh: '版本', en: 'Version' },
  versionN: { zh: '第{n}版', en: 'Version {n}' },
  publishedOn: { zh: '发布日期', en: 'Published on' },
  correctionNote: { zh: '更正说明', en: 'Correction note' },
  firstVersion: { zh: '首次发布', en: 'First publication' },
  reportFiles: { zh: '下载', en: 'Downloads' },
  readOnPage: { zh: '在线阅读', en: 'Read on this page' },
  fileSize: { zh: '大小', en: 'Size' },
  reportFormat: { zh: '格式', en: 'Format' },
  reportVersions: { zh: '报告版本', en: 'Versions of the report' },
  reportFrozen: {
    zh: '本页内容取自该版本发布时保存的报告数据（已核对其SHA-256），与下载文件一致。',
    en: 'This page shows the report data stored when this version was published (checked against its SHA-256), the same as the files to download.',
  },
  sectionTable: { zh: '表{n}', en: 'Table {n}' },
  otherVersions: { zh: '其他版本', en: 'Other versions' },
  backToReports: { zh: '返回年度报告列表', en: 'Back to the list of reports' },
  // Guide tables
  officeFactsCaption: {
    zh: '政府信息公开工作机构的名称、办公地址、办公时间、联系电话、传真号码、互联网联系方式',
    en: "The office's name, address, hours, telephone, fax and internet contact",
  },
  factItem: { zh: '事项', en: 'Item' },
  factValue: { zh: '内容', en: 'Details' },
  notPublished: { zh: '未公布', en: 'Not published' },
  periodsCaption: { zh: '办理期限', en: 'Periods' },
  periodWhat: { zh: '事项', en: 'What' },
  periodLength: { zh: '期限', en: 'Period' },
  periodBasis: { zh: '依据', en: 'Basis' },
  periodWorkingDays: { zh: '{n}个工作日', en: '{n} working days' },
  periodCalendarDays: { zh: '{n}日', en: '{n} days' },
  periodMonths: { zh: '{n}个月', en: '{n} months' },
  internetContactFact: { zh: '互联网联系方式', en: 'Internet contact' },
  periodCorrectionNotice: {
    zh: '申请内容不明确的，一次性告知补正（自收到申请之日起）',
    en: 'An unclear request: everything to correct, told at once (from receipt)',
  },
  periodReply: {
    zh: '不能当场答复的，答复期限（自收到申请之日起）',
    en: 'The reply, where it cannot be given at once (from receipt)',
  },
  periodExtension: {
    zh: '需要延长答复期限的，延长的期限最长不超过',
    en: 'An extension of the reply period, at most',
  },
  periodConsultation: {
    zh: '征求第三方或其他机关意见的答复期限（不计入答复期限）',
    en: 'A third party or another agency consulted answers within (not counted in the reply period)',
  },
  periodFee: { zh: '收到收费通知后的缴费期限', en: 'Paying a fee after the fee notice' },
  periodReconsideration: {
    zh: '申请行政复议（自知道该行为之日起）',
    en: 'Applying for administrative reconsideration (from learning of the act)',
  },
  periodSuit: {
    zh: '直接提起行政诉讼（自知道该行为之日起）',
    en: 'Bringing an administrative suit directly (from learning of the act)',
  },
  guideLinks: { zh: '本机关的公开信息', en: 'This agency in figures' },
  // Statistics
  statistics: { zh: '政府信息公开申请办理统计', en: 'Requests for information: live statistics' },
  statisticsOf: { zh: '{year}年办理情况（实时）', en: 'Requests in {year} (live)' },
  statisticsIntro: {
    zh: '以下数字由系统根据申请记录实时计算，口径与年度报告第三部分相同；年度报告发布后以已发布的报告为准。',
    en: 'These figures are computed live from the records, counted as section 三 of the annual report counts them; once the year’s report is published, the published report is authoritative.',
  },
  statisticsScope: { zh: '统计范围', en: 'Scope' },
  statisticsYear: { zh: '年度', en: 'Year' },
  statShow: { zh: '查看', en: 'Show' },
  statFigure: { zh: '指标', en: 'Figure' },
  statValue: { zh: '数值', en: 'Value' },
  statRule: { zh: '统计口径', en: 'How it is counted' },
  figuresCaption: { zh: '{year}年申请办理主要指标', en: 'The main figures of {year}' },
  statReceived: { zh: '本年新收申请', en: 'Requests received this year' },
  ruleReceived: {
    zh: '按收到申请之日计（D-11），即年度报告“一、本年新收政府信息公开申请数量”总计',
    en: 'By the day the request was received (D-11): 新收 总计 of the annual report',
  },
  statConcluded: { zh: '本年办结申请', en: 'Requests concluded this year' },
  ruleConcluded: {
    zh: '首次办结（D-17），以答复送达之日计；即年度报告“（七）总计”',
    en: 'First conclusion (D-17), on the day the reply was served: （七）总计 of the annual report',
  },
  statOnTime: { zh: '按期答复率', en: 'Replied on time' },
  ruleOnTime: {
    zh: '按期：在法定期限内答复（R-DL-04），以每件申请记录的结果计；按期{onTime}件，逾期{late}件',
    en: 'On time: replied within the legal period (R-DL-04), as each case records it; {onTime} on time, {late} late',
  },
  statMedian: { zh: '答复用时（中位数）', en: 'Time to reply (median)' },
  statAverage: { zh: '答复用时（平均）', en: 'Time to reply (average)' },
  ruleNetDays: {
    zh: '净工作日：自起算日（收到申请之日，补正的为收到补正之日，R-COR-03）至办结之日的工作日数，扣除征求第三方或其他机关意见等暂停期间（R-TP-03）；按本年办结的{n}件答复计（不含撤回、视为放弃）',
    en: 'Net working days from the start of the period (receipt, or receipt of the correction, R-COR-03) to the conclusion, pauses such as consultations excluded (R-TP-03); over the {n} replies concluded this year (withdrawals and abandonments not counted)',
  },

  statDaysN: { zh: '{n}个工作日', en: '{n} working days' },
  outcomesCaption: {
    zh: '{year}年办理结果（年度报告第三部分“三、本年度办理结果”各行）',
    en: 'Outcomes in {year} (the rows of section 三 “三、本年度办理结果” of the annual report)',
  },
  outcomeRule: {
    zh: '每件申请按首次办结的答复类型计入一行（D-10、D-17）',
    en: 'Each request counts once, in the row of its first conclusion’s reply type (D-10, D-17)',
  },
  statOutcome: { zh: '办理结果', en: 'Outcome' },
  statCount: { zh: '件数', en: 'Requests' },
  statShare: { zh: '占比', en: 'Share' },
  chartAlt: {
    zh: '办理结果柱状图（数字见下表）',
    en: 'Bar chart of the outcomes (the figures are in the table below)',
  },
  annualReportsShort: { zh: '年度报告', en: 'Annual reports' },
  statisticsShort: { zh: '办理统计', en: 'Statistics' },
} as const satisfies Record<string, { zh: string; en: string }>;
