import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { Clock, type FixedClock } from '../../src/infra/clock/clock';
import { MailJournal } from '../../src/modules/notifications/mail-journal';
import { JobQueue } from '../../src/infra/queue/job-queue';
import { QueueName } from '../../src/infra/queue/queue-names';
import { MailOutbox } from '../../src/modules/notifications/mail-outbox.entity';
import { MailProcessor } from '../../src/modules/notifications/mail.processor';
import { OutboxReconciler } from '../../src/modules/notifications/outbox-reconciler.service';
import { OutboxService, sendJobId } from '../../src/modules/notifications/outbox.service';
import { eventually } from '../utils/queues';
import { SmtpReceiver } from '../utils/smtp-receiver';
import { bootTestApp, type TestApp } from '../utils/test-app';
import { deleteRedisPrefix } from '../utils/test-services';

describe(OutboxService.name, () => {
  let smtp: SmtpReceiver;
  let t: TestApp;
  let outbox: OutboxService;
  let db: DataSource;

  beforeAll(async () => {
    smtp = await new SmtpReceiver().start();
    t = await bootTestApp({
      CLOCK: 'fixed',
      CLOCK_FIXED_AT: '2026-11-29T08:00:00Z',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'govinfo-mail-')),
      MAIL_RETRY_HORIZON_HOURS: '1',
      MAIL_SENT_UPDATE_RETRY_MS: '500',
      DB_LOCK_TIMEOUT_MS: '200',
      SMTP_TIMEOUT_MS: '2000',
      OPS_ALERT_EMAIL: 'ops@agency.test',
      MAIL_TRANSPORT: 'smtp',
      SMTP_URL: smtp.url,
      MAIL_FROM: '政务公开 <gk@agency.test>',
    });
    outbox = t.app.get(OutboxService);
    db = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });
  beforeEach(() => {
    smtp.messages.length = 0;
  });

  const row = (id: string) => db.getRepository(MailOutbox).findOneByOrFail({ id });
  const mailQueue = () => t.app.get(JobQueue).queue(QueueName.Mail);

  it('delivers a queued message once through a real SMTP server, Chinese first', async () => {
    const id = await outbox.send({
      template: 'mail-check',
      to: 'clerk@agency.test',
      params: { requestedAt: '2026-11-29T08:00:00.000Z', publicUrl: 'https://gk.example' },
    });
    const [mail] = await smtp.waitFor(1);
    expect(mail.subject).toBe('邮件配置检查 · Mail configuration check');
    expect(mail.text?.indexOf('检查邮件')).toBeLessThan(mail.text?.indexOf('check message') ?? -1);
    expect(mail.messageId).toBe(`<outbox-${id}@govinfo>`);
    const sent = await eventually(async () => {
      const r = await row(id);
      return r.status === 'sent' ? r : null;
    });
    expect(sent).toEqual(
      expect.objectContaining({ messageId: `<outbox-${id}@govinfo>`, attempts: 1 }),
    );
  });

  it('retries while the SMTP server refuses, then delivers exactly once', async () => {
    smtp.refuse(2);
    const id = await outbox.send({
      template: 'mail-check',
      to: 'a@agency.test',
      params: { requestedAt: 'x', publicUrl: 'y' },
    });
    await eventually(async () => (await row(id)).status === 'sent', { promote: [mailQueue()] });
    const r = await row(id);
    expect(r.attempts).toBe(3);
    expect(smtp.messages).toHaveLength(1);
  });

  it('does not send a row twice when its job runs again', async () => {
    const id = await outbox.send({
      template: 'mail-check',
      to: 'b@agency.test',
      params: { requestedAt: 'x', publicUrl: 'y' },
    });
    await eventually(async () => (await row(id)).status === 'sent');
    await t.app
      .get(JobQueue)
      .queue(QueueName.Mail)
      .add('send-mail', { outboxId: id }, { jobId: `again_${id}` });
    await eventually(async () => (await mailQueue().getJob(`again_${id}`))?.isCompleted());
    expect(smtp.messages).toHaveLength(1);
  });

  it('sends rows whose jobs Redis lost when the reconciler runs', async () => {
    // A row committed but never dispatched (crash between commit and dispatch, or Redis wiped).
    const id = await db.transaction((m) =>
      outbox.write(
        { m, afterCommit: () => undefined },
        {
          template: 'mail-check',
          to: 'c@agency.test',
          params: { requestedAt: 'x', publicUrl: 'y' },
        },
      ),
    );
    await db.query(
      `UPDATE mail_outbox SET created_at = now() - interval '5 minutes' WHERE id = $1`,
      [id],
    );
    await deleteRedisPrefix(t.config.redis.queuePrefix);
    await expect(t.app.get(OutboxReconciler).reconcile()).resolves.toBe(1);
    await eventually(async () => (await row(id)).status === 'sent');
    await expect(t.app.get(OutboxReconciler).reconcile()).resolves.toBe(0);
    expect(smtp.messages.map((m) => m.messageId)).toEqual([`<outbox-${id}@govinfo>`]);
  });

  /** A row committed but not dispatched, then set to `changes` (a worker's state when it died). */
  async function rowLeftAs(to: string, changes: string): Promise<string> {
    const id = await db.transaction((m) =>
      outbox.write(
        { m, afterCommit: () => undefined },
        { template: 'mail-check', to, params: { requestedAt: 'x', publicUrl: 'y' } },
      ),
    );
    await db.query(`UPDATE mail_outbox SET ${changes} WHERE id = $1`, [id]);
    return id;
  }

  it('sends again a row whose worker died before the whole message went out (never before its claim is stale)', async () => {
    const id = await rowLeftAs(
      'e@agency.test',
      `status = 'sending', attempts = 1, claimed_at = now()`,
    );
    await outbox.dispatch(id, 1);
    // A fresh claim may still be in flight on another worker: the job waits, nothing is sent.
    await new Promise((r) => setTimeout(r, 500));
    expect((await row(id)).status).toBe('sending');
    expect(smtp.messages).toHaveLength(0);
    await db.query(`UPDATE mail_outbox SET claimed_at = now() - interval '1 hour' WHERE id = $1`, [
      id,
    ]);
    await eventually(async () => (await row(id)).status === 'sent', { promote: [mailQueue()] });
    expect(smtp.messages).toHaveLength(1);
    expect((await row(id)).attempts).toBe(2);
  });

  it('never resends a row whose worker died after the final dot: accepted-unconfirmed', async () => {
    const id = await rowLeftAs(
      'f@agency.test',
      `status = 'sending', attempts = 1, claimed_at = now() - interval '1 hour', data_sent_at = now() - interval '1 hour'`,
    );
    await outbox.dispatch(id, 1);
    const r = await eventually(async () => {
      const x = await row(id);
      return x.status === 'unconfirmed' ? x : null;
    });
    expect(r).toEqual(expect.objectContaining({ failure: 'unconfirmed', attempts: 1 }));
    expect(r.lastError).toContain('accepted-unconfirmed');
    await outbox.dispatch(id, 2);
    await eventually(async () => (await mailQueue().getJob(sendJobId(id, 2)))?.isCompleted());
    expect(smtp.messages).toHaveLength(0);
  });

  it('keeps a secret shown once out of the row once the mail is sent (redactAfterSend)', async () => {
    const id = await outbox.send({
      template: 'statutory-letter',
      to: 'r@agency.test',
      params: {
        subject: '受理回执',
        html: '<p>查询码 SECRET-CODE-1</p>',
        text: '查询码 SECRET-CODE-1',
        redactAfterSend: 'SECRET-CODE-1',
      },
    });
    await eventually(async () => (await row(id)).status === 'sent');
    const sent = await row(id);
    expect(JSON.stringify(sent.params)).not.toContain('SECRET-CODE-1');
    expect(sent.params).toEqual({
      subject: '受理回执',
      html: '<p>查询码 （已隐去 · redacted）</p>',
      text: '查询码 （已隐去 · redacted）',
    });
    expect(sent.messageId).toBe(`<outbox-${id}@govinfo>`);
    expect(smtp.messages.some((m) => (m.text ?? '').includes('SECRET-CODE-1'))).toBe(true);
  });

  it('records as sent a row whose 250 is in the journal, without sending it again', async () => {
    const id = await rowLeftAs(
      'g@agency.test',
      `status = 'sending', attempts = 1, claimed_at = now() - interval '1 hour', data_sent_at = now() - interval '1 hour'`,
    );
    await t.app.get(MailJournal).append({
      outboxId: id,
      messageId: `<outbox-${id}@govinfo>`,
      response: '250 OK',
      acceptedAt: '2026-11-29T08:00:00.000Z',
    });
    await outbox.dispatch(id, 1);
    await eventually(async () => (await row(id)).status === 'sent');
    expect((await row(id)).sentAt?.toISOString()).toBe('2026-11-29T08:00:00.000Z');
    expect(smtp.messages).toHaveLength(0);
  });

  it('keeps the 250 in the journal when the sent update cannot be written, and the reconcile records it', async () => {
    smtp.delayMs = 400;
    const id = await outbox.send({
      template: 'mail-check',
      to: 'h@agency.test',
      params: { requestedAt: 'x', publicUrl: 'y' },
    });
    await eventually(async () => smtp.received >= 1 && (await row(id)).dataSentAt !== null);
    // While the server holds its answer, a lock stops every write to the outbox.
    const pg = new Client({ connectionString: t.config.database.url });
    await pg.connect();
    await pg.query('BEGIN');
    await pg.query('LOCK TABLE mail_outbox IN SHARE MODE');
    try {
      await smtp.waitFor(1);
      const job = await eventually(
        async () => {
          const j = await mailQueue().getJob(sendJobId(id, 0));
          return (await j?.isCompleted()) ? j : null;
        },
        { timeoutMs: 15_000 },
      );
      expect(job.returnvalue).toBe('journalled');
      expect(
        t.app
          .get(MailJournal)
          .pending()
          .map((e) => e.outboxId),
      ).toContain(id);
    } finally {
      await pg.query('COMMIT');
      await pg.end();
      smtp.delayMs = 0;
    }
    expect((await row(id)).status).toBe('sending');
    await t.app.get(OutboxReconciler).reconcile();
    expect((await row(id)).status).toBe('sent');
    expect(smtp.messages).toHaveLength(1);
  });

  it('fails a 5xx refusal at once, without a retry', async () => {
    smtp.refusedRecipients.set('nobody@agency.test', 550);
    const id = await outbox.send({
      template: 'mail-check',
      to: 'nobody@agency.test',
      params: { requestedAt: 'x', publicUrl: 'y' },
    });
    const r = await eventually(async () => {
      const x = await row(id);
      return x.status === 'failed' ? x : null;
    });
    expect(r).toEqual(expect.objectContaining({ failure: 'permanent', attempts: 1 }));
    expect(await mailQueue().getDelayedCount()).toBe(0);
  });

  it('retries a 4xx past the old 8 attempts and delivers once; gives up at the horizon and tells the ops mailbox', async () => {
    smtp.refuse(12);
    const id = await outbox.send({
      template: 'mail-check',
      to: 'slow@agency.test',
      params: { requestedAt: 'x', publicUrl: 'y' },
    });
    await eventually(async () => (await row(id)).status === 'sent', {
      promote: [mailQueue()],
      timeoutMs: 20_000,
    });
    expect((await row(id)).attempts).toBe(13);
    expect(smtp.to('slow@agency.test')).toHaveLength(1);

    smtp.refuse(1000);
    const clock = t.app.get<Clock, FixedClock>(Clock);
    const gone = await outbox.send({
      template: 'mail-check',
      to: 'gone@agency.test',
      params: { requestedAt: 'x', publicUrl: 'y' },
    });
    await eventually(async () => (await row(gone)).attempts >= 2, { promote: [mailQueue()] });
    clock.advance(2 * 3600_000); // past the 1 h horizon of this app
    const failed = await eventually(
      async () => {
        const x = await row(gone);
        return x.status === 'failed' ? x : null;
      },
      { promote: [mailQueue()] },
    );
    expect(failed.failure).toBe('horizon');
    smtp.refuse(0);
    const [notice] = await db.query<Array<{ to_address: string; params: { outboxId: string } }>>(
      `SELECT to_address, params FROM mail_outbox WHERE template = 'mail-undeliverable'`,
    );
    expect(notice).toEqual(
      expect.objectContaining({
        to_address: 'ops@agency.test',
        params: expect.objectContaining({ outboxId: gone }),
      }),
    );
  });

  it('re-dispatches every lost row in one reconcile pass, in bulk pages (no cap of 500)', async () => {
    const worker = t.app.get(MailProcessor).worker;
    await worker.pause();
    try {
      const ROWS = 2_500;
      await db.query(
        `INSERT INTO mail_outbox (id, template, to_address, params, created_at)
         SELECT gen_random_uuid(), 'mail-check', 'bulk-' || g || '@agency.test', '{}'::jsonb,
                now() - interval '10 minutes' FROM generate_series(1, $1) g`,
        [ROWS],
      );
      const started = Date.now();
      const check = await t.app.get(OutboxReconciler).check();
      expect(check).toEqual(expect.objectContaining({ checked: ROWS, missing: ROWS }));
      expect(await mailQueue().getWaitingCount()).toBe(ROWS);
      console.log(
        `outbox reconcile: ${ROWS} lost rows re-dispatched in ${Date.now() - started} ms`,
      );
      expect((await t.app.get(OutboxReconciler).check()).missing).toBe(0);
    } finally {
      await db.query(`UPDATE mail_outbox SET status = 'sent' WHERE to_address LIKE 'bulk-%'`);
      await mailQueue().drain();
      await worker.resume();
    }
  });

  it('marks a row with an unknown template failed without retrying', async () => {
    const id = await outbox.send({ template: 'no-such-template', to: 'd@agency.test', params: {} });
    const failed = await eventually(async () => {
      const r = await row(id);
      return r.status === 'failed' ? r : null;
    });
    expect(failed.lastError).toContain('unknown mail template');
    expect(failed.attempts).toBe(1);
  });
});
