type Text = { zh: string; en: string };

/**
 * One field of a staff form. The type says how the posted text becomes the API's JSON value:
 * `number` and `yesno` are converted when well-formed (anything else is left for the DTO to
 * refuse with its message), `datetime` is a Beijing-time `datetime-local` value, `withheld` is a
 * set of rows (item, reason, basis) posted as `withheld.<i>.<column>`.
 */
export interface FormField {
  name: string;
  label: Text;
  type:
    | 'text'
    | 'textarea'
    | 'date'
    | 'datetime'
    | 'number'
    | 'select'
    | 'yesno'
    | 'clerk'
    | 'attachment'
    | 'withheld';
  required?: boolean;
  hint?: Text;
  options?: ReadonlyArray<{ value: string; label: Text }>;
}

/** How many withheld items a reply form offers. */
export const WITHHELD_ROWS = 3;
export const WITHHELD_COLUMNS = ['item', 'reason', 'basis'] as const;

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/**
 * The request body a form's fields make (what the API would be sent as JSON); empty fields are
 * absent. Pure.
 */
export function formBody(fields: readonly FormField[], posted: unknown): Record<string, unknown> {
  const raw = (posted ?? {}) as Record<string, unknown>;
  const body: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.type === 'withheld') {
      const rows = withheldRows(raw, f.name);
      if (rows.length) body[f.name] = rows;
      continue;
    }
    const v = str(raw[f.name]);
    if (!v) continue;
    body[f.name] = valueOf(f.type, v);
  }
  return body;
}

function valueOf(type: FormField['type'], v: string): unknown {
  switch (type) {
    case 'number':
      return /^-?\d{1,9}$/.test(v) ? Number(v) : v;
    case 'yesno':
      return v === 'true' ? true : v === 'false' ? false : v;
    case 'datetime':
      // <input type="datetime-local"> sends 2026-03-02T09:30 (no zone): Beijing time.
      return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v) ? `${v}:00+08:00` : v;
    case 'text':
    case 'textarea':
    case 'date':
    case 'select':
    case 'clerk':
    case 'attachment':
    case 'withheld':
      return v;
  }
}

/** The withheld rows that have any column filled, in order (a half-filled row is kept to be refused). */
function withheldRows(raw: Record<string, unknown>, name: string): Array<Record<string, string>> {
  const rows: Array<Record<string, string>> = [];
  for (let i = 0; i < WITHHELD_ROWS; i++) {
    const row = Object.fromEntries(
      WITHHELD_COLUMNS.map((c) => [c, str(raw[`${name}.${i}.${c}`])]),
    ) as Record<string, string>;
    if (WITHHELD_COLUMNS.some((c) => row[c])) rows.push(row);
  }
  // Field errors name rows by their index in the array sent: keep them aligned with the form.
  return rows;
}

/** `{ 'applicant.name': 'x' }` → `{ applicant: { name: 'x' } }` (the API's nested JSON). Pure. */
export function nested(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const parts = key.split('.');
    let at = out;
    for (const part of parts.slice(0, -1)) at = (at[part] ??= {}) as Record<string, unknown>;
    at[parts[parts.length - 1]] = value;
  }
  return out;
}
