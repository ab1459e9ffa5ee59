/** Reference numbers per agency and year, printed on every letter: DQ-GA-2026-000123. */
export function referenceNumber(agencyCode: string, year: number, seq: number): string {
  return `${agencyCode}-${year}-${String(seq).padStart(6, '0')}`;
}

export const REFERENCE_NUMBER = /^[A-Z0-9]{1,12}(-[A-Z0-9]{1,12}){0,5}-\d{4}-\d{6}$/;
