/** Reference numbers per agency and year, printed on every letter: DQ-GA-2026-000123. */
export function referenceNumber(agencyCode: string, year: number, seq: number): string {
  return `${agencyCode}-${year}-${String(seq).padStart(6, '0')}`;
}
