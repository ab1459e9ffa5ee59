import { parseLocalDate, type LocalDate } from '../../calendar/domain/local-date';
import {
  mergePauses,
  normalizePauses,
  type MergedPause,
  type Pause,
  type PauseInput,
} from '../../calendar/domain/pauses';
import type { WorkingCalendar } from '../../calendar/domain/working-calendar';
import { assertFeesApplicable } from '../../fees/domain/fee-calculator';
import {
  consultationPause,
  feeNoticePause,
  type ConsultationInput,
  type ConsultationResult,
  type FeeNoticeInput,
  type FeeNoticeResult,
} from './case-pauses';
import {
  DatesOutOfOrderError,
  ExtensionTooLongError,
  InvalidExtensionError,
} from './deadline-errors';
import { parseRegime, REGIME_RULES, regimeFor, type Regime, type RegimeRules } from './regime';

export interface ClockInput {
  /** Explicit regime; default by D-1 from the original date of receipt. */
  readonly regime?: Regime | null;
  readonly regimeCutover?: LocalDate;
  /** Date of receipt (R-RCV-01 … 06), the anchor unless a correction restarts the clock. */
  readonly received: LocalDate;
  /** Day the correction notice was sent (R-COR-01; used to flag a late notice, D-4). */
  readonly correctionRequested?: LocalDate | null;
  /** Day the corrected application was received: the clock restarts (R-COR-03). */
  readonly correctionReceived?: LocalDate | null;
  /** Pauses already expressed as intervals (start, end | null], D-6. */
  readonly pauses?: readonly PauseInput[];
  readonly consultations?: readonly ConsultationInput[];
  readonly feeNotice?: FeeNoticeInput | null;
  /** D-7 / R-FEE-06: the fee notice pauses the clock (default true; switchable per deployment). */
  readonly feePause?: boolean;
  /** Approved extension in working days (R-DL-02, D-5). */
  readonly extension?: number | null;
  /** Art 35 delayed reply period set by the agency (R-DL-05): manual due, not capped. */
  readonly deferralDue?: LocalDate | null;
  /** "Today" for open questions (is a silent consultation still open? is the fee window over?). */
  readonly asOf?: LocalDate;
}

export interface ClockResult {
  readonly regime: Regime;
  readonly limitWd: number;
  readonly extension: number;
  /** Date of receipt, or of the corrected application after a restart. */
  readonly anchor: LocalDate;
  readonly restarted: boolean;
  /** R-COR-01: 7 WD from the ORIGINAL receipt; null under OGI-2008. */
  readonly correctionNoticeDue: LocalDate | null;
  /** D-4: the notice was sent after correctionNoticeDue (flag only; the restart still applies). */
  readonly correctionNoticeLate: boolean;
  /** anchor + limit WD with pauses, before any extension (the date an extension must precede, D-5). */
  readonly baseDue: LocalDate | null;
  /** Effective due: extension included (R-CNT-07), or the Art 35 deferral when one is set. */
  readonly replyDue: LocalDate | null;
  readonly deferred: boolean;
  /** An open pause stopped the count before the limit was reached. */
  readonly paused: boolean;
  /** Working days still to run when paused; null otherwise. */
  readonly workingDaysLeft: number | null;
  /** Some date reached a year without a published arrangement (R-WD-04). */
  readonly provisional: boolean;
  /** Pauses applied after the restart filter, merged (R-CNT-06, R-TP-05). */
  readonly pauses: readonly MergedPause[];
  readonly consultations: readonly ConsultationResult[];
  readonly fee: FeeNoticeResult | null;
}

function optionalDate(value: LocalDate | null | undefined, field: string): LocalDate | null {
  return value === null || value === undefined ? null : parseLocalDate(value, field);
}

function notBefore(date: LocalDate | null, earliest: LocalDate, field: string, what: string): void {
  if (date !== null && date < earliest)
    throw new DatesOutOfOrderError(field, `${date} is before ${what} (${earliest})`);
}

/** R-DL-02, D-5: a whole number of WD, at most the regime maximum. */
export function validateExtension(
  extension: number | null | undefined,
  rules: RegimeRules,
): number {
  const n = extension ?? 0;
  if (!Number.isInteger(n) || n < 0) throw new InvalidExtensionError(extension);
  if (n > rules.maxExtensionWd)
    throw new ExtensionTooLongError(n, rules.maxExtensionWd, rules.regime);
  return n;
}

/**
 * The case clock (DOMAIN §6.1): effective_due = addWorkingDays(anchor, limit + extension, pauses).
 * Pure: the same input gives the same output under any process time zone.
 */
export function computeClock(cal: WorkingCalendar, input: ClockInput): ClockResult {
  const received = parseLocalDate(input.received, 'received');
  const regime = input.regime
    ? parseRegime(input.regime)
    : regimeFor(received, input.regimeCutover);
  const rules = REGIME_RULES[regime];
  const extension = validateExtension(input.extension, rules);
  const asOf = optionalDate(input.asOf, 'asOf') ?? undefined;

  const correctionRequested = optionalDate(input.correctionRequested, 'correctionRequested');
  const correctionReceived = optionalDate(input.correctionReceived, 'correctionReceived');
  notBefore(correctionRequested, received, 'correctionRequested', 'the date of receipt');
  notBefore(correctionReceived, received, 'correctionReceived', 'the date of receipt');
  notBefore(
    correctionReceived,
    correctionRequested ?? received,
    'correctionReceived',
    'the correction notice',
  );
  // R-COR-03 (OGI-2019 Art 30): the period runs from the corrected application. Applied under
  // OGI-2008 as well, where the regulation is silent (a corrected application is a new request).
  const anchor = correctionReceived ?? received;

  const notice =
    rules.correctionNoticeWd === null
      ? null
      : cal.addWorkingDays(received, rules.correctionNoticeWd);
  const correctionNoticeDue = notice?.due ?? null;
  const correctionNoticeLate =
    correctionRequested !== null &&
    correctionNoticeDue !== null &&
    correctionRequested > correctionNoticeDue;

  const all: Pause[] = normalizePauses(input.pauses ?? []);
  all.forEach((p, i) => notBefore(p.start, received, `pauses[${i}]`, 'the date of receipt'));
  const consultations = (input.consultations ?? []).map((c, i) => {
    const { result, pause } = consultationPause(
      cal,
      c,
      rules.consultationReplyWd,
      `consultations[${i}]`,
      asOf,
    );
    notBefore(pause.start, received, `consultations[${i}].sentOn`, 'the date of receipt');
    all.push(pause);
    return result;
  });
  let fee: FeeNoticeResult | null = null;
  if (input.feeNotice) {
    assertFeesApplicable(received); // R-FEE-09
    const { result, pause } = feeNoticePause(cal, input.feeNotice, 'feeNotice', asOf);
    notBefore(pause.start, received, 'feeNotice.sentOn', 'the date of receipt');
    if (input.feePause ?? true) all.push(pause);
    fee = result;
  }
  // R-CNT-06, D-6: pauses that started before the restart are discarded.
  const pauses = mergePauses(all.filter((p) => p.start >= anchor));

  const base = cal.addWorkingDays(anchor, rules.replyLimitWd, pauses);
  const full =
    extension === 0 ? base : cal.addWorkingDays(anchor, rules.replyLimitWd + extension, pauses);
  const deferralDue = optionalDate(input.deferralDue, 'deferralDue');
  if (deferralDue !== null && deferralDue <= anchor) {
    throw new DatesOutOfOrderError(
      'deferralDue',
      `${deferralDue} is not after the anchor (${anchor})`,
    );
  }

  const provisional =
    full.provisional ||
    (notice?.provisional ?? false) ||
    consultations.some((c) => c.provisional) ||
    (fee?.provisional ?? false);
  return {
    regime,
    limitWd: rules.replyLimitWd,
    extension,
    anchor,
    restarted: correctionReceived !== null,
    correctionNoticeDue,
    correctionNoticeLate,
    baseDue: base.due,
    replyDue: deferralDue ?? full.due,
    deferred: deferralDue !== null,
    paused: full.paused,
    workingDaysLeft: full.paused ? full.workingDaysLeft : null,
    provisional,
    pauses,
    consultations,
    fee,
  };
}
