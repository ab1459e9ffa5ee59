import request from 'supertest';
import { DataSource } from 'typeorm';
import { seedWorld, type World } from '../utils/fixtures';
import { act, APPLICANT, CONTENT, intake } from '../utils/requests';
import { bootTestApp, type TestApp } from '../utils/test-app';

/**
 * Each class of bad input the user trial found, fixed at its root: a clear 4xx problem in
 * Chinese and English, field by field, and never a 5xx.
 */
describe('bad input gets a clear 4xx', () => {
  let t: TestApp;
  let w: World;
  const http = () => request(t.app.getHttpServer());
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const file = (body: unknown) =>
    http()
      .post('/api/v1/requests')
      .set(as(w.tokens.applicant))
      .send(body as object);

  beforeAll(async () => {
    t = await bootTestApp({ ACCESS_TOKEN_TTL_SECONDS: '31536000' });
    w = await seedWorld(t.app);
    await http()
      .patch('/api/v1/agencies/DQ-GA')
      .set(as(w.tokens.rootAdmin))
      .send({ channels: ['online'] })
      .expect(200);
  });
  afterAll(() => t.close());

  const problem = (res: request.Response, status: number, code: string) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toEqual(expect.objectContaining({ status, code }));
    return res.body as { detail: string; title: string; errors?: unknown[] };
  };

  it('answers 413 to a JSON body over the limit (BODY_LIMIT, 256kb)', async () => {
    const res = await file({ ...CONTENT, description: 'x'.repeat(300_000) });
    const p = problem(res, 413, 'payload-too-large');
    expect(p.detail).toBe('请求内容不能超过256kb。 The request body may be at most 256kb.');
  });

  it('refuses NUL, control and bidi-override characters, blank text, and trims what it keeps', async () => {
    const res = await file({
      ...CONTENT,
      title: 'a\u0000b',
      docNo: '\u202Eevil',
      description: '   ',
    });
    expect(problem(res, 400, 'validation-failed').errors).toEqual([
      {
        field: 'title',
        code: 'field-bad-characters',
        message:
          '含有不允许的控制字符或方向控制字符 · contains control or direction-override characters',
      },
      {
        field: 'description',
        code: 'field-blank',
        message: '不能只有空白字符 · must not be only spaces',
      },
      {
        field: 'docNo',
        code: 'field-bad-characters',
        message:
          '含有不允许的控制字符或方向控制字符 · contains control or direction-override characters',
      },
    ]);
    const ok = await file({
      ...CONTENT,
      title: '  道路交通统计  ',
      description: '申请公开统计。\n第二行。',
    });
    expect(ok.status).toBe(201);
    expect(ok.body.title).toBe('道路交通统计');
  });

  it('refuses impossible calendar dates and instants in queries and bodies', async () => {
    const q = await http().get('/api/v1/requests?dueBefore=2026-02-30').set(as(w.tokens.clerk));
    expect(problem(q, 400, 'validation-failed').errors).toEqual([
      {
        field: 'dueBefore',
        code: 'field-not-date',
        message: '应为有效日期（YYYY-MM-DD） · must be a real date (YYYY-MM-DD)',
      },
    ]);
    const c = await intake(t.app, w.tokens.clerk, { submittedAt: '2026-03-02T09:00:00+08:00' });
    const body = await act(t.app, w.tokens.clerk, c.id, 'request-correction', {
      what: '请补充年份',
      periodEnd: '2026-04-31',
    });
    expect(problem(body, 400, 'validation-failed').errors).toEqual([
      expect.objectContaining({ field: 'periodEnd', code: 'field-not-date' }),
    ]);
    const instant = await http()
      .post('/api/v1/requests/intake')
      .set(as(w.tokens.clerk))
      .send({
        ...CONTENT,
        applicant: APPLICANT,
        channel: 'in_person',
        submittedAt: '2026-02-29T09:00:00+08:00',
      });
    expect(problem(instant, 400, 'validation-failed').errors).toEqual([
      expect.objectContaining({ field: 'submittedAt', code: 'field-not-instant' }),
    ]);
  });

  it('answers 404 to a path id that is not a UUID, and 400 to such an id in a query', async () => {
    const path = await http().get('/api/v1/requests/12345').set(as(w.tokens.clerk));
    expect(problem(path, 404, 'not-found').errors).toEqual([
      {
        field: 'id',
        code: 'field-not-uuid',
        message: '应为有效编号（UUID） · must be a valid id (UUID)',
      },
    ]);
    const att = await http()
      .get(
        `/api/v1/requests/${(await intake(t.app, w.tokens.clerk, { submittedAt: '2026-03-02T09:00:00+08:00' })).id}/attachments/x'1`,
      )
      .set(as(w.tokens.clerk));
    problem(att, 404, 'not-found');
    const q = await http().get('/api/v1/requests?assigneeId=abc').set(as(w.tokens.clerk));
    expect(problem(q, 400, 'validation-failed').errors).toEqual([
      expect.objectContaining({ field: 'assigneeId', code: 'field-not-uuid' }),
    ]);
  });

  it('bounds every integer to its column: page=1e20, pageSize=0, limit=abc', async () => {
    const page = await http().get('/api/v1/requests?page=1e20').set(as(w.tokens.clerk));
    expect(problem(page, 400, 'validation-failed').errors).toEqual([
      {
        field: 'page',
        code: 'field-too-large',
        message: '不能大于100000 · must be at most 100000',
      },
    ]);
    const size = await http().get('/api/v1/requests?pageSize=0').set(as(w.tokens.clerk));
    expect(problem(size, 400, 'validation-failed').errors).toEqual([
      { field: 'pageSize', code: 'field-too-small', message: '不能小于1 · must be at least 1' },
    ]);
    const limit = await http().get('/api/v1/audit?limit=abc').set(as(w.tokens.rootAdmin));
    expect(problem(limit, 400, 'validation-failed').errors).toEqual([
      expect.objectContaining({ field: 'limit', code: 'field-not-integer' }),
    ]);
  });

  it.each(['-5', '20260', '2026.5', 'abc'])('refuses the year %s', async (year) => {
    const res = await http()
      .get(`/api/v1/supervision/stats?year=${year}`)
      .set(as(w.tokens.parentSupervisor));
    expect(problem(res, 400, 'validation-failed').errors).toEqual([
      {
        field: 'year',
        code: 'field-not-year',
        message: '应为2000至2100之间的年份 · must be a year from 2000 to 2100',
      },
    ]);
  });

  it('says "必填 · required" once for a missing field, nested objects included', async () => {
    const res = await http()
      .post('/api/v1/requests/intake')
      .set(as(w.tokens.clerk))
      .send({
        ...CONTENT,
        title: undefined,
        channel: 'in_person',
        submittedAt: '2026-03-02T09:00:00+08:00',
      });
    expect(problem(res, 400, 'validation-failed').errors).toEqual([
      { field: 'applicant', code: 'field-required', message: '必填 · required' },
      { field: 'title', code: 'field-required', message: '必填 · required' },
    ]);
    const short = await file({ ...CONTENT, title: 'x', form: 'video', bogus: 1 });
    expect(problem(short, 400, 'validation-failed').errors).toEqual([
      { field: 'bogus', code: 'field-unknown', message: '不接受此字段 · unknown field' },
      {
        field: 'title',
        code: 'field-length',
        message: '长度应为2至300个字符 · must be 2 to 300 characters',
      },
      {
        field: 'form',
        code: 'field-not-in-list',
        message:
          '应为以下之一：paper, electronic, either · must be one of: paper, electronic, either',
      },
    ]);
  });

  it('refuses JSON nested deeper than 32 levels before parsing it', async () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const res = await http()
      .post('/api/v1/requests')
      .set(as(w.tokens.applicant))
      .set('content-type', 'application/json')
      .send(`{"title":${deep}}`);
    expect(problem(res, 400, 'json-too-deep').detail).toBe(
      'JSON 嵌套不能超过32层。 JSON may nest at most 32 levels.',
    );
  });

  it('names the position of malformed JSON', async () => {
    const res = await http()
      .post('/api/v1/requests')
      .set(as(w.tokens.applicant))
      .set('content-type', 'application/json')
      .send('{"title": "abc",, }');
    expect(problem(res, 400, 'malformed-json').detail).toBe(
      'JSON 格式有误（第16个字符附近）。 Malformed JSON near character 16.',
    );
  });

  it('answers 405 with Allow for a known path and the wrong method', async () => {
    const res = await http().delete('/api/v1/requests').set(as(w.tokens.clerk));
    expect(problem(res, 405, 'method-not-allowed').detail).toBe(
      '该地址只接受：GET, HEAD, POST。 This address accepts only: GET, HEAD, POST.',
    );
    expect(res.headers.allow).toBe('GET, HEAD, POST');
    problem(await http().get('/api/v1/nowhere'), 404, 'not-found');
  });

  it('validates query strings as strictly as bodies on every route', async () => {
    const dir = await http().get('/api/v1/directory?x=1');
    expect(problem(dir, 400, 'validation-failed').errors).toEqual([
      { field: 'x', code: 'field-unknown', message: '不接受此字段 · unknown field' },
    ]);
    const audit = await http().get('/api/v1/audit?limit=5&since=2026').set(as(w.tokens.rootAdmin));
    expect(problem(audit, 400, 'validation-failed').errors).toEqual([
      expect.objectContaining({ field: 'since', code: 'field-unknown' }),
    ]);
    const bool = await http().get('/api/v1/requests?overdue=yes').set(as(w.tokens.clerk));
    expect(problem(bool, 400, 'validation-failed').errors).toEqual([
      expect.objectContaining({ field: 'overdue', code: 'field-not-boolean' }),
    ]);
  });

  it('says when to retry after too many requests', async () => {
    let res: request.Response | undefined;
    for (let i = 0; i < 12; i++) {
      res = await http()
        .post('/api/v1/track')
        .set('x-forwarded-for', '10.77.0.1')
        .send({ referenceNo: 'DQ-GA-2026-000001', trackingCode: 'ABCDEFGHJKMNP' });
      if (res.status === 429) break;
    }
    const p = problem(res as request.Response, 429, 'rate-limited');
    const seconds = Number(res?.headers['retry-after']);
    expect(seconds).toBeGreaterThan(0);
    expect(p.detail).toBe(
      `请求过于频繁，请于${seconds}秒后重试。 Too many requests; retry after ${seconds} s.`,
    );
  });

  it('changes nothing when it refuses', async () => {
    const count = async () =>
      Number((await t.app.get(DataSource).query('SELECT count(*) AS n FROM request_case'))[0].n);
    const before = await count();
    await file({ ...CONTENT, title: 'a\u0000b' }).expect(400);
    await file({ ...CONTENT, description: 'x'.repeat(300_000) }).expect(413);
    expect(await count()).toBe(before);
  });
});
