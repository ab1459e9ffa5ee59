import type { GuideAgency, OgiGuide } from '../../agencies/domain/ogi-guide';
import { LEGAL_PERIODS, type LegalPeriod } from '../../deadlines/domain/legal-periods';
import { PUBLIC_TEXT } from './public-text';
import { textIn } from '../portal-text';

type Lang = 'zh' | 'en';

export interface FactRow {
  readonly label: string;
  readonly value: string;
  /** Required by OGI-2019 Art 12 and not in the agency data: shown as 未公布, never invented. */
  readonly missing: boolean;
}

export interface PeriodRow {
  readonly what: string;
  readonly length: string;
  readonly basis: string;
}

/**
 * The office facts of the guide (OGI-2019 Art 12: the office's name, address, hours, phone, fax
 * and internet contact) as table rows: every fact the guide states, then each required one the
 * agency has not filled in, as 未公布 (not published) — nothing is made up. Pure.
 */
export function officeFactRows(guide: OgiGuide, a: GuideAgency, lang: Lang): FactRow[] {
  const pt = textIn(lang);
  const office = guide.sections.find((s) => s.facts)?.facts ?? [];
  const rows: FactRow[] = office.map((f) => ({ label: f.label, value: f.value, missing: false }));
  for (const label of guide.missing) rows.push({ label, value: pt('notPublished'), missing: true });
  if (!a.email && !a.website && !a.internetContact)
    rows.push({ label: pt('internetContactFact'), value: pt('notPublished'), missing: true });
  return rows;
}

/** The periods a requester meets, in order, each from LEGAL_PERIODS with its article. */
const GUIDE_PERIODS = [
  'correctionNotice',
  'replyOgi2019',
  'maxExtensionOgi2019',
  'consultationReply',
  'feePayment',
  'reconsiderationApply',
  'directSuit',
] as const satisfies ReadonlyArray<keyof typeof LEGAL_PERIODS>;

const PERIOD_WHAT: Record<(typeof GUIDE_PERIODS)[number], keyof typeof PUBLIC_TEXT> = {
  correctionNotice: 'periodCorrectionNotice',
  replyOgi2019: 'periodReply',
  maxExtensionOgi2019: 'periodExtension',
  consultationReply: 'periodConsultation',
  feePayment: 'periodFee',
  reconsiderationApply: 'periodReconsideration',
  directSuit: 'periodSuit',
};

export function periodLength(p: LegalPeriod, lang: Lang): string {
  const pt = textIn(lang);
  const key =
    p.unit === 'working-days'
      ? 'periodWorkingDays'
      : p.unit === 'months'
        ? 'periodMonths'
        : 'periodCalendarDays';
  return pt(key, { n: p.length });
}

export function periodRows(lang: Lang): PeriodRow[] {
  const pt = textIn(lang);
  return GUIDE_PERIODS.map((k) => {
    const p = LEGAL_PERIODS[k];
    return { what: pt(PERIOD_WHAT[k]), length: periodLength(p, lang), basis: p.basis };
  });
}
