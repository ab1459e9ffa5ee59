/**
 * Spreadsheet programs run a cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage
 * return as a formula (CSV injection, OWASP). A leading apostrophe makes them show it as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCsvCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Every cell of every row, neutralised (null and undefined become empty cells). */
export function neutraliseCsvRows(
  rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null | undefined>>,
): string[][] {
  return rows.map((row) => row.map((v) => neutraliseCsvCell(v == null ? '' : String(v))));
}
