import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../../src/infra/clock/clock';
import { JobQueue } from '../../src/infra/queue/job-queue';
import { QueueName } from '../../src/infra/queue/queue-names';
import { setToday } from './requests';

/**
 * Runs the timers as if time had reached the app's (fixed) clock: promotes every delayed
 * deadline wake-up whose planned moment has come, and mail jobs, until the queues are idle.
 * Never sleeps on real time beyond short polls.
 */
export async function settle(app: INestApplication, rounds = 30): Promise<void> {
  const jobs = app.get(JobQueue);
  const now = app.get(Clock).now().getTime();
  for (let i = 0; i < rounds; i++) {
    let promoted = 0;
    for (const job of await jobs.queue(QueueName.Deadlines).getDelayed()) {
      const at = (job.data as { at?: string }).at;
      if (at && new Date(at).getTime() <= now) {
        await job.promote();
        promoted++;
      }
    }
    for (const job of await jobs.queue(QueueName.Mail).getDelayed()) {
      await job.promote();
      promoted++;
    }
    const busy = await Promise.all(
      [QueueName.Deadlines, QueueName.Mail].map(async (q) => {
        const c = await jobs.queue(q).getJobCounts('waiting', 'active', 'prioritized');
        return c.waiting + c.active + c.prioritized;
      }),
    );
    const failed = await jobs.queue(QueueName.Deadlines).getFailed();
    if (failed.length) throw new Error(`deadline job failed: ${failed[0].failedReason}`);
    if (promoted === 0 && busy.every((n) => n === 0)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('queues did not settle');
}

/** A report reminder or overdue notice: its day, recipient, template and working days left. */
export type ReportMail = [day: string, to: string, template: string, workingDaysLeft?: number];

/**
 * Walks the fixed clock through `days` (09:30 Beijing), settling the timers on each, and
 * returns the annual-report mails in the outbox by the day they were first seen (those there
 * before the walk count on its first day).
 */
export async function reportMailsOn(
  app: INestApplication,
  days: readonly string[],
): Promise<ReportMail[]> {
  const outbox = () =>
    app
      .get(DataSource)
      .query<Array<{ to: string; template: string; params: { workingDaysLeft?: number } }>>(
        `SELECT to_address AS to, template, params FROM mail_outbox WHERE params->>'referenceNo' LIKE '%年度' ORDER BY created_at, id`,
      );
  const seen: ReportMail[] = [];
  let before = 0;
  for (const day of days) {
    setToday(app, day, '09:30');
    await settle(app);
    const mails = await outbox();
    for (const m of mails.slice(before))
      seen.push([day, m.to, m.template, m.params.workingDaysLeft]);
    before = mails.length;
  }
  return seen;
}
