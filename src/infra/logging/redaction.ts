/**
 * Paths pino blanks out wherever they appear in a log line: credentials and personal data
 * (ID numbers, phones, addresses, e-mail addresses) must never reach the logs.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["idempotency-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.idNumber',
  '*.phone',
  '*.address',
  '*.email',
  '*.toAddress',
];
