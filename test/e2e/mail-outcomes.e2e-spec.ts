import request from 'supertest';
import { DataSource } from 'typeorm';
import { JobQueue } from '../../src/infra/queue/job-queue';
import { QueueName } from '../../src/infra/queue/queue-names';
import { MailOutbox } from '../../src/modules/notifications/mail-outbox.entity';
import { OutboxService } from '../../src/modules/notifications/outbox.service';
import { captureCli } from '../utils/run-cli';
import { seedWorld, WORLD, type World } from '../utils/fixtures';
import { eventually } from '../utils/queues';
import { APPLICANT, intake } from '../utils/requests';
import { SmtpReceiver } from '../utils/smtp-receiver';
import { bootTestApp, caseTestEnv, TEST_PII_KEY, type TestApp } from '../utils/test-app';

const TYPO = 'zhang.san@exampel.com';

/**
 * What happens to a statutory letter the mail server refuses, end to end: the case's clerks are
 * told at once, /health degrades (only for statutory letters) and /metrics counts it, an operator
 * resends it once the address is fixed, and a mail that may have been accepted is never resent.
 */
describe('mail outcomes of a case', () => {
  let smtp: SmtpReceiver;
  let t: TestApp;
  let w: World;
  const db = () => t.app.get(DataSource);
  const http = () => request(t.app.getHttpServer());
  const rowsOf = (template: string) =>
    db()
      .getRepository(MailOutbox)
      .find({ where: { template }, order: { createdAt: 'ASC' } });
  const cli = (...argv: string[]) =>
    captureCli(argv, {
      DATABASE_URL: t.config.database.url as string,
      REDIS_URL: t.config.redis.url as string,
      QUEUE_PREFIX: t.config.redis.queuePrefix,
      PII_ENCRYPTION_KEY: TEST_PII_KEY,
      CLOCK: 'fixed',
      CLOCK_FIXED_AT: '2026-03-03T10:00:00+08:00',
    });

  beforeAll(async () => {
    smtp = await new SmtpReceiver().start();
    t = await bootTestApp({
      ...caseTestEnv('2026-03-02T10:00:00+08:00'),
      MAIL_TRANSPORT: 'smtp',
      SMTP_URL: smtp.url,
    });
    w = await seedWorld(t.app);
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('a refused statutory letter tells the clerks at once, degrades /health and is counted', async () => {
    smtp.refusedRecipients.set(TYPO, 550);
    const c = await intake(t.app, w.tokens.clerk, {
      submittedAt: '2026-03-02T09:00:00+08:00',
      applicant: { ...APPLICANT, email: TYPO },
    });
    const [letter] = await eventually(async () => {
      const rows = await rowsOf('statutory-letter');
      return rows.length && rows[0].status === 'failed' ? rows : null;
    });
    expect(letter).toEqual(
      expect.objectContaining({
        caseId: c.id,
        statutory: true,
        failure: 'permanent',
        attempts: 1,
        resolvedAt: null,
      }),
    );
    const notice = await smtp.waitForTo(WORLD.staff.clerk.email);
    expect(notice.subject).toBe(
      `邮件无法送达：${String(c.referenceNo)} · E-mail undeliverable: ${String(c.referenceNo)}`,
    );
    expect(notice.text).toContain(TYPO);

    const health = await http().get('/health').expect(200);
    expect(health.body.status).toBe('degraded');
    expect(health.body.checks.mail).toEqual(
      expect.objectContaining({ status: 'degraded', statutoryUnresolved: 1 }),
    );
    const metrics = await http().get('/metrics').expect(200);
    expect(metrics.text).toMatch(
      /^govinfo_mail_outbox_problems\{state="failed",statutory="true"\} 1$/m,
    );
    expect(metrics.text).toMatch(
      /^govinfo_mail_outcomes_total\{outcome="failed-permanent",template="statutory-letter"\} 1$/m,
    );
  });

  it('an operator resends the failed letters once the address is fixed; /health recovers', async () => {
    smtp.refusedRecipients.clear();
    const run = await cli('mail', 'resend', '--failed', '--since', '2026-03-01T00:00:00+08:00');
    expect(run.code).toBe(0);
    const [letter] = await rowsOf('statutory-letter');
    expect(JSON.parse(run.stdout)).toEqual(
      expect.objectContaining({ queued: 1, outboxIds: [letter.id] }),
    );
    await eventually(async () => (await rowsOf('statutory-letter'))[0].status === 'sent');
    expect(smtp.to(TYPO)).toHaveLength(1);
    const health = await http().get('/health').expect(200);
    expect(health.body.checks.mail).toEqual(
      expect.objectContaining({ status: 'up', statutoryUnresolved: 0 }),
    );
  });

  it('a failed reminder (one mistyped staff address) is counted but never degrades /health', async () => {
    smtp.refusedRecipients.set('typo@ga.dq.gov.cn', 550);
    const id = await t.app.get(OutboxService).send({
      template: 'mail-check',
      to: 'typo@ga.dq.gov.cn',
      params: { requestedAt: 'x', publicUrl: 'y' },
    });
    await eventually(
      async () =>
        (await db().getRepository(MailOutbox).findOneByOrFail({ id })).status === 'failed',
    );
    const health = await http().get('/health').expect(200);
    expect(health.body.checks.mail).toEqual(
      expect.objectContaining({ status: 'up', otherUnresolved: 1 }),
    );
  });

  it('refuses to resend a mail the server may have accepted, and lets the operator settle it', async () => {
    const [letter] = await rowsOf('statutory-letter');
    await db().query(
      `UPDATE mail_outbox SET status = 'unconfirmed', failure = 'unconfirmed', resolved_at = NULL WHERE id = $1`,
      [letter.id],
    );
    const refused = await cli('mail', 'resend', letter.id);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('may have been accepted by the server');
    const again = await cli('mail', 'resend', '--failed', '--since', '2026-03-01T00:00:00+08:00');
    expect(JSON.parse(again.stdout).outboxIds).not.toContain(letter.id);
    expect((await http().get('/health')).body.checks.mail.status).toBe('degraded');
    expect((await cli('mail', 'resolve', letter.id)).code).toBe(0);
    expect((await http().get('/health')).body.checks.mail.status).toBe('up');
    expect(await t.app.get(JobQueue).queue(QueueName.Mail).getDelayedCount()).toBe(0);
    expect(smtp.to(TYPO)).toHaveLength(1);
  });
});
