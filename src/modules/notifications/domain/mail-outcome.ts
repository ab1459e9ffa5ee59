/**
 * What one failed SMTP attempt means for the outbox row (pure: no nodemailer types).
 *
 * - `permanent`: the server refused for good (a 5xx at any step, or a message it can never
 *   take): never retried; the case's clerks are told at once.
 * - `transient`: a 4xx, or the connection failed before the message was complete: nothing was
 *   delivered, so retrying cannot duplicate it.
 * - `unconfirmed`: the whole message (with its final ".") went out and no answer came back
 *   (timeout, connection dropped): the server may have accepted it. Never resent automatically.
 */
export type FailureClass = 'permanent' | 'transient' | 'unconfirmed';

export interface SendFailure {
  /** The SMTP reply code when the server answered (e.g. 451, 550). */
  readonly responseCode?: number;
  /** The transport's error code (ECONNREFUSED, ETIMEDOUT, EENVELOPE, …). */
  readonly code?: string;
  /** Whether the final "." of DATA had been handed to the connection. */
  readonly afterFinalDot: boolean;
}

/** Local errors about the message itself: sending it again gives the same answer. */
const PERMANENT_LOCAL = new Set(['EENVELOPE', 'EMESSAGE']);

export function classifyFailure(f: SendFailure): FailureClass {
  const rc = f.responseCode;
  if (rc !== undefined && Number.isInteger(rc) && rc >= 200 && rc < 600) {
    // The server answered: its class decides, wherever in the conversation it came.
    if (rc >= 500) return 'permanent';
    if (rc >= 400) return 'transient';
  }
  // No answer: once the final "." left, the server may hold the message.
  if (f.afterFinalDot) return 'unconfirmed';
  if (f.code && PERMANENT_LOCAL.has(f.code)) return 'permanent';
  return 'transient';
}
