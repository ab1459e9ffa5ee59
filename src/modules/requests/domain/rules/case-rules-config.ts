/**
 * The agency's limits for terms the law leaves open (D-19, configurable): the reasonable
 * correction period (R-COR-02) in working days from the notice, and the farthest Art 35
 * deferral in months after receipt.
 */
export interface CaseRulesConfig {
  readonly correctionPeriodWd: { readonly min: number; readonly max: number };
  readonly deferralMaxMonths: number;
}

export const DEFAULT_CASE_RULES: CaseRulesConfig = {
  correctionPeriodWd: { min: 5, max: 30 },
  deferralMaxMonths: 12,
};
