import type { LocalDate } from '../../../calendar/domain/local-date';
import type { WorkingCalendar } from '../../../calendar/domain/working-calendar';
import { consultationPause } from '../../../deadlines/domain/case-pauses';
import { REGIME_RULES } from '../../../deadlines/domain/regime';
import { allow, refuse, refuseField, type Decision } from '../../../../shared/domain/refusal';
import type { CaseFacts } from '../case-facts';

export type PartyKind = 'third_party' | 'other_agency';
export type ConsultationOutcome = 'consent' | 'objection' | 'silence';

export interface ConsultationFacts {
  readonly partyKind: PartyKind;
  readonly sentOn: LocalDate;
  readonly partyReceivedOn: LocalDate | null;
  readonly outcome: ConsultationOutcome | null;
}

/** R-TP-02: the party's own limit, from the engine (15 WD after its receipt; none under OGI-2008). */
export function partyDueOf(
  cal: WorkingCalendar,
  c: Pick<CaseFacts, 'regime'>,
  x: { readonly sentOn: LocalDate; readonly partyReceivedOn: LocalDate | null },
): LocalDate | null {
  const limit = REGIME_RULES[c.regime ?? 'OGI-2019'].consultationReplyWd;
  return consultationPause(
    cal,
    { sentOn: x.sentOn, partyReceivedOn: x.partyReceivedOn },
    limit,
    'consultation',
  ).result.partyDue;
}

/** Arts 32, 34: a consultation letter sent during the case, received by the party after it was sent. */
export function decideConsultationStart(
  cal: WorkingCalendar,
  c: Pick<CaseFacts, 'regime' | 'receivedOn'>,
  input: {
    readonly today: LocalDate;
    readonly sentOn: LocalDate;
    readonly partyReceivedOn: LocalDate | null;
  },
): Decision<{ partyDue: LocalDate | null }> {
  const { today, sentOn, partyReceivedOn } = input;
  if (sentOn > today || (c.receivedOn && sentOn < c.receivedOn))
    return refuseField('sentOn', 'date-outside-case-period');
  if (partyReceivedOn && partyReceivedOn < sentOn)
    return refuseField('partyReceivedOn', 'date-before-sending');
  if (partyReceivedOn && partyReceivedOn > today)
    return refuseField('partyReceivedOn', 'date-in-future');
  return allow({ partyDue: partyDueOf(cal, c, { sentOn, partyReceivedOn }) });
}

/**
 * Ends a consultation: an answer (consent or objection), or silence once the party's limit has
 * passed (R-TP-04; Art 34: another agency's silence is deemed consent).
 */
export function decideConsultationClose(
  cal: WorkingCalendar,
  c: Pick<CaseFacts, 'regime'>,
  x: ConsultationFacts,
  input: {
    readonly today: LocalDate;
    readonly outcome: ConsultationOutcome;
    readonly answeredOn: LocalDate | null;
    readonly partyReceivedOn: LocalDate | null;
  },
): Decision<{
  partyReceivedOn: LocalDate | null;
  partyDue: LocalDate | null;
  answeredOn: LocalDate | null;
  deemedConsent: boolean;
}> {
  if (x.outcome) return refuse('consultation-closed');
  const { today, outcome } = input;
  const partyReceivedOn = input.partyReceivedOn ?? x.partyReceivedOn;
  if (partyReceivedOn && partyReceivedOn < x.sentOn)
    return refuseField('partyReceivedOn', 'date-before-sending');
  if (partyReceivedOn && partyReceivedOn > today)
    return refuseField('partyReceivedOn', 'date-in-future');
  const partyDue = partyDueOf(cal, c, { sentOn: x.sentOn, partyReceivedOn });
  if (outcome === 'silence') {
    if (!partyDue) return refuseField('partyReceivedOn', 'party-receipt-required');
    if (today <= partyDue) return refuse('party-may-still-answer', { partyDue });
    return allow({
      partyReceivedOn,
      partyDue,
      answeredOn: null,
      deemedConsent: x.partyKind === 'other_agency',
    });
  }
  if (!input.answeredOn || input.answeredOn < x.sentOn || input.answeredOn > today) {
    return refuseField('answeredOn', 'answer-date-required');
  }
  return allow({ partyReceivedOn, partyDue, answeredOn: input.answeredOn, deemedConsent: false });
}
