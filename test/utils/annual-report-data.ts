import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  REPLY_TYPE_INFO,
  REPLY_TYPES,
  type ReplyType,
} from '../../src/modules/law/domain/reply-type';
import { HistoricalImport } from '../../src/modules/requests/historical-import.service';

/**
 * Data for annual-report tests: a deterministic history of imported cases, and section 三
 * recounted straight from request_case (D-11), written here and not with the production code.
 */
export const COLS = ['np', 'biz', 'res', 'npo', 'law', 'oth'] as const;

/** A small deterministic generator (the data must be the same on every run). */
export function lcg(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x / 2 ** 31;
  };
}

/** Generated history across DQ's departments, 2025–2027, every reply type and open cases. */
export async function generateHistory(
  app: INestApplication,
  n = 1500,
  prefix = 'G',
): Promise<number> {
  const rnd = lcg(20261201);
  const lines: string[] = [];
  const types: Array<ReplyType | null> = [...REPLY_TYPES, null, null, null];
  for (let i = 0; i < n; i++) {
    const agencyCode = ['DQ', 'DQ-GA', 'DQ-JY'][Math.floor(rnd() * 3)];
    const received = new Date(Date.UTC(2025, 0, 1) + Math.floor(rnd() * 1000) * 86_400_000);
    const receivedOn = received.toISOString().slice(0, 10);
    const replyType = types[Math.floor(rnd() * types.length)];
    const replied = new Date(received.getTime() + Math.floor(rnd() * 40) * 86_400_000);
    const repliedOn = replied.toISOString().slice(0, 10);
    if (repliedOn > '2028-01-31') continue;
    lines.push(
      JSON.stringify({
        agencyCode,
        externalRef: `${prefix}${i}`,
        receivedOn,
        channel: 'post',
        applicantType: COLS[Math.floor(rnd() * COLS.length)],
        subject: `历史申请${i}`,
        replyType,
        repliedOn: replyType ? repliedOn : null,
        dueOn: replyType
          ? new Date(received.getTime() + 28 * 86_400_000).toISOString().slice(0, 10)
          : undefined,
      }),
    );
  }
  const out = await app.get(HistoricalImport).import(lines.join('\n'));
  if (!out.ok) throw new Error(`import failed: ${JSON.stringify(out.problems.slice(0, 3))}`);
  return lines.length;
}

export interface Recount {
  /** row → column → count (rows with cases only). */
  readonly table: Record<string, Record<string, number>>;
  /** row → column → reference numbers, sorted (`tot`: every case of the row). */
  readonly refs: Record<string, Record<string, string[]>>;
}

/** Section 三 recounted straight from request_case (D-11), for agencies under `path`. */
export async function recountSectionThree(
  app: INestApplication,
  path: string,
  subtree: boolean,
  year: number,
): Promise<Recount> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const rows = await app.get(DataSource).query<
    Array<{
      ref: string;
      category: string;
      received_on: string;
      concluded_on: string | null;
      conclusion_type: string | null;
    }>
  >(
    `SELECT c.reference_no AS ref, c.applicant_category AS category,
            c.received_on::text AS received_on, c.concluded_on::text AS concluded_on,
            c.conclusion_type
       FROM request_case c JOIN agency a ON a.id = c.agency_id
      WHERE ${subtree ? 'a.path LIKE $1' : 'a.path = $1'} AND c.received_on IS NOT NULL`,
    [subtree ? `${path}%` : path],
  );
  const table: Record<string, Record<string, number>> = {};
  const refs: Record<string, Record<string, string[]>> = {};
  const add = (row: string, cat: string, ref: string) => {
    table[row] ??= Object.fromEntries([...COLS, 'tot'].map((c) => [c, 0]));
    refs[row] ??= Object.fromEntries([...COLS, 'tot'].map((c) => [c, [] as string[]]));
    for (const c of [cat, 'tot']) {
      table[row][c]++;
      refs[row][c].push(ref);
    }
  };
  for (const r of rows) {
    const openAt = (day: string) =>
      r.received_on <= day && (r.concluded_on === null || r.concluded_on > day);
    if (r.received_on >= start && r.received_on <= end) add('new', r.category, r.ref);
    if (openAt(`${year - 1}-12-31`)) add('carry_in', r.category, r.ref);
    if (r.concluded_on && r.concluded_on >= start && r.concluded_on <= end) {
      add('r_total', r.category, r.ref);
      add(REPLY_TYPE_INFO[r.conclusion_type as ReplyType].reportRow, r.category, r.ref);
    }
    if (openAt(end)) add('carry_out', r.category, r.ref);
  }
  for (const row of Object.values(refs)) for (const list of Object.values(row)) list.sort();
  return { table, refs };
}

export async function agencyPath(app: INestApplication, code: string): Promise<string> {
  const [a] = await app
    .get(DataSource)
    .query<Array<{ path: string }>>(`SELECT path FROM agency WHERE code = $1`, [code]);
  if (!a) throw new Error(`no agency ${code}`);
  return a.path;
}
