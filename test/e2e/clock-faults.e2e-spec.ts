import { DataSource } from 'typeorm';
import { Clock, type FixedClock } from '../../src/infra/clock/clock';
import { JobQueue } from '../../src/infra/queue/job-queue';
import { QueueName } from '../../src/infra/queue/queue-names';
import { seedWorld, WORLD, type World } from '../utils/fixtures';
import { OwnRedis } from '../utils/own-redis';
import { act, intake } from '../utils/requests';
import { settle } from '../utils/timers';
import { SmtpReceiver } from '../utils/smtp-receiver';
import { bootTestApp, caseTestEnv, type TestApp } from '../utils/test-app';

/**
 * A clock-change storm while timers fire: the clock jumps back and forth across the reply
 * deadlines of several cases (NTP steps, an operator fixing the time) while every wake-up is
 * delivered at once, early or late. No effect may happen before its planned moment (by the
 * clock when it happens), none twice, and once time settles every effect has happened once.
 */
/**
 * The reply deadline of a case assigned on 2026-09-14 is 10-16 (National Day in between); its
 * effects (REMINDER_WORKING_DAYS=5,2) are planned at 09:00 Beijing: 5 WD before is the make-up
 * working Saturday 10-10, 2 WD before 10-14, the day itself, and the escalation on Mon 10-19.
 */
const PLANNED: Record<string, string> = {
  'remind-5': '2026-10-10T09:00:00+08:00',
  'remind-2': '2026-10-14T09:00:00+08:00',
  'remind-0': '2026-10-16T09:00:00+08:00',
  escalate: '2026-10-19T09:00:00+08:00',
};

describe('timers under a clock-change storm', () => {
  let redis: OwnRedis;
  let smtp: SmtpReceiver;
  let t: TestApp;
  let w: World;
  const db = () => t.app.get(DataSource);
  const clock = () => t.app.get<Clock, FixedClock>(Clock);

  beforeAll(async () => {
    redis = await OwnRedis.start();
    smtp = await new SmtpReceiver().start();
    t = await bootTestApp({
      ...caseTestEnv('2026-09-14T09:00:00+08:00'),
      REDIS_URL: redis.url,
      MAIL_TRANSPORT: 'smtp',
      SMTP_URL: smtp.url,
    });
    w = await seedWorld(t.app);
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await smtp.stop();
    await redis.stop();
  });

  it('fires nothing early and nothing twice; everything once when time settles', async () => {
    const CASES = 4;
    const ids: string[] = [];
    for (let i = 0; i < CASES; i++) {
      const c = await intake(t.app, w.tokens.clerk, {
        channel: 'in_person',
        submittedAt: '2026-09-14T09:00:00+08:00',
        deliveryRoute: 'pickup',
      });
      await act(t.app, w.tokens.clerk, c.id, 'assign', { assigneeId: w.ids.clerk }).expect(200);
      ids.push(c.id);
    }
    const deadlines = t.app.get(JobQueue).queue(QueueName.Deadlines);
    const start = Date.parse('2026-10-05T00:00:00+08:00');
    const span = Date.parse('2026-10-22T00:00:00+08:00') - start;
    // A deterministic storm: 40 jumps, forwards and back.
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let stale = 0;
    const seen = new Set<string>();
    const started = Date.now();
    for (let step = 0; step < 40; step++) {
      const now = new Date(start + Math.floor(next() * span));
      clock().set(now);
      // Every wake-up delivered now, whatever its planned moment (early ones must do nothing).
      for (const job of await deadlines.getDelayed()) await job.promote();
      await settle(t.app);
      // Effects new since the last step happened at `now`: none may be planned after it.
      // `at` is the moment the effect happened (the clock then): never before its plan.
      const rows = await db().query<Array<{ key: string; effect: string; at: Date }>>(
        `SELECT concat_ws('/', subject_id, kind, ref, version, effect) AS key, effect, at
           FROM deadline_effect WHERE subject_id = ANY($1::uuid[]) AND kind = 'reply'`,
        [ids],
      );
      for (const r of rows) {
        if (seen.has(r.key)) continue;
        seen.add(r.key);
        if (new Date(r.at).getTime() < Date.parse(PLANNED[r.effect] ?? '')) stale++;
      }
    }
    clock().set('2026-10-25T10:00:00+08:00');
    await settle(t.app);
    const effects = await db().query<Array<{ effect: string; n: number }>>(
      `SELECT effect, count(*)::int AS n FROM deadline_effect
        WHERE subject_id = ANY($1::uuid[]) AND kind = 'reply' GROUP BY effect ORDER BY effect`,
      [ids],
    );
    console.log(
      `clock storm: 40 jumps over ${CASES} cases in ${Date.now() - started} ms, ${stale} stale effects, reply effects ${JSON.stringify(effects)}`,
    );
    expect(stale).toBe(0);
    for (const e of effects) expect(e.n).toBe(CASES);
    expect(effects.map((e) => e.effect)).toEqual(
      expect.arrayContaining(['escalate', 'remind-0', 'remind-2', 'remind-5']),
    );
    const reminders = smtp
      .to(WORLD.staff.clerk.email)
      .filter((m) => /^答复期限/.test(m.subject ?? ''));
    expect(new Set(reminders.map((m) => m.messageId)).size).toBe(reminders.length);
  }, 90_000);
});
