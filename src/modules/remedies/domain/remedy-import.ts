import { isLocalDate } from '../../../shared/domain/date-format';
import { REMEDY_KINDS, type Defendant, type RemedyKind, type RemedyResult } from './remedy';

/** One line of `import remedies --file F.jsonl`. */
export interface RemedyImportRecord {
  readonly line: number;
  /** The case: its reference number, or its external reference once cases can be imported. */
  readonly caseRef: string;
  readonly kind: RemedyKind;
  /** Reconsideration applied for; for suits the docketing day. */
  readonly filedOn: string;
  readonly concludedOn: string | null;
  /** upheld | corrected | other, null while pending. */
  readonly result: 'upheld' | 'corrected' | 'other' | null;
  readonly body: string;
  readonly defendants: Defendant[];
  /** Stable identity of the line (given, or derived), so re-importing changes nothing. */
  readonly externalRef: string | null;
}

export interface RemedyImportProblem {
  readonly line: number;
  readonly field?: string;
  readonly message: string;
}

/** The specific decision recorded for a historical result (its section 四 class is what counts, D-14). */
export const IMPORTED_RESULT: Record<'upheld' | 'corrected' | 'other', RemedyResult> = {
  upheld: 'upheld',
  corrected: 'revoked',
  other: 'dismissed',
};

const KNOWN = new Set([
  'caseRef',
  'kind',
  'filedOn',
  'concludedOn',
  'result',
  'body',
  'defendants',
  'externalRef',
]);

/** Checks every line; returns the records, or every problem with its line number. */
export function parseRemedyImport(
  text: string,
): { ok: true; records: RemedyImportRecord[] } | { ok: false; problems: RemedyImportProblem[] } {
  const problems: RemedyImportProblem[] = [];
  const records: RemedyImportRecord[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    let v: Record<string, unknown>;
    try {
      v = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      problems.push({ line, message: 'not valid JSON · 不是有效的 JSON' });
      return;
    }
    if (!v || typeof v !== 'object' || Array.isArray(v)) {
      problems.push({ line, message: 'must be a JSON object · 应为 JSON 对象' });
      return;
    }
    const bad = (field: string, message: string) => problems.push({ line, field, message });
    const before = problems.length;
    for (const k of Object.keys(v)) if (!KNOWN.has(k)) bad(k, 'unknown field · 不接受此字段');
    const text = (k: string, required: boolean) => {
      const x = v[k];
      if (x === undefined || x === null) {
        if (required) bad(k, 'required · 必填');
        return null;
      }
      if (typeof x !== 'string' || !x.trim() || x.length > 200) {
        bad(k, 'must be text of 1–200 characters · 应为1至200个字符');
        return null;
      }
      return x.trim();
    };
    const date = (k: string, required: boolean) => {
      const x = v[k];
      if (x === undefined || x === null) {
        if (required) bad(k, 'required · 必填');
        return null;
      }
      if (!isLocalDate(x)) {
        bad(k, 'must be a real date YYYY-MM-DD · 应为有效日期');
        return null;
      }
      return x as string;
    };
    const caseRef = text('caseRef', true);
    const body = text('body', true);
    const externalRef = text('externalRef', false);
    const filedOn = date('filedOn', true);
    const concludedOn = date('concludedOn', false);
    const kind = v.kind as RemedyKind;
    if (!REMEDY_KINDS.includes(kind)) bad('kind', `must be one of ${REMEDY_KINDS.join(', ')}`);
    const result = (v.result ?? null) as RemedyImportRecord['result'];
    if (result !== null && !['upheld', 'corrected', 'other'].includes(result))
      bad('result', 'must be upheld, corrected, other or null');
    if ((result === null) !== (concludedOn === null))
      bad(
        'result',
        'a result needs concludedOn, and concludedOn a result · 结果与审结日期须同时填写',
      );
    if (filedOn && concludedOn && concludedOn < filedOn)
      bad('concludedOn', 'before filedOn · 早于申请（立案）日期');
    const defendants: Defendant[] = [];
    if (v.defendants !== undefined) {
      if (!Array.isArray(v.defendants) || v.defendants.length > 5)
        bad('defendants', 'must be a list of at most 5');
      else
        for (const [j, d] of (v.defendants as unknown[]).entries()) {
          const o = d as Record<string, unknown>;
          if (
            !o ||
            typeof o !== 'object' ||
            !['original', 'reconsideration_body'].includes(o.role as string) ||
            typeof o.name !== 'string'
          )
            bad(`defendants[${j}]`, 'needs role (original | reconsideration_body) and name');
          else
            defendants.push({
              role: o.role as Defendant['role'],
              name: o.name,
              agencyCode: typeof o.agencyCode === 'string' ? o.agencyCode : null,
            });
        }
    }
    if (problems.length === before && caseRef && body && filedOn)
      records.push({
        line,
        caseRef,
        kind,
        filedOn,
        concludedOn,
        result,
        body,
        defendants,
        externalRef,
      });
  });
  return problems.length ? { ok: false, problems } : { ok: true, records };
}
