import { Agent, request as httpRequest } from 'node:http';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { MailOutbox } from '../../src/modules/notifications/mail-outbox.entity';
import { OutboxService } from '../../src/modules/notifications/outbox.service';
import { startFaultWorld, type FaultWorld } from '../utils/fault-world';
import { freePort } from '../utils/free-port';
import { APPLICANT, CONTENT } from '../utils/requests';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * PostgreSQL stopped under load (its own cluster, never the shared one): clients get 503 with
 * Retry-After, never 500; every 2xx has its row and keyed retries create nothing twice; mail sent
 * meanwhile is delivered once and none the server accepted is marked for resend. And SIGTERM
 * under steady keep-alive load: exit 0, no request cut.
 */
describe('PostgreSQL faults and SIGTERM under load', () => {
  let f: FaultWorld;
  const db = () => f.app.get(DataSource);

  beforeAll(async () => {
    f = await startFaultWorld();
  }, 90_000);
  afterAll(async () => {
    await f?.close();
  });

  it('PostgreSQL stopped during intake: 503 + Retry-After, every 2xx has its row, keyed retries file once', async () => {
    const CLIENTS = 6;
    const EACH = 6;
    const statuses = new Map<number, number>();
    const created = new Map<string, string>(); // key → case id
    let retryAfterMissing = 0;
    let successes = 0;
    const giveUpAt = Date.now() + 60_000;
    const client = async (c: number) => {
      for (let i = 0; i < EACH; i++) {
        const key = `fault-${c}-${i}-key`;
        for (;;) {
          if (Date.now() > giveUpAt) throw new Error(`${key}: no 201 within 60 s`);
          const res = await request(f.app.getHttpServer())
            .post('/api/v1/requests/intake')
            .set('authorization', `Bearer ${f.w.tokens.clerk}`)
            .set('idempotency-key', key)
            .send({
              ...CONTENT,
              title: `故障演练 ${key}`,
              applicant: APPLICANT,
              channel: 'in_person',
              deliveryRoute: 'pickup',
              submittedAt: '2026-11-30T09:00:00+08:00',
            });
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status === 201) {
            const id = (res.body as { id: string }).id;
            if (created.has(key)) expect(created.get(key)).toBe(id);
            created.set(key, id);
            successes++;
            break;
          }
          if (res.status !== 503) throw new Error(`${res.status}: ${JSON.stringify(res.body)}`);
          if (!res.headers['retry-after']) retryAfterMissing++;
          await sleep(200);
        }
      }
    };
    const outage = (async () => {
      while (successes < 8) await sleep(20);
      f.pg.stop('fast');
      await sleep(3_000);
      await f.pg.restart();
    })();
    const started = Date.now();
    const results = await Promise.allSettled([
      outage,
      ...Array.from({ length: CLIENTS }, (_, c) => client(c)),
    ]);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    const [{ n }] = await db().query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM request_case WHERE title LIKE '故障演练 %'`,
    );
    const ids = await db().query<Array<{ id: string }>>(
      `SELECT id FROM request_case WHERE id = ANY($1::uuid[])`,
      [[...created.values()]],
    );
    console.log(
      `PG stopped 3 s during intake: ${CLIENTS * EACH} filings in ${Date.now() - started} ms, ` +
        `answers ${JSON.stringify(Object.fromEntries(statuses))}, cases ${n}`,
    );
    expect(statuses.get(503)).toBeGreaterThan(0);
    expect([...statuses.keys()].sort()).toEqual([201, 503]);
    expect(retryAfterMissing).toBe(0);
    expect(created.size).toBe(CLIENTS * EACH);
    expect(ids).toHaveLength(CLIENTS * EACH);
    expect(n).toBe(CLIENTS * EACH);
  }, 90_000);

  it('PostgreSQL stopped during mail sending: every mail delivered once, none marked for resend', async () => {
    const worker = await f.start(['--role', 'worker'], {
      SMTP_TIMEOUT_MS: '1500',
      WORKER_CONCURRENCY: '4',
    });
    f.smtp.messages.length = 0;
    f.smtp.delayMs = 100;
    const MAILS = 30;
    // Only this test's mails: receipts and notices of the cases filed before may still arrive.
    const own = () =>
      f.smtp.messages.filter((m) => {
        const to = Array.isArray(m.to) ? m.to : m.to ? [m.to] : [];
        return to.some((a) => a.value.some((v) => v.address?.startsWith('pg-down-')));
      });
    const ids: string[] = [];
    for (let i = 0; i < MAILS; i++)
      ids.push(
        await f.app.get(OutboxService).send({
          template: 'mail-check',
          to: `pg-down-${i}@agency.test`,
          params: { requestedAt: 'x', publicUrl: 'y' },
        }),
      );
    while (own().length < 6) await sleep(20);
    f.pg.stop('fast');
    await sleep(4_000);
    await f.pg.restart();
    const started = Date.now();
    const rows = db().getRepository(MailOutbox);
    for (;;) {
      const left = await rows.count({ where: ids.map((id) => ({ id, status: 'sent' as const })) });
      if (left === MAILS) break;
      if (Date.now() - started > 60_000) throw new Error(`only ${left} of ${MAILS} sent`);
      await sleep(250);
    }
    f.smtp.delayMs = 0;
    const delivered = own().map((m) => m.messageId);
    expect(new Set(delivered).size).toBe(delivered.length);
    expect(delivered).toHaveLength(MAILS);
    const bad = await db().query<unknown[]>(
      `SELECT id, status FROM mail_outbox WHERE id = ANY($1::uuid[]) AND status <> 'sent'`,
      [ids],
    );
    expect(bad).toEqual([]);
    console.log(
      `PG stopped 4 s during sending: ${MAILS} mails delivered once each, all sent ${Date.now() - started} ms after the restart`,
    );
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
  }, 90_000);

  it('SIGTERM under steady keep-alive load: exit 0, no request cut', async () => {
    const port = await freePort();
    const api = await f.start(['--role', 'api'], { PORT: String(port) });
    const agent = new Agent({ keepAlive: true, maxSockets: 4 });
    const outcomes = new Map<string, number>();
    let stop = false;
    const get = () =>
      new Promise<string>((resolve) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port,
            path: '/api/v1/requests',
            agent,
            headers: { authorization: `Bearer ${f.w.tokens.clerk}` },
          },
          (res) => {
            let body = '';
            res.on('data', (d: Buffer) => (body += d.toString()));
            res.on('end', () => resolve(res.complete ? `HTTP ${res.statusCode}` : 'cut'));
            res.on('error', () => resolve('cut'));
          },
        );
        req.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
        req.end();
      });
    const loop = async () => {
      while (!stop) {
        const o = await get();
        outcomes.set(o, (outcomes.get(o) ?? 0) + 1);
        if (o === 'ECONNREFUSED') return;
      }
    };
    const loops = Array.from({ length: 4 }, loop);
    await sleep(1_500);
    const t0 = Date.now();
    api.child.kill('SIGTERM');
    const code = await api.exited;
    const exitMs = Date.now() - t0;
    stop = true;
    await Promise.all(loops);
    agent.destroy();
    console.log(
      `SIGTERM under load: exit ${code} after ${exitMs} ms, ${JSON.stringify(Object.fromEntries(outcomes))}`,
    );
    expect(code).toBe(0);
    expect(outcomes.get('HTTP 200')).toBeGreaterThan(20);
    // Only answered requests, and refused new connections once the listener closed.
    expect([...outcomes.keys()].filter((k) => k !== 'HTTP 200' && k !== 'ECONNREFUSED')).toEqual(
      [],
    );
  }, 90_000);
});
