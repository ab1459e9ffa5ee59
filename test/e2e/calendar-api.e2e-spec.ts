import request from 'supertest';
import {
  CALENDAR_DAY_VECTORS,
  MONTH_VECTOR,
  WORKING_DAY_VECTORS,
} from '../unit/support/domain-vectors';
import { captureCli } from '../utils/run-cli';
import { bootTestApp, type TestApp } from '../utils/test-app';

/** The CLI's stdout for the same question: the API must answer byte for byte the same JSON. */
async function cliJson(...argv: string[]): Promise<string> {
  const r = await captureCli(argv);
  expect([r.code, r.stderr]).toEqual([0, '']);
  return r.stdout;
}

describe('public calendar API: deadline, period, fee', () => {
  let t: TestApp;
  const get = (path: string) => request(t.app.getHttpServer()).get(path);

  beforeAll(async () => {
    t = await bootTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
  });
  afterAll(async () => {
    await t.close();
  });

  describe('GET /api/v1/calendar/deadline', () => {
    // §7.1 vectors that are reply deadlines: 20 WD under OGI-2019, 15 WD under OGI-2008 (WE-7).
    const vectors = WORKING_DAY_VECTORS.filter((v) => v.n === 20 || v.n === 15).map((v) => ({
      ...v,
      regime: v.n === 15 ? 'OGI-2008' : 'OGI-2019',
    }));

    it.each(vectors)(
      'answers vector $id with replyDue $expected, identical to the CLI',
      async (v) => {
        const query = new URLSearchParams({ received: v.anchor, regime: v.regime });
        const flags = ['--received', v.anchor, '--regime', v.regime];
        if (v.pause) {
          query.append('pause', `${v.pause[0]}..${v.pause[1]}`);
          flags.push('--pause', `${v.pause[0]}..${v.pause[1]}`);
        }
        const res = await get(`/api/v1/calendar/deadline?${query.toString()}`).expect(200);
        expect(res.body.replyDue).toBe(v.expected);
        expect(`${res.text}\n`).toBe(await cliJson('deadline', ...flags));
      },
    );

    it('returns the CLI JSON for a correction restart, merged pauses, an open pause, an extension and a trace', async () => {
      const cases: Array<[string, string[]]> = [
        [
          'received=2025-01-26&correctionReceived=2025-02-20',
          ['--received', '2025-01-26', '--correction-received', '2025-02-20'],
        ],
        [
          'received=2026-09-14&pause=2026-09-18..2026-10-01&pause=2026-09-30..2026-10-12',
          [
            '--received',
            '2026-09-14',
            '--pause',
            '2026-09-18..2026-10-01',
            '--pause',
            '2026-09-30..2026-10-12',
          ],
        ],
        [
          'received=2026-09-14&pause=2026-09-18..',
          ['--received', '2026-09-14', '--pause', '2026-09-18..'],
        ],
        ['received=2025-04-30&extension=20', ['--received', '2025-04-30', '--extension', '20']],
        ['received=2024-09-13&trace=true', ['--received', '2024-09-13', '--trace']],
        ['received=2026-12-10', ['--received', '2026-12-10']],
      ];
      for (const [query, flags] of cases) {
        const res = await get(`/api/v1/calendar/deadline?${query}`).expect(200);
        expect(`${res.text}\n`).toBe(await cliJson('deadline', ...flags));
      }
      const traced = await get('/api/v1/calendar/deadline?received=2024-09-13&trace=true');
      expect(traced.body.trace[0]).toMatchObject({
        date: '2024-09-14',
        kind: 'makeup',
        n: 1,
        text: '2024-09-14 周六 调休上班 (1) / Sat make-up working day',
      });
      expect(
        (await get('/api/v1/calendar/deadline?received=2025-04-30&extension=20')).body.replyDue,
      ).toBe('2025-07-01');
    });

    it.each([
      ['a missing date of receipt', '', 'received'],
      ['an impossible date', 'received=2025-02-30', 'received'],
      ['a pause without ..', 'received=2024-09-13&pause=2024-09-20', 'pause[0]'],
      [
        'a pause ending before it starts',
        'received=2024-09-13&pause=2024-09-20..2024-09-19',
        'pause[0]',
      ],
      ['an extension above 20', 'received=2024-09-13&extension=21', 'extension'],
      ['an extension that is not a number', 'received=2024-09-13&extension=ten', 'extension'],
      ['an unknown regime', 'received=2024-09-13&regime=OGI-2020', 'regime'],
      [
        'a correction before receipt',
        'received=2024-09-13&correctionReceived=2024-09-12',
        'correctionReceived',
      ],
      ['trace=yes', 'received=2024-09-13&trace=yes', 'trace'],
      ['an unknown agency', 'received=2024-09-13&agency=NOPE', 'agency'],
      ['an unknown parameter', 'received=2024-09-13&receivedOn=2024-09-13', 'receivedOn'],
    ])('answers 400 with a field error when given %s', async (_case, query, field) => {
      const res = await get(`/api/v1/calendar/deadline?${query}`).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(res.headers['cache-control']).toBeUndefined();
      expect(res.headers.etag ?? '').not.toContain('cal-');
    });
  });

  describe('GET /api/v1/calendar/period', () => {
    it.each(CALENDAR_DAY_VECTORS)(
      'answers vector $id identically to `period --calendar-days`',
      async (v) => {
        const res = await get(
          `/api/v1/calendar/period?from=${v.anchor}&calendarDays=${v.n}`,
        ).expect(200);
        expect(res.body).toEqual({ raw: v.raw, due: v.expected });
        expect(`${res.text}\n`).toBe(
          await cliJson('period', '--from', v.anchor, '--calendar-days', String(v.n)),
        );
      },
    );

    it('answers months (vector 26) and working days (vector 19) like the CLI', async () => {
      const months = await get(
        `/api/v1/calendar/period?from=${MONTH_VECTOR.anchor}&months=6`,
      ).expect(200);
      expect(`${months.text}\n`).toBe(
        await cliJson('period', '--from', MONTH_VECTOR.anchor, '--months', '6'),
      );
      expect(months.body).toEqual({ raw: '2026-02-28', due: '2026-02-28' });
      const wd = await get('/api/v1/calendar/period?from=2026-09-28&workingDays=5').expect(200);
      expect(wd.body).toEqual({ raw: '2026-10-10', due: '2026-10-10' });
    });

    it.each([
      ['no unit', 'from=2025-08-02', ['calendarDays', 'months', 'workingDays']],
      ['two units', 'from=2025-08-02&months=1&calendarDays=3', ['calendarDays', 'months']],
      ['no start', 'calendarDays=3', ['from']],
      ['a bad start', 'from=2025-13-01&months=1', ['from']],
      ['a negative count', 'from=2025-08-02&months=-1', ['months']],
    ])('answers 400 naming the fields when given %s', async (_case, query, fields) => {
      const res = await get(`/api/v1/calendar/period?${query}`).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(
        expect.arrayContaining(fields),
      );
    });
  });

  describe('GET /api/v1/calendar/fee', () => {
    it.each([
      ['method=per-piece&nth=45', ['--per-piece', '--nth', '45'], 300],
      ['method=per-piece&monthCount=45', ['--per-piece', '--month-count', '45'], 5500],
      ['method=per-volume&pages=250', ['--per-volume', '--pages', '250'], 4700],
      [
        'method=per-piece&nth=13&received=2024-04-26',
        ['--per-piece', '--nth', '13', '--received', '2024-04-26'],
        100,
      ],
    ])('answers %s like the CLI (WE-6, D-8)', async (query, flags, amount) => {
      const res = await get(`/api/v1/calendar/fee?${query}`).expect(200);
      expect(res.body.amountYuan).toBe(amount);
      expect(`${res.text}\n`).toBe(await cliJson('fee', ...flags));
    });

    it.each([
      ['method=by-weight&pages=3', 'method'],
      ['method=per-piece', 'monthCount'],
      ['method=per-piece&nth=1&pages=3', 'pages'],
      ['method=per-piece&nth=0', 'nth'],
      ['method=per-piece&nth=3&received=2020-12-31', 'received'],
    ])('answers 400 for %s naming %s', async (query, field) => {
      const res = await get(`/api/v1/calendar/fee?${query}`).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });
  });
});
