import type { LocalDate } from '../../../calendar/domain/local-date';
import { allow, refuseField, type Decision } from '../../../../shared/domain/refusal';

/**
 * D-18: a decision that orders a new answer reopens the case. The new period runs from the day
 * the agency received the decision: the ordered due date when one is set, else the regime's
 * reply period (no new correction stage; one extension allowed again).
 */
export function decideReopen(input: {
  readonly today: LocalDate;
  readonly decisionReceivedOn: LocalDate;
  readonly orderedDue: LocalDate | null;
}): Decision<void> {
  if (input.decisionReceivedOn > input.today)
    return refuseField('decisionReceivedOn', 'date-in-future');
  if (input.orderedDue && input.orderedDue <= input.decisionReceivedOn)
    return refuseField('orderedDue', 'reopen-due-not-after-decision');
  return allow(undefined);
}
