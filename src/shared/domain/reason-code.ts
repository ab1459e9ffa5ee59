/**
 * Every reason the system gives for refusing something, in one enum. The API puts the code in
 * problem details (`code`, and `type: ${PUBLIC_URL}/problems/<code>`), the message catalogue
 * (`src/shared/i18n/messages.ts`) is keyed by it, and the portal and letters use the same texts.
 */
export const REASON_CODES = [
  // Input
  'validation-failed',
  'field-required',
  'field-invalid',
  'invalid-date',
  'invalid-period',
  'invalid-pause',
  'pause-ends-before-start',
  'invalid-year-notice',
  'invalid-regime',
  'invalid-extension',
  'dates-out-of-order',
  'invalid-fee-input',
  'fee-not-applicable',
  'fee-method-conflict',
  'invalid-letter-input',
  'invalid-idempotency-key',
  'invalid-if-match',
  'payload-too-large',
  'unsupported-media-type',
  // Access
  'unauthorized',
  'wrong-credentials',
  'password-too-short',
  'password-too-long',
  'password-needs-letters-and-digits',
  'email-not-verified',
  'account-locked',
  'invalid-refresh-token',
  'forbidden',
  'role-not-allowed',
  'route-without-access-rule',
  'root-admin-only',
  'rate-limited',
  // Not found
  'not-found',
  'case-not-found',
  'agency-not-found',
  'user-not-found',
  'role-assignment-not-found',
  'attachment-not-found',
  'consultation-not-found',
  'letter-not-found',
  'letter-not-issued',
  // Conflicts and state
  'conflict',
  'stale-version',
  'action-not-allowed-in-state',
  'actor-not-allowed',
  'email-taken',
  'agency-code-taken',
  'agency-cycle',
  'agency-has-children',
  'agency-parent-inactive',
  'agency-parent-required',
  'calendar-year-loaded',
  'calendar-override-exists',
  'override-not-found',
  'override-scope-needs-agency',
  'override-national-has-no-agency',
  'override-basis-required',
  'one-period-unit',
  'invalid-token',
  // Intake (Art 29, Art 31)
  'staff-use-intake',
  'agency-unknown-or-inactive',
  'channel-not-announced',
  'id-checksum',
  'post-kind-required',
  'signed-at-required',
  'date-before-submission',
  // Dates of actions
  'date-in-future',
  'date-outside-case-period',
  'date-before-sending',
  // Correction (Art 30)
  'correction-not-in-ogi-2008',
  'correction-period-not-after-today',
  'correction-before-notice',
  'correction-not-awaited',
  'correction-period-running',
  // Consultation (Arts 32, 34)
  'consultation-closed',
  'party-may-still-answer',
  'party-receipt-required',
  'answer-date-required',
  // Fees (109号)
  'fee-not-in-regime',
  'fee-notice-exists',
  'fee-pages-required',
  'fee-in-free-band',
  'fee-notice-after-due',
  'no-unpaid-fee-notice',
  'payment-window-closed',
  'payment-window-running',
  // Extension (Art 33, D-5)
  'extension-too-long',
  'extension-already-used',
  'extension-pending',
  'extension-too-late',
  'no-extension-pending',
  // Art 35 (D-19)
  'art35-not-in-ogi-2008',
  'deferral-not-after-due',
  'reasons-already-requested',
  'reasons-not-received',
  'deferral-too-late',
  'deferral-too-far',
  // Reply and service
  'reply-type-by-own-action',
  'withheld-list-required',
  'responsible-agency-required',
  'served-before-reply',
  'no-reply-to-serve',
  'assignee-not-a-clerk',
  // Reopening (D-18)
  'reopen-due-not-after-decision',
  // Attachments
  'attachment-missing',
  'attachment-too-large',
  'attachment-type',
  'attachment-kind',
  'attachment-checksum',
  // Tracking
  'tracking-code-mismatch',
  // Service
  'internal',
  'unavailable',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export function isReasonCode(value: unknown): value is ReasonCode {
  return typeof value === 'string' && (REASON_CODES as readonly string[]).includes(value);
}
