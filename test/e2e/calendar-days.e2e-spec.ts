import request from 'supertest';
import { captureCli } from '../utils/run-cli';
import { bootTestApp, type TestApp } from '../utils/test-app';

describe('public calendar API: days, years, caching', () => {
  let t: TestApp;
  const get = (path: string) => request(t.app.getHttpServer()).get(path);

  beforeAll(async () => {
    t = await bootTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
  });
  afterAll(async () => {
    await t.close();
  });

  describe('GET /api/v1/calendar/days', () => {
    it('lists holidays with their names, make-up days and provisional years', async () => {
      const res = await get('/api/v1/calendar/days?from=2024-09-13&to=2024-09-18').expect(200);
      expect(
        res.body.map((d: { date: string; kind: string; working: boolean }) => [
          d.date,
          d.kind,
          d.working,
        ]),
      ).toEqual([
        ['2024-09-13', 'workday', true],
        ['2024-09-14', 'makeup', true],
        ['2024-09-15', 'holiday', false],
        ['2024-09-16', 'holiday', false],
        ['2024-09-17', 'holiday', false],
        ['2024-09-18', 'workday', true],
      ]);
      expect(res.body[1]).toEqual({
        date: '2024-09-14',
        weekday: 6,
        working: true,
        provisional: false,
        kind: 'makeup',
        name: '中秋节',
        nameEn: 'Mid-autumn Festival',
      });
      const edge = await get('/api/v1/calendar/days?from=2026-12-31&to=2027-01-01').expect(200);
      expect(edge.body.map((d: { provisional: boolean }) => d.provisional)).toEqual([false, true]);
    });

    it('lists at most 400 days', async () => {
      expect(
        (await get('/api/v1/calendar/days?from=2024-01-01&to=2025-02-03').expect(200)).body,
      ).toHaveLength(400);
      const res = await get('/api/v1/calendar/days?from=2024-01-01&to=2025-02-04').expect(400);
      expect(res.body.errors).toEqual([
        {
          field: 'to',
          code: 'invalid-period',
          message: expect.stringContaining('at most 400 days'),
        },
      ]);
      const bad = await get('/api/v1/calendar/days?from=2024-01-01').expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('to');
    });
  });

  describe('GET /api/v1/calendar/years', () => {
    it('lists every covered year with its provenance and working-day count', async () => {
      const res = await get('/api/v1/calendar/years').expect(200);
      const years = res.body as Array<{
        year: number;
        workingDays: number;
        source: string;
        noticeUrl: string | null;
      }>;
      expect(years.map((y) => y.year)).toEqual(Array.from({ length: 19 }, (_, i) => 2008 + i));
      expect(years.every((y) => y.source === 'national')).toBe(true);
      expect(years.find((y) => y.year === 2024)).toMatchObject({
        workingDays: 251,
        noticeDate: '2023-10-25',
        dataset: 'chinese-days@1.5.7',
      });
      expect(years.find((y) => y.year === 2020)?.noticeUrl).toContain('gov.cn');
      expect(`${res.text}\n`).toBe(`[${(await captureCliYears()).join(',')}]\n`);
    });

    /** `calendar years` prints the same objects, one per line. */
    async function captureCliYears(): Promise<string[]> {
      const r = await captureCli(['calendar', 'years'], {
        DATABASE_URL: t.db.url,
        REDIS_URL: t.config.redis.url as string,
        QUEUE_PREFIX: t.config.redis.queuePrefix,
        PII_ENCRYPTION_KEY: t.config.security.piiKey as string,
      });
      expect([r.code, r.stderr]).toEqual([0, '']);
      return r.stdout.trimEnd().split('\n');
    }
  });

  describe('caching', () => {
    it('sends Cache-Control and an ETag, and 304 when the ETag is sent back', async () => {
      for (const path of [
        '/api/v1/calendar/deadline?received=2024-09-13',
        '/api/v1/calendar/period?from=2025-08-02&calendarDays=60',
        '/api/v1/calendar/fee?method=per-volume&pages=250',
        '/api/v1/calendar/days?from=2024-09-13&to=2024-09-18',
        '/api/v1/calendar/years',
      ]) {
        const first = await get(path).expect(200);
        expect(first.headers['cache-control']).toBe('public, max-age=300');
        expect(first.headers.etag).toMatch(/^"cal-0-[0-9a-f]{12}"$/);
        const again = await get(path).set('if-none-match', first.headers.etag).expect(304);
        expect(again.text).toBe('');
        await get(path).set('if-none-match', '"cal-999-000000000000"').expect(200);
      }
    });
  });

  it('documents every calendar route in the OpenAPI document', async () => {
    const doc = await get('/api/docs-json').expect(200);
    const paths = Object.keys(doc.body.paths).filter((p) => p.startsWith('/api/v1/calendar'));
    expect(paths.sort()).toEqual([
      '/api/v1/calendar/days',
      '/api/v1/calendar/deadline',
      '/api/v1/calendar/fee',
      '/api/v1/calendar/overrides',
      '/api/v1/calendar/overrides/{id}',
      '/api/v1/calendar/period',
      '/api/v1/calendar/years',
    ]);
    expect(JSON.stringify(doc.body.paths['/api/v1/calendar/deadline'])).toContain('2024-10-17');
  });
});
