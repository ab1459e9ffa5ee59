/**
 * The annual report's formats (D-12) and the exact labels of section 三 (DOMAIN §2.3, checked
 * character by character against the 2021 template). Pure.
 */
export const REPORT_FORMATS = ['2021', '2019_TRIAL', '2008'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** D-12 (one definition, with section 二's figures). */
export { formatForYear } from '../../proactive/domain/figures';

export const COLUMNS = ['np', 'biz', 'res', 'npo', 'law', 'oth', 'tot'] as const;
export type Column = (typeof COLUMNS)[number];
export const CATEGORY_COLUMNS = ['np', 'biz', 'res', 'npo', 'law', 'oth'] as const;

export const COLUMN_LABELS: Record<Column, string> = {
  np: '自然人',
  biz: '商业企业',
  res: '科研机构',
  npo: '社会公益组织',
  law: '法律服务机构',
  oth: '其他',
  tot: '总计',
};

export const BALANCE_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** One row of section 三: its id and the labels of its three label columns. */
export interface RowDef {
  readonly id: string;
  /** Level-1, level-2 and level-3 labels; null where a merged cell above continues. */
  readonly l1: string;
  readonly l2: string | null;
  readonly l3: string | null;
}

const RESULT = '三、本年度办理结果';
const NO = '（三）不予公开';
const CANT = '（四）无法提供';
const NP = '（五）不予处理';
const OTH = '（六）其他处理';

const ROWS_2021: readonly RowDef[] = [
  { id: 'new', l1: '一、本年新收政府信息公开申请数量', l2: null, l3: null },
  { id: 'carry_in', l1: '二、上年结转政府信息公开申请数量', l2: null, l3: null },
  { id: 'r_open', l1: RESULT, l2: '（一）予以公开', l3: null },
  {
    id: 'r_partial',
    l1: RESULT,
    l2: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    l3: null,
  },
  { id: 'r_no_1', l1: RESULT, l2: NO, l3: '1.属于国家秘密' },
  { id: 'r_no_2', l1: RESULT, l2: NO, l3: '2.其他法律行政法规禁止公开' },
  { id: 'r_no_3', l1: RESULT, l2: NO, l3: '3.危及“三安全一稳定”' },
  { id: 'r_no_4', l1: RESULT, l2: NO, l3: '4.保护第三方合法权益' },
  { id: 'r_no_5', l1: RESULT, l2: NO, l3: '5.属于三类内部事务信息' },
  { id: 'r_no_6', l1: RESULT, l2: NO, l3: '6.属于四类过程性信息' },
  { id: 'r_no_7', l1: RESULT, l2: NO, l3: '7.属于行政执法案卷' },
  { id: 'r_no_8', l1: RESULT, l2: NO, l3: '8.属于行政查询事项' },
  { id: 'r_cant_1', l1: RESULT, l2: CANT, l3: '1.本机关不掌握相关政府信息' },
  { id: 'r_cant_2', l1: RESULT, l2: CANT, l3: '2.没有现成信息需要另行制作' },
  { id: 'r_cant_3', l1: RESULT, l2: CANT, l3: '3.补正后申请内容仍不明确' },
  { id: 'r_np_1', l1: RESULT, l2: NP, l3: '1.信访举报投诉类申请' },
  { id: 'r_np_2', l1: RESULT, l2: NP, l3: '2.重复申请' },
  { id: 'r_np_3', l1: RESULT, l2: NP, l3: '3.要求提供公开出版物' },
  { id: 'r_np_4', l1: RESULT, l2: NP, l3: '4.无正当理由大量反复申请' },
  { id: 'r_np_5', l1: RESULT, l2: NP, l3: '5.要求行政机关确认或重新出具已获取信息' },
  {
    id: 'r_oth_1',
    l1: RESULT,
    l2: OTH,
    l3: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  },
  {
    id: 'r_oth_2',
    l1: RESULT,
    l2: OTH,
    l3: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  },
  { id: 'r_oth_3', l1: RESULT, l2: OTH, l3: '3.其他' },
  { id: 'r_total', l1: RESULT, l2: '（七）总计', l3: null },
  { id: 'carry_out', l1: '四、结转下年度继续办理', l2: null, l3: null },
];

/** The 2019 trial format: the same rows, except that （六）其他处理 has no sub-rows (§2.7). */
const ROWS_2019: readonly RowDef[] = [
  ...ROWS_2021.filter(
    (r) => !r.id.startsWith('r_oth_') && r.id !== 'r_total' && r.id !== 'carry_out',
  ),
  { id: 'r_oth', l1: RESULT, l2: OTH, l3: null },
  ...ROWS_2021.filter((r) => r.id === 'r_total' || r.id === 'carry_out'),
];

/** The 2008 report states applications received, those concluded and those carried over. */
const ROWS_2008: readonly RowDef[] = ROWS_2021.filter((r) =>
  ['new', 'carry_in', 'r_total', 'carry_out'].includes(r.id),
);

export const ROWS: Record<ReportFormat, readonly RowDef[]> = {
  '2021': ROWS_2021,
  '2019_TRIAL': ROWS_2019,
  '2008': ROWS_2008,
};

/** The result rows of a format (r_*, without r_total). */
export const resultRows = (f: ReportFormat) =>
  ROWS[f].filter((r) => r.id.startsWith('r_') && r.id !== 'r_total').map((r) => r.id);

/**
 * D-10: the row a conclusion counts under, by format — the reply types' rows of the 2021 format
 * (src/modules/law), with （六）'s sub-rows folded into one in the trial format.
 */
export function rowFor(format: ReportFormat, reportRow2021: string): string {
  if (format === '2019_TRIAL' && reportRow2021.startsWith('r_oth_')) return 'r_oth';
  return reportRow2021;
}

/** Section headings, exactly (§2.1; the 2008 report's as in the 2013 seed). */
export const HEADINGS: Record<ReportFormat, readonly string[]> = {
  '2021': [
    '一、总体情况',
    '二、主动公开政府信息情况',
    '三、收到和处理政府信息公开申请情况',
    '四、政府信息公开行政复议、行政诉讼情况',
    '五、存在的主要问题及改进情况',
    '六、其他需要报告的事项',
  ],
  '2019_TRIAL': [
    '一、总体情况',
    '二、主动公开政府信息情况',
    '三、收到和处理政府信息公开申请情况',
    '四、政府信息公开行政复议、行政诉讼情况',
    '五、存在的主要问题及改进情况',
    '六、其他需要报告的事项',
  ],
  '2008': [
    '一、概述',
    '二、主动公开政府信息情况',
    '三、依申请公开政府信息情况',
    '四、复议、诉讼和申诉的情况',
    '五、对公民、法人和其他组织的收费情况',
    '六、主要问题和改进措施',
  ],
};
