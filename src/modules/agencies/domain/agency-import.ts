import {
  AGENCY_DETAIL_FIELDS,
  AGENCY_DETAIL_MAX_LENGTH,
  AGENCY_KINDS,
  CHANNELS,
  isAgencyCode,
  ONLINE_CONFIRMATION,
  type AgencyContact,
  type AgencyKind,
  type Channel,
  type OnlineConfirmation,
  type RemedyBodies,
} from './agency';

/** One line of an agencies JSONL import file. */
export interface AgencyImportRecord extends AgencyContact, RemedyBodies {
  code: string;
  name: string;
  kind: AgencyKind;
  parentCode: string | null;
  channels?: Channel[];
  onlineConfirmation?: OnlineConfirmation;
}

export interface ImportProblem {
  line: number;
  field?: string;
  message: string;
}

const OPTIONAL_TEXT = AGENCY_DETAIL_FIELDS;
const KNOWN = new Set([
  'code',
  'name',
  'kind',
  'parentCode',
  'channels',
  'onlineConfirmation',
  ...OPTIONAL_TEXT,
]);

export type ParseResult =
  { ok: true; records: AgencyImportRecord[] } | { ok: false; problems: ImportProblem[] };

/**
 * Parses and checks a whole JSONL file: every line valid, codes unique, every parent known
 * (in the file or among `existingCodes`), no cycles. Returns the records ordered so that a
 * parent always comes before its children (files may list children first).
 */
export function parseAgencyImport(text: string, existingCodes: ReadonlySet<string>): ParseResult {
  const problems: ImportProblem[] = [];
  const records: Array<AgencyImportRecord & { line: number }> = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      problems.push({ line, message: 'not valid JSON' });
      return;
    }
    const rec = checkRecord(value, line, problems);
    if (rec) records.push({ ...rec, line });
  });
  const seen = new Map<string, number>();
  for (const r of records) {
    const first = seen.get(r.code);
    if (first !== undefined)
      problems.push({
        line: r.line,
        field: 'code',
        message: `duplicate code ${r.code} (first on line ${first})`,
      });
    else seen.set(r.code, r.line);
  }
  for (const r of records) {
    if (r.parentCode !== null && !seen.has(r.parentCode) && !existingCodes.has(r.parentCode)) {
      problems.push({
        line: r.line,
        field: 'parentCode',
        message: `unknown parent ${r.parentCode}`,
      });
    }
  }
  if (problems.length) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };
  const ordered = topoOrder(records, problems);
  if (problems.length) return { ok: false, problems };
  return { ok: true, records: ordered.map(({ line: _line, ...r }) => r) };
}

function checkRecord(
  value: unknown,
  line: number,
  problems: ImportProblem[],
): AgencyImportRecord | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push({ line, message: 'each line must be a JSON object' });
    return null;
  }
  const v = value as Record<string, unknown>;
  const before = problems.length;
  const bad = (field: string, message: string) => problems.push({ line, field, message });
  for (const key of Object.keys(v)) if (!KNOWN.has(key)) bad(key, 'unknown field');
  if (!isAgencyCode(v.code))
    bad('code', 'must be upper-case letters/digits, dash-separated (e.g. DQ-GA)');
  if (typeof v.name !== 'string' || v.name.trim() === '' || v.name.length > 200)
    bad('name', 'must be a non-empty string');
  if (!AGENCY_KINDS.includes(v.kind as AgencyKind))
    bad('kind', `must be one of ${AGENCY_KINDS.join(', ')}`);
  if (v.parentCode !== null && !isAgencyCode(v.parentCode))
    bad('parentCode', 'must be an agency code or null');
  if (v.parentCode !== null && v.parentCode === v.code)
    bad('parentCode', 'an agency cannot be its own parent');
  if (
    v.channels !== undefined &&
    (!Array.isArray(v.channels) || v.channels.some((c) => !CHANNELS.includes(c as Channel)))
  ) {
    bad('channels', `must be a list of ${CHANNELS.join(', ')}`);
  }
  if (
    v.onlineConfirmation !== undefined &&
    !ONLINE_CONFIRMATION.includes(v.onlineConfirmation as OnlineConfirmation)
  ) {
    bad('onlineConfirmation', 'must be automatic or manual');
  }
  for (const f of OPTIONAL_TEXT) {
    if (v[f] === undefined || v[f] === null) continue;
    if (typeof v[f] !== 'string') bad(f, 'must be a string');
    else if (v[f].length > AGENCY_DETAIL_MAX_LENGTH[f])
      bad(f, `must be at most ${AGENCY_DETAIL_MAX_LENGTH[f]} characters`);
  }
  if (problems.length > before) return null;
  return v as unknown as AgencyImportRecord;
}

function topoOrder<T extends { code: string; parentCode: string | null; line: number }>(
  records: T[],
  problems: ImportProblem[],
): T[] {
  const byCode = new Map(records.map((r) => [r.code, r]));
  const state = new Map<string, 'visiting' | 'done'>();
  const out: T[] = [];
  const visit = (r: T, path: T[]): void => {
    const s = state.get(r.code);
    if (s === 'done') return;
    if (s === 'visiting') {
      problems.push({
        line: r.line,
        field: 'parentCode',
        message: `cycle: ${[...path, r].map((x) => x.code).join(' → ')}`,
      });
      return;
    }
    state.set(r.code, 'visiting');
    const parent = r.parentCode ? byCode.get(r.parentCode) : undefined;
    if (parent) visit(parent, [...path, r]);
    state.set(r.code, 'done');
    out.push(r);
  };
  for (const r of records) if (!problems.length) visit(r, []);
  return out;
}
