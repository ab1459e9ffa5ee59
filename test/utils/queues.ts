import type { Queue } from 'bullmq';

/** Moves every delayed job (e.g. a retry waiting out its backoff) to waiting, now. */
export async function promoteDelayed(queue: Queue): Promise<number> {
  const delayed = await queue.getDelayed();
  await Promise.all(delayed.map((j) => j.promote()));
  return delayed.length;
}

/** Polls `check` until it returns a truthy value, promoting delayed jobs in between. */
export async function eventually<T>(
  check: () => Promise<T | undefined | null | false>,
  opts: { timeoutMs?: number; promote?: Queue[] } = {},
): Promise<T> {
  const deadline = Date.now() + (opts.timeoutMs ?? 10_000);
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    for (const q of opts.promote ?? []) await promoteDelayed(q);
    await new Promise((r) => setTimeout(r, 50));
  }
}
