import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { JobQueue } from '../../src/infra/queue/job-queue';
import { QueueName } from '../../src/infra/queue/queue-names';
import { backoffMs } from '../../src/modules/notifications/domain/retry-schedule';
import { MailOutbox } from '../../src/modules/notifications/mail-outbox.entity';
import { OutboxService } from '../../src/modules/notifications/outbox.service';
import { startFaultWorld, type FaultWorld } from '../utils/fault-world';
import { promoteDelayed } from '../utils/queues';
import { captureCli } from '../utils/run-cli';

/**
 * Mail faults against real processes: a worker SIGKILLed mid-send at three points of the SMTP
 * conversation, and a mail server refusing for far longer than the old 8-attempt horizon. Own
 * PostgreSQL, Redis and SMTP server; the API (which writes the outbox rows) in this process.
 */
describe('mail faults under a real worker', () => {
  let f: FaultWorld;
  const db = () => f.app.get(DataSource);
  const row = (id: string) => db().getRepository(MailOutbox).findOneByOrFail({ id });
  const mailQueue = () => f.app.get(JobQueue).queue(QueueName.Mail);
  const send = (to: string) =>
    f.app.get(OutboxService).send({
      template: 'mail-check',
      to,
      params: { requestedAt: '2026-03-02T08:00:00Z', publicUrl: 'https://gk.example' },
    });
  async function until<T>(what: string, check: () => Promise<T | false>, ms = 30_000): Promise<T> {
    const end = Date.now() + ms;
    for (;;) {
      const v = await check();
      if (v !== false) return v;
      if (Date.now() > end) throw new Error(`timed out (${ms} ms) waiting until ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const statusIs = (id: string, status: string) => async () =>
    (await row(id)).status === status ? row(id) : false;
  const worker = () =>
    f.start(['--role', 'worker'], {
      SMTP_TIMEOUT_MS: '1500',
      WORKER_CONCURRENCY: '1',
      LOG_LEVEL: process.env.FAULT_LOG ?? 'warn',
    });
  const kill = async (p: Awaited<ReturnType<typeof worker>>) => {
    p.child.kill('SIGKILL');
    await p.exited;
  };

  beforeAll(async () => {
    f = await startFaultWorld();
  }, 90_000);
  afterAll(async () => {
    await f?.close();
  });
  beforeEach(() => {
    f.smtp.messages.length = 0;
    f.smtp.received = 0;
    f.smtp.rcpts = 0;
    f.smtp.delayMs = 0;
    f.smtp.rcptDelayMs = 0;
  });

  it('SIGKILL before DATA: the server had nothing, so the row is sent again, once', async () => {
    const started = Date.now();
    f.smtp.rcptDelayMs = 3_000;
    const doomed = await worker();
    const id = await send('before-data@agency.test');
    await until('RCPT TO arrived', async () => f.smtp.rcpts >= 1);
    await kill(doomed);
    f.smtp.rcptDelayMs = 0;
    expect((await row(id)).status).toBe('sending');
    const heir = await worker();
    const sent = await until('the row is sent', statusIs(id, 'sent'), 60_000);
    expect(f.smtp.to('before-data@agency.test')).toHaveLength(1);
    expect(sent.attempts).toBe(2);
    console.log(
      `kill before DATA: delivered once after ${Date.now() - started} ms, attempts ${sent.attempts}`,
    );
    await kill(heir);
  }, 90_000);

  it('SIGKILL after the final dot, before the answer: accepted-unconfirmed, never sent again', async () => {
    f.smtp.delayMs = 2_000;
    const doomed = await worker();
    const id = await send('after-dot@agency.test');
    await until('the whole message arrived', async () => f.smtp.received >= 1);
    await kill(doomed);
    const heir = await worker();
    const r = await until('the row is unconfirmed', statusIs(id, 'unconfirmed'), 60_000);
    expect(r.failure).toBe('unconfirmed');
    // The server did accept it (after the worker died): it arrived once, and stays once.
    await f.smtp.waitFor(1);
    await new Promise((res) => setTimeout(res, 1500));
    expect(f.smtp.to('after-dot@agency.test')).toHaveLength(1);
    const resend = await captureCli(['mail', 'resend', id], f.env());
    expect(resend.code).toBe(2);
    expect(resend.stderr).toContain('may have been accepted');
    console.log(`kill after the final dot: 1 delivery, row ${r.status}, resend refused`);
    await kill(heir);
  }, 90_000);

  it('SIGKILL after the 250, before the sent update: the journal makes it sent at the next start', async () => {
    f.smtp.delayMs = 1_000;
    // Lock waits fail fast, so the worker dies between two tries of its sent update.
    const doomed = await f.start(['--role', 'worker'], {
      SMTP_TIMEOUT_MS: '1500',
      WORKER_CONCURRENCY: '1',
      DB_LOCK_TIMEOUT_MS: '200',
    });
    const id = await send('after-250@agency.test');
    await until('the final dot is marked', async () => (await row(id)).dataSentAt !== null);
    // Every write to the outbox waits from now on, so the sent update cannot happen.
    const lock = new Client({ connectionString: f.config.database.url });
    await lock.connect();
    await lock.query('BEGIN');
    await lock.query('LOCK TABLE mail_outbox IN SHARE MODE');
    await f.smtp.waitFor(1);
    await until('the sent update waits for the lock', async () => {
      const [{ n }] = await db().query<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND relation = 'mail_outbox'::regclass`,
      );
      return n > 0;
    });
    await new Promise((res) => setTimeout(res, 600));
    await kill(doomed);
    // Its last statement ends with its lock timeout: nothing of the dead worker lands later.
    await new Promise((res) => setTimeout(res, 500));
    await lock.query('COMMIT');
    await lock.end();
    expect((await row(id)).status).toBe('sending');
    const heir = await worker();
    const r = await until('the row is sent', statusIs(id, 'sent'), 30_000);
    expect(r.messageId).toBe(`<outbox-${id}@govinfo>`);
    await new Promise((res) => setTimeout(res, 1500));
    expect(f.smtp.to('after-250@agency.test')).toHaveLength(1);
    console.log('kill after the 250: 1 delivery, recorded sent from the journal at worker start');
    await kill(heir);
  }, 90_000);

  it('SMTP refusing for far longer than the old horizon: every mail delivered once', async () => {
    const p = await f.start(['--role', 'worker'], {
      CLOCK: 'fixed',
      CLOCK_FIXED_AT: '2026-03-02T08:00:00Z',
      WORKER_CONCURRENCY: '4',
    });
    const MAILS = 5;
    const REFUSALS = 60; // about 12 per mail: the old policy gave up after 8 attempts
    f.smtp.refuse(REFUSALS);
    const ids = await Promise.all(
      Array.from({ length: MAILS }, (_, i) => send(`outage-${i}@agency.test`)),
    );
    const started = Date.now();
    await until(
      'every mail is sent',
      async () => {
        await promoteDelayed(mailQueue());
        const rows = await Promise.all(ids.map(row));
        return rows.every((r) => r.status === 'sent') ? rows : false;
      },
      60_000,
    );
    const rows = await Promise.all(ids.map(row));
    for (const [i] of ids.entries()) expect(f.smtp.to(`outage-${i}@agency.test`)).toHaveLength(1);
    const attempts = rows.map((r) => r.attempts);
    expect(attempts.reduce((a, b) => a + b, 0)).toBe(MAILS + REFUSALS);
    const longest = Math.max(...attempts);
    const backoffH =
      Array.from({ length: longest - 1 }, (_, k) => backoffMs(k + 1, f.config.mail.retry)).reduce(
        (a, b) => a + b,
        0,
      ) / 3600_000;
    console.log(
      `SMTP outage: ${REFUSALS} refusals over ${MAILS} mails, attempts ${attempts.join('/')}, ` +
        `longest wait ${backoffH.toFixed(1)} h of backoff (promoted), all delivered once in ${Date.now() - started} ms`,
    );
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
  }, 90_000);
});
