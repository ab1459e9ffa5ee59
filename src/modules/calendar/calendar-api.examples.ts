/** Response examples for the OpenAPI document (values of DOMAIN §7: WE-1, WE-8, WE-6). */
export const DEADLINE_EXAMPLE = {
  regime: 'OGI-2019',
  anchor: '2024-09-13',
  correctionNoticeDue: '2024-09-25',
  replyDue: '2024-10-17',
  paused: false,
  provisional: false,
};

export const PERIOD_EXAMPLE = { raw: '2025-10-01', due: '2025-10-09' };

export const FEE_EXAMPLE = { method: 'per-piece', amountYuan: 100 };

export const DAYS_EXAMPLE = [
  {
    date: '2024-09-14',
    weekday: 6,
    working: true,
    provisional: false,
    kind: 'makeup',
    name: '中秋节',
    nameEn: 'Mid-autumn Festival',
  },
  {
    date: '2024-09-16',
    weekday: 1,
    working: false,
    provisional: false,
    kind: 'holiday',
    name: '中秋节',
    nameEn: 'Mid-autumn Festival',
  },
];

export const YEARS_EXAMPLE = [
  {
    year: 2024,
    source: 'national',
    dataset: 'chinese-days@1.5.7',
    noticeUrl: 'https://www.gov.cn/zhengce/zhengceku/202310/content_6911528.htm',
    noticeDate: '2023-10-25',
    additionalUrls: [],
    note: 'Checked against the republished notice text (S14).',
    importedAt: null,
    replacesNational: false,
    workingDays: 251,
  },
];

/** The JSON form of a notice (parseYearNotice), as POST /api/v1/calendar/years takes it. */
export const NOTICE_EXAMPLE = {
  year: 2027,
  noticeUrl: 'https://www.gov.cn/zhengce/zhengceku/202611/content_0000000.htm',
  noticeDate: '2026-11-05',
  holidays: [
    { name: '元旦', off: ['2027-01-01'] },
    { name: '春节', off: ['2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'] },
  ],
  workdays: [{ date: '2027-02-20', name: '春节' }],
};
