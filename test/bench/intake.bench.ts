/**
 * B1: online intake end to end (HTTP, validation, auth, the whole filing transaction, after-
 * commit arming) with autocannon, against pgbench running only the writes a filing needs
 * (counter and document number, case, two deadlines, issued receipt letter, outbox, event,
 * idempotency key) at the same concurrency; filings spread over the demo city's departments,
 * then all to one agency.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { check, emit, round } from './measure';

const DURATION_S = 10;

export interface IntakeTarget {
  readonly baseUrl: string;
  readonly token: string;
  readonly databaseUrl: string;
}

interface Agency {
  readonly id: string;
  readonly code: string;
}

async function query<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows as T[];
  } finally {
    await c.end();
  }
}

const body = (agencyCode: string) =>
  JSON.stringify({
    agencyCode,
    title: '2025年度城市道路维修资金使用情况',
    description: '申请公开2025年度本市城市道路维修资金的预算、支出明细及项目清单。',
    form: 'electronic',
    deliveryRoute: 'email',
  });

async function fileOnce(t: IntakeTarget, code: string, key: string): Promise<Response> {
  return fetch(`${t.baseUrl}/api/v1/requests`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${t.token}`,
      'content-type': 'application/json',
      'idempotency-key': key,
    },
    body: body(code),
  });
}

/** pgbench: one script per agency (weights equal), each one filing's writes in one transaction. */
function pgbenchScripts(dir: string, agencies: readonly Agency[], letterBytes: number): string[] {
  return agencies.map((a, i) => {
    const file = join(dir, `filing-${i}.sql`);
    writeFileSync(
      file,
      `BEGIN;
INSERT INTO reference_counter (agency_id, year, last_seq, last_doc_seq) VALUES ('${a.id}', 2026, 1, 1)
  ON CONFLICT (agency_id, year) DO UPDATE SET last_seq = reference_counter.last_seq + 1,
  last_doc_seq = reference_counter.last_doc_seq + 1
  RETURNING last_seq, last_doc_seq, set_config('bench.case', gen_random_uuid()::text, true) AS case_id \\gset
INSERT INTO request_case (year, id, agency_id, reference_no, seq, applicant_user_id, applicant_category,
  applicant_name, applicant_id_type, applicant_id_enc, applicant_id_index, applicant_email, channel,
  submitted_at, received_on, regime, title, description, form, delivery_route, status, anchor_on,
  correction_notice_due, base_due, reply_due, working_days_left, idempotency_key, tracking_code_hash, version)
  VALUES (2026, current_setting('bench.case')::uuid, '${a.id}', '${a.code}-2026-' || lpad(:last_seq::text, 6, '0'), :last_seq,
  NULL, 'np', '演示申请人1', 'resident_id', repeat('e', 88), repeat('i', 64), 'citizen1@example.com',
  'online', now(), current_date, 'OGI-2019', '2025年度城市道路维修资金使用情况',
  '申请公开2025年度本市城市道路维修资金的预算、支出明细及项目清单。', 'electronic', 'email', 'received',
  current_date, current_date + 7, current_date + 28, current_date + 28, 20, gen_random_uuid()::text,
  repeat('h', 64), 1);
INSERT INTO deadline (subject_type, subject_id, kind, ref, subject_year, agency_id, due_on)
  VALUES ('case', current_setting('bench.case')::uuid, 'reply', '', 2026, '${a.id}', current_date + 28),
         ('case', current_setting('bench.case')::uuid, 'correction-notice', '', 2026, '${a.id}', current_date + 7);
INSERT INTO issued_letter (year, id, case_id, case_year, agency_id, kind, title, doc_seq, document_number,
  issued_on, html, sha256) VALUES (2026, gen_random_uuid(), current_setting('bench.case')::uuid, 2026, '${a.id}',
  'receipt_acknowledgement', '政府信息公开申请登记回执', :last_doc_seq, '演示〔2026〕' || :last_doc_seq || '号',
  current_date, repeat('<p>回执</p>', ${Math.ceil(letterBytes / 13)}), repeat('s', 64));
INSERT INTO case_event (year, case_id, at, actor_role, action, from_status, to_status, payload)
  VALUES (2026, current_setting('bench.case')::uuid, now(), 'applicant', 'file', NULL, 'received', '{"channel":"online"}'),
         (2026, current_setting('bench.case')::uuid, now(), 'applicant', 'letter_issued', 'received', 'received', '{"kind":"receipt_acknowledgement"}');
INSERT INTO mail_outbox (id, template, to_address, params) VALUES (gen_random_uuid(), 'statutory-letter',
  'citizen1@example.com', jsonb_build_object('subject', '回执', 'html', repeat('<p>回执</p>', ${Math.ceil(letterBytes / 13)})));
COMMIT;
`,
    );
    return file;
  });
}

function pgbench(url: string, files: string[], clients: number): { tps: number; p99: number } {
  const dir = mkdtempSync(join(tmpdir(), 'bench-pgbench-log-'));
  try {
    const u = new URL(url);
    const r = spawnSync(
      'pgbench',
      [
        '-n',
        `-c${clients}`,
        `-j${Math.min(clients, 4)}`,
        `-T${DURATION_S}`,
        '-l',
        `--log-prefix=${join(dir, 'tx')}`,
        ...files.map((f) => `-f${f}@1`),
        '-h',
        u.hostname,
        '-p',
        u.port || '5432',
        '-U',
        decodeURIComponent(u.username || 'postgres'),
        u.pathname.slice(1),
      ],
      { encoding: 'utf8', env: { ...process.env, PGPASSWORD: decodeURIComponent(u.password) } },
    );
    check(r.status === 0, `pgbench failed: ${r.stderr}`);
    const failed = /failed transactions: (\d+)/.exec(r.stdout);
    check(!failed || failed[1] === '0', `pgbench failed transactions: ${failed?.[1]}`);
    const tps = Number(/tps = ([\d.]+)/.exec(r.stdout)?.[1]);
    const latencies: number[] = [];
    for (const f of readdirSync(dir))
      for (const line of readFileSync(join(dir, f), 'utf8').split('\n'))
        if (line) latencies.push(Number(line.split(' ')[2]) / 1000);
    latencies.sort((a, b) => a - b);
    return { tps, p99: latencies[Math.floor(latencies.length * 0.99)] ?? NaN };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function stored(url: string): Promise<number> {
  const [{ n }] = await query<{ n: number }>(url, `SELECT count(*)::int AS n FROM request_case`);
  return n;
}

async function cannon(t: IntakeTarget, codes: readonly string[], connections: number) {
  let k = 0;
  return autocannon({
    url: t.baseUrl,
    connections,
    duration: DURATION_S,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/requests',
        setupRequest: (req) => {
          k++;
          return {
            ...req,
            headers: {
              authorization: `Bearer ${t.token}`,
              'content-type': 'application/json',
              'idempotency-key': `bench-${process.pid}-${connections}-${codes.length}-${k}`,
            },
            body: body(codes[k % codes.length]),
          };
        },
      },
    ],
  });
}

export async function benchIntake(t: IntakeTarget): Promise<void> {
  const agencies = await query<Agency>(
    t.databaseUrl,
    `SELECT id, code FROM agency WHERE kind = 'department' AND active AND 'online' = ANY(channels) ORDER BY code`,
  );
  check(agencies.length > 1, 'the demo city has departments that accept online filings');
  // Correctness first: a filing is received at once, numbered, with its receipt and deadlines.
  const res = await fileOnce(t, agencies[0].code, `bench-check-${process.pid}`);
  const text = await res.text();
  check(res.status === 201, `online filing answered ${res.status}: ${text}`);
  const filed = JSON.parse(text) as { id: string; referenceNo: string; status: string };
  check(
    filed.status === 'received' && /-2026-\d{6}$/.test(filed.referenceNo),
    'filed and numbered',
  );
  const [letter] = await query<{ bytes: number }>(
    t.databaseUrl,
    `SELECT length(html)::int AS bytes FROM issued_letter WHERE case_id = $1`,
    [filed.id],
  );
  check(letter !== undefined, 'the receipt letter is stored');
  const [dl] = await query<{ n: number }>(
    t.databaseUrl,
    `SELECT count(*)::int AS n FROM deadline WHERE subject_id = $1 AND status = 'live'`,
    [filed.id],
  );
  check(dl.n >= 1, 'the filing has live deadlines');

  const dir = mkdtempSync(join(tmpdir(), 'bench-pgbench-'));
  try {
    const scripts = pgbenchScripts(dir, agencies, letter.bytes);
    for (const [mode, list] of [
      ['spread', agencies],
      ['one-agency', agencies.slice(0, 1)],
    ] as const) {
      for (const connections of [10, 50]) {
        const before = await stored(t.databaseUrl);
        const r = await cannon(
          t,
          list.map((a) => a.code),
          connections,
        );
        const after = await stored(t.databaseUrl);
        const ok = r['2xx'];
        const errors = r.non2xx + r.errors + r.timeouts;
        const files = mode === 'spread' ? scripts : scripts.slice(0, 1);
        const base = pgbench(t.databaseUrl, files, connections);
        const rps = ok / DURATION_S;
        const note = `${ok} filed, ${errors} errors, ${after - before} stored; p99 ${r.latency.p99} ms vs pgbench ${round(base.p99)} ms`;
        const target = mode === 'spread' ? '>= 0.5' : '>= 0.3';
        // 0 errors and every 2xx stored (requests still in flight when autocannon stops are
        // stored too, uncounted), or the measure fails whatever its ratio.
        const clean = after - before >= ok && errors === 0;
        emit(`B1-${mode}-c${connections}`, rps, base.tps, target, {
          unit: 'filings/s vs pgbench tps',
          ratio: rps / base.tps,
          note,
          requires: clean,
        });
        emit(`B1-${mode}-c${connections}-p99`, r.latency.p99, base.p99, '<= 3', {
          unit: 'ms p99 latency',
          requires: clean,
        });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
