import { DataSource } from 'typeorm';
import { JobQueue } from '../../src/infra/queue/job-queue';
import { QueueName } from '../../src/infra/queue/queue-names';
import { MailOutbox } from '../../src/modules/notifications/mail-outbox.entity';
import { OutboxReconciler } from '../../src/modules/notifications/outbox-reconciler.service';
import { OutboxService } from '../../src/modules/notifications/outbox.service';
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

  it('never resends a message whose earlier send was interrupted, and lets an operator requeue it', async () => {
    // A worker claimed the row (status sending, committed) and died mid-send.
    const id = await db.transaction((m) =>
      outbox.write(
        { m, afterCommit: () => undefined },
        {
          template: 'mail-check',
          to: 'e@agency.test',
          params: { requestedAt: 'x', publicUrl: 'y' },
        },
      ),
    );
    await db.query(`UPDATE mail_outbox SET status = 'sending', attempts = 1 WHERE id = $1`, [id]);
    await outbox.dispatch(id);
    const failed = await eventually(async () => {
      const r = await row(id);
      return r.status === 'failed' ? r : null;
    });
    expect(failed.lastError).toContain('interrupted while sending');
    expect(smtp.messages).toHaveLength(0);
    await outbox.requeue(id);
    await eventually(async () => (await row(id)).status === 'sent');
    expect(smtp.messages).toHaveLength(1);
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
