import type { INestApplication } from '@nestjs/common';
import { Clock } from '../../src/infra/clock/clock';
import { JobQueue } from '../../src/infra/queue/job-queue';
import { QueueName } from '../../src/infra/queue/queue-names';

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
