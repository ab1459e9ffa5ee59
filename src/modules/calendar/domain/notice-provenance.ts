import type { LocalDate } from './local-date';

/**
 * Provenance of each year's national arrangement (R-WD-04, DOMAIN §4.2 and §5.5 gap 4):
 * the State Council General Office notice (国务院办公厅关于YYYY年部分节假日安排的通知).
 * Notice dates are given only where DOMAIN §4.2 states them (2023–2026); for 2013–2022 the
 * gov.cn policy-library URL carries a filing date that is not necessarily the notice date.
 * For 2008–2012 no URL was verified: the chinese-days dataset is the only source.
 */
export interface NoticeProvenance {
  readonly noticeUrl: string | null;
  readonly noticeDate: LocalDate | null;
  readonly additionalUrls: readonly string[];
  readonly note: string;
}

const GOV = 'http://www.gov.cn/zhengce/zhengceku';
const DATASET_ONLY =
  'Dataset-confirmed (holiday-cn S13 and chinese-days S17); notice date not verified.';

const PROVENANCE: Readonly<Record<number, NoticeProvenance>> = {
  2026: {
    noticeUrl: 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm',
    noticeDate: '2025-11-04',
    additionalUrls: [],
    note: 'Checked against the republished notice text (S14).',
  },
  2025: {
    noticeUrl: 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm',
    noticeDate: '2024-11-12',
    additionalUrls: [],
    note: 'First year under the 2024 放假办法; checked against the republished notice text (S14).',
  },
  2024: {
    noticeUrl: 'https://www.gov.cn/zhengce/zhengceku/202310/content_6911528.htm',
    noticeDate: '2023-10-25',
    additionalUrls: [],
    note: '除夕 2024-02-09 only encouraged as rest: a working day (R-WD-05).',
  },
  2023: {
    noticeUrl: `${GOV}/2022-12/08/content_5730844.htm`,
    noticeDate: '2022-12-08',
    additionalUrls: [],
    note: 'Checked against the republished notice text (S14).',
  },
  2022: {
    noticeUrl: `${GOV}/2021-10/25/content_5644835.htm`,
    noticeDate: null,
    additionalUrls: [],
    note: DATASET_ONLY,
  },
  2021: {
    noticeUrl: `${GOV}/2020-11/25/content_5564127.htm`,
    noticeDate: null,
    additionalUrls: [],
    note: DATASET_ONLY,
  },
  2020: {
    noticeUrl: `${GOV}/2019-11/21/content_5454164.htm`,
    noticeDate: null,
    additionalUrls: [`${GOV}/2020-01/27/content_5472352.htm`],
    note: `Spring Festival extended to 02-02 by the second notice; the 02-01 make-up day was cancelled. ${DATASET_ONLY}`,
  },
  2019: {
    noticeUrl: `${GOV}/2018-12/06/content_5346276.htm`,
    noticeDate: null,
    additionalUrls: [`${GOV}/2019-03/22/content_5375877.htm`],
    note: `Labour Day amended in March 2019; the notice also moved 2018-12-29/31. ${DATASET_ONLY}`,
  },
  2018: {
    noticeUrl: `${GOV}/2017-11/30/content_5243579.htm`,
    noticeDate: null,
    additionalUrls: [],
    note: DATASET_ONLY,
  },
  2017: {
    noticeUrl: `${GOV}/2016-12/01/content_5141603.htm`,
    noticeDate: null,
    additionalUrls: [],
    note: DATASET_ONLY,
  },
  2016: {
    noticeUrl: `${GOV}/2015-12/10/content_10394.htm`,
    noticeDate: null,
    additionalUrls: [],
    note: DATASET_ONLY,
  },
  2015: {
    noticeUrl: `${GOV}/2014-12/16/content_9302.htm`,
    noticeDate: null,
    additionalUrls: [`${GOV}/2015-05/13/content_9742.htm`],
    note: `Special holiday 09-03/04 for the 70th anniversary (separate notice). ${DATASET_ONLY}`,
  },
  2014: {
    noticeUrl: `${GOV}/2014-01/02/content_1194.htm`,
    noticeDate: null,
    additionalUrls: [],
    note: DATASET_ONLY,
  },
  2013: {
    noticeUrl: `${GOV}/2012-12/10/content_1353.htm`,
    noticeDate: null,
    additionalUrls: [],
    note: DATASET_ONLY,
  },
};

const UNLINKED: NoticeProvenance = {
  noticeUrl: null,
  noticeDate: null,
  additionalUrls: [],
  note: 'Source: chinese-days dataset only (matches holiday-cn S13); gov.cn notice not linked.',
};

export function noticeProvenance(year: number): NoticeProvenance {
  return PROVENANCE[year] ?? UNLINKED;
}
