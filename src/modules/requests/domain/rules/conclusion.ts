import type { LocalDate } from '../../../calendar/domain/local-date';
import type { ServiceMethod } from '../request-fields';

/**
 * The day that counts for compliance with a due date (R-DL-04, R-DEL-03): the day the applicant
 * signed for the reply, or for post the posting day (`servedOn` holds it for post). The
 * delivery day (`deliveredOn`) serves only the applicant's remedy and payment windows.
 */
export function complianceDay(service: {
  readonly method: ServiceMethod;
  readonly servedOn: LocalDate;
}): LocalDate {
  return service.servedOn;
}

/**
 * R-DL-04: a reply is on time when served (post: posted) on or before the effective due date —
 * never when a step came after a due date (`lateSince`, D-4): a late correction notice restarts
 * the clock but cannot make a late case timely.
 */
export function isOnTime(
  dueOn: LocalDate | null,
  complied: LocalDate,
  lateSince: LocalDate | null = null,
): boolean {
  return lateSince === null && dueOn !== null && complied <= dueOn;
}

/**
 * `concludedOn` (D-11, D-17): the day of the case's FIRST conclusion — the reply served, the
 * withdrawal, or a deemed abandonment (the day after the period ran out). It is set once: a
 * re-answer after a remedy never moves it. A case withdrawn while never received is never
 * counted (null).
 */
export function concludedOnAfter(
  current: LocalDate | null,
  event:
    | { readonly kind: 'served'; readonly complied: LocalDate }
    | { readonly kind: 'withdrawn'; readonly on: LocalDate; readonly everReceived: boolean }
    | { readonly kind: 'abandoned'; readonly concludedOn: LocalDate },
): LocalDate | null {
  if (current !== null) return current;
  switch (event.kind) {
    case 'served':
      return event.complied;
    case 'withdrawn':
      return event.everReceived ? event.on : null;
    case 'abandoned':
      return event.concludedOn;
  }
}
