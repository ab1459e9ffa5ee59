import request from 'supertest';
import { seedWorld, type World } from '../utils/fixtures';
import { bootTestApp, type TestApp } from '../utils/test-app';

describe('Agencies API', () => {
  let t: TestApp;
  let world: World;
  const as = (token: string) => ({
    get: (p: string) =>
      request(t.app.getHttpServer()).get(p).set('authorization', `Bearer ${token}`),
    post: (p: string, body?: object) =>
      request(t.app.getHttpServer()).post(p).set('authorization', `Bearer ${token}`).send(body),
    patch: (p: string, body: object) =>
      request(t.app.getHttpServer()).patch(p).set('authorization', `Bearer ${token}`).send(body),
  });

  beforeAll(async () => {
    t = await bootTestApp();
    world = await seedWorld(t.app);
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates, renames, moves and deactivates an agency, keeping every change in its history', async () => {
    const admin = as(world.tokens.rootAdmin);
    const created = await admin
      .post('/api/v1/agencies', {
        code: 'DQ-ZJ',
        name: '大庆市住房和城乡建设局',
        kind: 'department',
        parentCode: 'DQ-GA',
        channels: ['online', 'email'],
        reconsiderationBody: '大庆市人民政府',
      })
      .expect(201);
    expect(created.body).toEqual(
      expect.objectContaining({
        code: 'DQ-ZJ',
        parentCode: 'DQ-GA',
        depth: 3,
        channels: ['online', 'email'],
        onlineConfirmation: 'automatic',
      }),
    );
    await admin
      .patch('/api/v1/agencies/DQ-ZJ', { name: '大庆市住建局', postcode: '163000' })
      .expect(200);
    const moved = await admin.post('/api/v1/agencies/DQ-ZJ/move', { parentCode: 'DQ' }).expect(200);
    expect(moved.body).toEqual(
      expect.objectContaining({ parentCode: 'DQ', depth: 2, name: '大庆市住建局' }),
    );
    await admin.post('/api/v1/agencies/DQ-ZJ/deactivate').expect(200);
    const history = await admin.get('/api/v1/agencies/DQ-ZJ/history').expect(200);
    expect(history.body.map((e: { action: string }) => e.action)).toEqual([
      'created',
      'updated',
      'moved',
      'deactivated',
    ]);
    expect(history.body[1]).toEqual(
      expect.objectContaining({
        before: { name: '大庆市住房和城乡建设局', postcode: null },
        after: { name: '大庆市住建局', postcode: '163000' },
        actorId: world.ids.rootAdmin,
      }),
    );
    const again = await admin
      .post('/api/v1/agencies', {
        code: 'DQ-ZJ',
        name: '另一个',
        kind: 'department',
        parentCode: 'DQ',
      })
      .expect(409);
    expect(again.body.detail).toContain('never reused');
  });

  it('moves a whole subtree and keeps scoped access working below the new parent', async () => {
    const admin = as(world.tokens.rootAdmin);
    await admin
      .post('/api/v1/agencies', {
        code: 'GA-A',
        name: '一处',
        kind: 'department',
        parentCode: 'DQ-GA',
      })
      .expect(201);
    await admin
      .post('/api/v1/agencies', {
        code: 'GA-A-1',
        name: '一科',
        kind: 'department',
        parentCode: 'GA-A',
      })
      .expect(201);
    await admin.post('/api/v1/agencies/GA-A/move', { parentCode: 'DQ-JY' }).expect(200);
    const child = await as(world.tokens.otherAdmin).get('/api/v1/agencies/GA-A-1').expect(200);
    expect(child.body.depth).toBe(4);
    await as(world.tokens.clerk).get('/api/v1/agencies/GA-A-1').expect(404);
  });

  it('refuses to move an agency under its own subtree, or to deactivate one with active children', async () => {
    const admin = as(world.tokens.rootAdmin);
    const loop = await admin.post('/api/v1/agencies/DQ/move', { parentCode: 'DQ-GA' }).expect(400);
    expect(loop.body.errors).toEqual([
      {
        field: 'parentCode',
        code: 'agency-cycle',
        message: expect.stringContaining('own subtree'),
      },
    ]);
    const busy = await admin.post('/api/v1/agencies/DQ/deactivate').expect(409);
    expect(busy.body.detail).toMatch(/active sub-agencies/);
  });

  it('answers bad input with field-level 400s', async () => {
    const res = await as(world.tokens.rootAdmin)
      .post('/api/v1/agencies', {
        code: 'bad code',
        name: '',
        kind: 'ministry',
        parentCode: 'DQ',
        channels: ['pigeon'],
        postcode: '12',
      })
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'channels',
      'code',
      'kind',
      'name',
      'postcode',
    ]);
  });

  it('shows clerks only their own agency and supervisors their subtree', async () => {
    const clerk = await as(world.tokens.clerk).get('/api/v1/agencies').expect(200);
    expect(clerk.body.map((a: { code: string }) => a.code)).toEqual(['DQ-GA']);
    const head = await as(world.tokens.parentSupervisor).get('/api/v1/agencies').expect(200);
    expect(head.body.map((a: { code: string }) => a.code)).toEqual(
      expect.arrayContaining(['DQ', 'DQ-GA', 'DQ-JY']),
    );
    expect(head.body.map((a: { code: string }) => a.code)).not.toContain('HLJ');
  });

  it('publishes active agencies with their channels in the public directory', async () => {
    const res = await request(t.app.getHttpServer()).get('/api/v1/directory').expect(200);
    const codes = res.body.map((a: { code: string }) => a.code);
    expect(codes).toEqual(expect.arrayContaining(['HLJ', 'DQ', 'DQ-GA']));
    expect(codes).not.toContain('DQ-ZJ');
  });
});
