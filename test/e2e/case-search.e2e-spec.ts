import request from 'supertest';
import { seedWorld, type World } from '../utils/fixtures';
import { APPLICANT, intake, setToday } from '../utils/requests';
import { bootTestApp, caseTestEnv, type TestApp } from '../utils/test-app';

describe('Clerks search with q=', () => {
  let t: TestApp;
  let w: World;
  let a: { id: string; referenceNo: string };
  let b: { id: string; referenceNo: string };
  const search = async (q: string, token = w.tokens.clerk) => {
    const res = await request(t.app.getHttpServer())
      .get('/api/v1/requests')
      .query({ q })
      .set('authorization', `Bearer ${token}`)
      .expect(200);
    return (res.body.items as Array<{ id: string }>).map((i) => i.id).sort();
  };

  beforeAll(async () => {
    t = await bootTestApp({
      ...caseTestEnv('2026-09-14T09:00:00+08:00'),
    });
    w = await seedWorld(t.app);
    setToday(t.app, '2026-09-14');
    const submittedAt = '2026-09-14T09:00:00+08:00';
    a = (await intake(t.app, w.tokens.clerk, { submittedAt })) as typeof a;
    b = (await intake(t.app, w.tokens.clerk, {
      submittedAt,
      title: '学校食堂100%合格率检测报告',
      applicant: { ...APPLICANT, name: '赵六', idNumber: '11010519491231002X' },
    })) as typeof b;
  });
  afterAll(async () => {
    await t.close();
  });

  it('finds a case by its reference number, by prefix and in any case', async () => {
    expect(await search(b.referenceNo)).toEqual([b.id]);
    expect(await search(b.referenceNo.slice(0, -1).toLowerCase())).toEqual([a.id, b.id].sort());
    expect(await search(b.referenceNo.slice(3))).toEqual([]);
  });

  it('finds a case by part of the applicant name or of the title', async () => {
    expect(await search('赵六')).toEqual([b.id]);
    expect(await search('张')).toEqual([a.id]);
    expect(await search('食堂')).toEqual([b.id]);
    expect(await search('交通事故')).toEqual([a.id]);
  });

  it('matches % and _ literally when they are typed', async () => {
    expect(await search('100%')).toEqual([b.id]);
    expect(await search('_')).toEqual([]);
    expect(await search('0%合')).toEqual([b.id]);
    expect(await search('学%报告')).toEqual([]);
  });

  it('finds a case by the whole ID number through the blind index, never by part of it', async () => {
    expect(await search('11010519491231002x')).toEqual([b.id]);
    expect(await search(APPLICANT.idNumber)).toEqual([a.id]);
    expect(await search('1101051949')).toEqual([]);
  });

  it('keeps the search within reach and refuses a blank or overlong q with a field message', async () => {
    expect(await search('赵六', w.tokens.otherClerk)).toEqual([]);
    for (const q of ['', 'x'.repeat(101)]) {
      const res = await request(t.app.getHttpServer())
        .get('/api/v1/requests')
        .query({ q })
        .set('authorization', `Bearer ${w.tokens.clerk}`)
        .expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'q' })]);
    }
  });
});
