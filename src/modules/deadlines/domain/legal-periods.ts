/**
 * Every legal period the system uses, once, each with the article it comes from. Services,
 * letters and timers take their numbers from here or from the engine's results (which are
 * computed from here) — never a literal 15 or 20 elsewhere.
 */
export type PeriodUnit = 'working-days' | 'calendar-days' | 'months';

export interface LegalPeriod {
  readonly length: number;
  readonly unit: PeriodUnit;
  /** What the period is for, in Chinese (printed where letters name it). */
  readonly label: string;
  /** The article it implements (and the DOMAIN rule id). */
  readonly basis: string;
}

const wd = (length: number, label: string, basis: string): LegalPeriod => ({
  length,
  unit: 'working-days',
  label,
  basis,
});
const cd = (length: number, label: string, basis: string): LegalPeriod => ({
  length,
  unit: 'calendar-days',
  label,
  basis,
});
const months = (length: number, label: string, basis: string): LegalPeriod => ({
  length,
  unit: 'months',
  label,
  basis,
});

export const LEGAL_PERIODS = {
  // OGI Regulations
  replyOgi2019: wd(20, '答复期限', 'OGI-2019 Art 33(1) (R-DL-01)'),
  replyOgi2008: wd(15, '答复期限', 'OGI-2008 Art 24(2) (R-DL-01)'),
  maxExtensionOgi2019: wd(20, '延长答复期限上限', 'OGI-2019 Art 33(2) (R-DL-02, D-5)'),
  maxExtensionOgi2008: wd(15, '延长答复期限上限', 'OGI-2008 Art 24(2) (R-DL-02, D-5)'),
  correctionNotice: wd(7, '补正告知期限', 'OGI-2019 Art 30 (R-COR-01)'),
  consultationReply: wd(15, '被征求意见方答复期限', 'OGI-2019 Arts 32, 34 (R-TP-02)'),
  proactiveDisclosure: wd(20, '主动公开期限', 'OGI-2019 Art 26 (R-PRO-01)'),
  deferralMax: months(12, '延迟答复最长期限', 'OGI-2019 Art 35 (D-19, UNCONFIRMED default)'),
  // 《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）
  feePayment: wd(20, '缴费期限', '国办函〔2020〕109号 (R-FEE-04, D-7)'),
  // 《行政复议法》(2023) — the short periods are working days (Art 88, R-RV-16)
  reconsiderationApply: cd(60, '申请行政复议期限', '行政复议法 Art 20(1) (R-RV-03)'),
  reconsiderationOuter: months(12, '申请行政复议最长期限', '行政复议法 Art 20(3) (R-RV-05)'),
  reconsiderationAcceptance: wd(5, '行政复议受理审查期限', '行政复议法 Arts 30, 88 (R-RV-08)'),
  reconsiderationAnswer: wd(10, '被申请人答复期限', '行政复议法 Arts 48, 88 (R-RV-10)'),
  reconsiderationAnswerSimplified: wd(
    5,
    '被申请人答复期限（简易程序）',
    '行政复议法 Arts 54, 88 (R-RV-10)',
  ),
  reconsiderationDecision: cd(60, '行政复议决定期限', '行政复议法 Art 62(1) (R-RV-11)'),
  reconsiderationDecisionSimplified: cd(
    30,
    '行政复议决定期限（简易程序）',
    '行政复议法 Art 62(2) (R-RV-12)',
  ),
  reconsiderationDecisionMaxExtension: cd(
    30,
    '行政复议决定延长上限',
    '行政复议法 Art 62(1) (R-RV-11)',
  ),
  // 《行政诉讼法》
  suitAfterReconsideration: cd(15, '复议后起诉期限', '行政诉讼法 Art 45 (R-LT-02, R-RV-14)'),
  directSuit: months(6, '直接起诉期限', '行政诉讼法 Art 46(1) (R-LT-03)'),
  directSuitOuter: months(12, '起诉最长期限（未告知起诉期限）', '法释〔2018〕1号 (R-LT-14)'),
  inactionSuitOuter: months(6, '不履行法定职责起诉期限', '法释〔2018〕1号 (R-LT-15)'),
  defence: cd(15, '被告答辩期限', '行政诉讼法 Art 67 (R-LT-08)'),
  firstInstance: months(6, '一审审理期限', '行政诉讼法 Art 81 (R-LT-09)'),
  firstInstanceSimplified: cd(45, '一审审理期限（简易程序）', '行政诉讼法 Art 83 (R-LT-10)'),
  appealJudgment: cd(15, '对判决上诉期限', '行政诉讼法 Art 85 (R-LT-11)'),
  appealRuling: cd(10, '对裁定上诉期限', '行政诉讼法 Art 85 (R-LT-11)'),
  secondInstance: months(3, '二审审理期限', '行政诉讼法 Art 88 (R-LT-12)'),
} as const satisfies Record<string, LegalPeriod>;

export type LegalPeriodName = keyof typeof LEGAL_PERIODS;

/** Chinese numerals for the lengths letters print (二十 …), as the letters' house style. */
export function lengthText(p: LegalPeriod): string {
  return p.unit === 'months'
    ? `${p.length}个月`
    : p.unit === 'calendar-days'
      ? `${p.length}日`
      : `${p.length}个工作日`;
}
