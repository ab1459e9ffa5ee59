/** Digits of the serial number in a reference number. */
export const REFERENCE_SEQ_WIDTH = 6;

/** Reference numbers per agency and year, printed on every letter: DQ-GA-2026-000123. */
export function referenceNumber(agencyCode: string, year: number, seq: number): string {
  return referenceNumberAround(agencyCode, year, String(seq).padStart(REFERENCE_SEQ_WIDTH, '0'));
}

/**
 * The reference number around its serial digits, given as text: the padded number, or a
 * placeholder that PostgreSQL replaces when the number is taken in the filing's last statement.
 */
export function referenceNumberAround(agencyCode: string, year: number, digits: string): string {
  return `${agencyCode}-${year}-${digits}`;
}
