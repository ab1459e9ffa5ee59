/**
 * B3: arming 20,000 deadlines through the reconcile after a Redis wipe against one `addBulk` of
 * the same jobs; B4: Redis bytes per live timer against the same name, id and payload added with
 * `queue.add` and no options. Optionally (BENCH_MILLION=1) 1,000,000 deadlines re-armed.
 */
import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../src/infra/config/app-config';
import { JobQueue } from '../../src/infra/queue/job-queue';
import { JOB_OPTIONS } from '../../src/infra/queue/job-options';
import { JobName, QueueName } from '../../src/infra/queue/queue-names';
import { DeadlineReconciler } from '../../src/modules/timers/deadline-reconciler.service';
import { check, emit } from './measure';

export async function wipe(redisUrl: string, prefix: string): Promise<void> {
  const r = new Redis(redisUrl);
  let cursor = '0';
  do {
    const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await r.unlink(...keys);
  } while (cursor !== '0');
  r.disconnect();
}

async function insertDeadlines(db: DataSource, n: number): Promise<void> {
  await db.query(`DELETE FROM deadline`);
  const agencies = (await db.query<Array<{ id: string }>>(`SELECT id FROM agency`)).map(
    (a) => a.id,
  );
  for (let done = 0; done < n; done += 50_000) {
    const ids = Array.from({ length: Math.min(50_000, n - done) }, () => randomUUID());
    await db.query(
      `INSERT INTO deadline (subject_type, subject_id, kind, ref, subject_year, agency_id, due_on, version, status, armed_version)
       SELECT 'case', i, 'reply', '', 2026, ($2::uuid[])[1 + (n % array_length($2::uuid[], 1))::int],
              current_date + 10 + (n % 60)::int, 1, 'live', 1
         FROM unnest($1::uuid[]) WITH ORDINALITY AS u(i, n)`,
      [ids, agencies],
    );
  }
}

const seconds = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e9;

export async function benchTimers(app: INestApplicationContext, config: AppConfig): Promise<void> {
  const db = app.get(DataSource);
  const queue = app.get(JobQueue).queue(QueueName.Deadlines);
  const reconciler = app.get(DeadlineReconciler);
  const redisUrl = config.redis.url as string;
  const prefix = config.redis.queuePrefix;
  const N = 20_000;
  await insertDeadlines(db, N);

  // Both sides timed warm: BullMQ loads its encoder and scripts on the first addBulk, which
  // would otherwise be charged to whichever side runs first (the reconcile).
  await queue.addBulk([
    { name: 'bench-warm-up', data: {}, opts: { jobId: 'warm', delay: 86_400_000 } },
  ]);
  await wipe(redisUrl, prefix);
  let t0 = process.hrtime.bigint();
  const r = await reconciler.reconcile();
  const armMs = seconds(t0) * 1000;
  check(r.rearmed === N, `reconcile re-armed ${r.rearmed} of ${N}`);
  check((await queue.getDelayedCount()) === N, 'every deadline has one delayed job');
  const jobs = (await queue.getDelayed(0, -1)).map((j) => ({
    name: j.name,
    data: j.data as object,
    // The options the app gives a tick (JOB_OPTIONS): the baseline stores the same job.
    opts: { ...JOB_OPTIONS[JobName.DeadlineTick], jobId: j.id, delay: j.opts.delay },
  }));
  const redis = new Redis(redisUrl);
  const sample = jobs.slice(0, 200);
  let live = 0;
  for (const j of sample)
    live += Number(await redis.call('MEMORY', 'USAGE', queue.toKey(j.opts.jobId!), 'SAMPLES', '0'));

  await wipe(redisUrl, prefix);
  t0 = process.hrtime.bigint();
  await queue.addBulk(jobs);
  const bulkMs = seconds(t0) * 1000;
  check((await queue.getDelayedCount()) === N, 'addBulk added every job');
  emit('B3', armMs, bulkMs, '<= 1.5', { unit: 'ms to arm 20,000 deadlines after a wipe' });

  // B4: the live timer's job hash (as the reconcile armed it, measured above) against the same
  // name, id and payload with no options.
  const plain = new Queue(QueueName.Deadlines, {
    connection: { url: redisUrl },
    prefix: `${prefix}x`,
  });
  let bare = 0;
  for (const j of sample) {
    await plain.add(j.name, j.data, { jobId: j.opts.jobId });
    bare += Number(await redis.call('MEMORY', 'USAGE', plain.toKey(j.opts.jobId!), 'SAMPLES', '0'));
  }
  await plain.obliterate({ force: true });
  await plain.close();
  redis.disconnect();
  emit('B4', live / sample.length, bare / sample.length, '<= 1.1', {
    unit: 'bytes per live timer (MEMORY USAGE of the job hash)',
  });

  if (process.env.BENCH_MILLION === '1') {
    const M = 1_000_000;
    await insertDeadlines(db, M);
    await wipe(redisUrl, prefix);
    t0 = process.hrtime.bigint();
    const big = await reconciler.reconcile();
    const s = seconds(t0);
    check(big.rearmed === M, `re-armed ${big.rearmed} of ${M}`);
    emit('B3-1M', s, 300, '<= 1', { unit: 's to re-arm 1,000,000 deadlines vs 5 min' });
  }
  await db.query(`DELETE FROM deadline`);
  await wipe(redisUrl, prefix);
}
