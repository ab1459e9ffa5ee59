import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DEFAULT_POOL } from '../../src/infra/database/data-source-options';
import { CalendarService } from '../../src/modules/calendar/calendar.service';
import { seedWorld, type World } from '../utils/fixtures';
import { CONTENT } from '../utils/requests';
import { bootTestApp, type TestApp } from '../utils/test-app';

const AGENCIES = ['HLJ', 'DQ', 'DQ-GA', 'DQ-JY'];

async function listen(t: TestApp): Promise<string> {
  await t.app.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
}

async function openOnlineChannels(t: TestApp, w: World): Promise<void> {
  for (const code of AGENCIES) {
    await request(t.app.getHttpServer())
      .patch(`/api/v1/agencies/${code}`)
      .set('authorization', `Bearer ${w.tokens.rootAdmin}`)
      .send({ channels: ['online'] })
      .expect(200);
  }
}

/** `n` online filings at once; resolves to the HTTP statuses. */
function fileConcurrently(base: string, token: string, agencyOf: (i: number) => string, n: number) {
  return Promise.all(
    Array.from({ length: n }, (_, i) =>
      request(base)
        .post('/api/v1/requests')
        .set('authorization', `Bearer ${token}`)
        .send({ ...CONTENT, agencyCode: agencyOf(i), title: `并发申请 ${i}` })
        .then((r) => ({ status: r.status, referenceNo: r.body.referenceNo as string | undefined })),
    ),
  );
}

describe('No stall under concurrent case transactions', () => {
  describe('with the default pool and timeouts', () => {
    let t: TestApp;
    let w: World;
    let base: string;

    beforeAll(async () => {
      // DB_POOL_SIZE '' = unset: the production default (10), as are every DB_* timeout.
      t = await bootTestApp({ DB_POOL_SIZE: '', RATE_LIMIT_PER_MINUTE: '100000' });
      expect(t.config.database.pool).toEqual(DEFAULT_POOL);
      w = await seedWorld(t.app);
      await openOnlineChannels(t, w);
      base = await listen(t);
    });
    afterAll(async () => {
      await t.close();
    });

    it('files 5× the pool size of concurrent requests to one agency, every one 201 with its own reference number', async () => {
      const n = 5 * DEFAULT_POOL.size;
      const started = Date.now();
      const results = await fileConcurrently(base, w.tokens.applicant, () => 'DQ-GA', n);
      const statuses = results.map((r) => r.status);
      process.stdout.write(
        `no-stall: ${n} concurrent filings to one agency in ${Date.now() - started} ms\n`,
      );
      expect(statuses).toEqual(Array(n).fill(201));
      const refs = results.map((r) => r.referenceNo).sort();
      expect(new Set(refs).size).toBe(n);
      const [{ count }] = await t.app
        .get(DataSource)
        .query<Array<{ count: number }>>(
          `SELECT count(*)::int AS count FROM request_case WHERE title LIKE '并发申请 %'`,
        );
      expect(count).toBe(n);
    });

    it('files 5× the pool size of concurrent requests spread over several agencies, every one 201', async () => {
      const n = 5 * DEFAULT_POOL.size;
      const results = await fileConcurrently(
        base,
        w.tokens.otherApplicant,
        (i) => AGENCIES[i % AGENCIES.length],
        n,
      );
      expect(results.map((r) => r.status)).toEqual(Array(n).fill(201));
      // Reference numbers stay gap-free per agency under concurrency.
      const seqs = new Map<string, number[]>();
      for (const r of results) {
        const m = /^(.*)-2\d{3}-(\d{6})$/.exec(r.referenceNo ?? '');
        if (!m) throw new Error(`bad reference ${r.referenceNo}`);
        seqs.set(m[1], [...(seqs.get(m[1]) ?? []), Number(m[2])]);
      }
      const previous = 5 * DEFAULT_POOL.size; // the DQ-GA filings of the test above
      for (const [agency, list] of seqs) {
        const first = agency === 'DQ-GA' ? previous + 1 : 1;
        expect([...list].sort((a, b) => a - b)).toEqual(
          Array.from({ length: list.length }, (_, i) => first + i),
        );
      }
      const health = await request(base).get('/health').expect(200);
      expect(health.body.checks.database).toEqual(
        expect.objectContaining({
          status: 'up',
          pool: expect.objectContaining({ max: DEFAULT_POOL.size, waiting: 0 }),
        }),
      );
    });
  });

  describe('the transaction guard', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await bootTestApp();
      expect(t.config.database.transactionGuard).toBe('throw');
    });
    afterAll(async () => {
      await t.close();
    });

    it('fails loudly when code inside a transaction asks the pool for a second connection', async () => {
      const db = t.app.get(DataSource);
      await expect(db.transaction(async () => db.query('SELECT 1'))).rejects.toThrow(
        /second pooled connection was requested inside a transaction/,
      );
      await expect(
        db.transaction(async (m) => db.manager.transaction(() => m.query('SELECT 1'))),
      ).rejects.toThrow(/second pooled connection/);
    });

    it("catches the calendar lookup that once wedged the service, and allows it on the transaction's manager", async () => {
      const db = t.app.get(DataSource);
      const calendars = t.app.get(CalendarService);
      calendars.invalidate();
      await expect(db.transaction(async () => calendars.calendarFor(null))).rejects.toThrow(
        /second pooled connection/,
      );
      calendars.invalidate();
      const cal = await db.transaction(async (m) => calendars.calendarFor(null, m));
      expect(cal.addWorkingDays('2024-09-13', 20).due).toBe('2024-10-17');
    });

    it('lets the transaction use its own connection and the pool after commit', async () => {
      const db = t.app.get(DataSource);
      const inside = await db.transaction(
        async (m) => (await m.query<Array<{ one: number }>>('SELECT 1 AS one'))[0].one,
      );
      const after = (await db.query<Array<{ one: number }>>('SELECT 1 AS one'))[0].one;
      expect([inside, after]).toEqual([1, 1]);
    });
  });

  describe('bounded waits answer 503 with Retry-After', () => {
    let t: TestApp;
    let w: World;
    let base: string;

    beforeAll(async () => {
      t = await bootTestApp({
        DB_POOL_SIZE: '2',
        DB_ACQUIRE_TIMEOUT_MS: '300',
        DB_LOCK_TIMEOUT_MS: '400',
        RATE_LIMIT_PER_MINUTE: '100000',
      });
      w = await seedWorld(t.app);
      await openOnlineChannels(t, w);
      base = await listen(t);
    });
    afterAll(async () => {
      await t.close();
    });

    it('answers 503 with Retry-After when no pooled connection frees up in time, and /health says pool exhausted', async () => {
      const db = t.app.get(DataSource);
      // Both pooled connections busy for 1.5 s; a request waiting 300 ms for a third gives up.
      const hold = () => db.query('SELECT pg_sleep(1.5)');
      const held = Promise.all([hold(), hold()]);
      await new Promise((r) => setTimeout(r, 100));
      const [filing, health] = await Promise.all([
        request(base)
          .post('/api/v1/requests')
          .set('authorization', `Bearer ${w.tokens.applicant}`)
          .send(CONTENT),
        request(base).get('/health'),
      ]);
      await held;
      expect(filing.status).toBe(503);
      expect(filing.headers['retry-after']).toMatch(/^\d+$/);
      expect(filing.headers['content-type']).toContain('application/problem+json');
      expect(filing.body).toEqual(
        expect.objectContaining({ status: 503, code: 'unavailable', reason: 'pool-exhausted' }),
      );
      expect(health.status).toBe(200);
      expect(health.body.status).toBe('degraded');
      expect(health.body.checks.database).toEqual(
        expect.objectContaining({
          status: 'degraded',
          error: expect.stringContaining('pool exhausted'),
        }),
      );
      // Nothing was half-stored, and the service answers again at once.
      const [{ count }] = await db.query<Array<{ count: number }>>(
        'SELECT count(*)::int AS count FROM request_case',
      );
      expect(count).toBe(0);
      await request(base)
        .post('/api/v1/requests')
        .set('authorization', `Bearer ${w.tokens.applicant}`)
        .send(CONTENT)
        .expect(201);
    });

    it('answers 503 with Retry-After when a row lock is held longer than DB_LOCK_TIMEOUT_MS', async () => {
      await request(base)
        .post('/api/v1/requests')
        .set('authorization', `Bearer ${w.tokens.applicant}`)
        .send(CONTENT)
        .expect(201);
      const other = new Client({ connectionString: t.db.url });
      await other.connect();
      try {
        await other.query('BEGIN');
        await other.query(`SELECT * FROM reference_counter FOR UPDATE`);
        const res = await request(base)
          .post('/api/v1/requests')
          .set('authorization', `Bearer ${w.tokens.applicant}`)
          .send(CONTENT);
        expect(res.status).toBe(503);
        expect(res.headers['retry-after']).toMatch(/^\d+$/);
        expect(res.body).toEqual(
          expect.objectContaining({ code: 'unavailable', reason: 'lock-timeout' }),
        );
      } finally {
        await other.query('ROLLBACK');
        await other.end();
      }
      await request(base)
        .post('/api/v1/requests')
        .set('authorization', `Bearer ${w.tokens.applicant}`)
        .send(CONTENT)
        .expect(201);
    });
  });
});
