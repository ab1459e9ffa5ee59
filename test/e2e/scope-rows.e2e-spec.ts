import request from 'supertest';
import { DataSource } from 'typeorm';
import { AccountsService } from '../../src/modules/accounts/accounts.service';
import { AgenciesService } from '../../src/modules/agencies/agencies.service';
import { login, PASSWORD, seedWorld, WORLD, type Actor, type World } from '../utils/fixtures';
import { act, setToday } from '../utils/requests';
import { bootTestApp, type TestApp } from '../utils/test-app';

/**
 * Scope on rows, not on status codes: every collection route and export answers each caller
 * with exactly the rows of the agencies within their reach. The expected rows are worked out
 * here, from the fixture's own tree and the role table of the access rules (README
 * "Authorization"): never through the production scope helpers.
 *
 *   HLJ ─┬─ DQ ─┬─ DQ-GA ── DQ-GA-JJ
 *        │      └─ DQ-JY
 *        └─ HEB ── HEB-GA
 */
const EXTRA_AGENCIES = [
  { code: 'DQ-GA-JJ', name: '大庆市公安局交通警察支队', kind: 'department', parentCode: 'DQ-GA' },
  { code: 'HEB', name: '哈尔滨市人民政府', kind: 'government', parentCode: 'HLJ' },
  { code: 'HEB-GA', name: '哈尔滨市公安局', kind: 'department', parentCode: 'HEB' },
] as const;
const PARENT: Record<string, string | null> = Object.fromEntries(
  [...WORLD.agencies, ...EXTRA_AGENCIES].map((a) => [a.code, a.parentCode]),
);
const ALL_CODES = Object.keys(PARENT);
const EXTRA_STAFF = {
  jjClerk: { email: 'clerk@jj.ga.dq.gov.cn', roles: [{ agencyCode: 'DQ-GA-JJ', role: 'clerk' }] },
  hebClerk: { email: 'clerk@ga.heb.gov.cn', roles: [{ agencyCode: 'HEB-GA', role: 'clerk' }] },
} as const;

type Area = 'cases' | 'agencies' | 'users' | 'audit';
/** The access rules: how far each role reaches, per area (absent: no access). */
const REACH: Record<string, Partial<Record<Area, 'agency' | 'subtree'>>> = {
  clerk: { cases: 'agency', agencies: 'agency' },
  supervisor: { cases: 'subtree', users: 'subtree', agencies: 'subtree' },
  reporting_officer: { cases: 'subtree', agencies: 'subtree' },
  admin: { agencies: 'subtree', users: 'subtree', audit: 'subtree' },
};
const isUnder = (code: string, top: string): boolean =>
  code === top || (PARENT[code] !== null && isUnder(PARENT[code], top));
const rolesOf = (who: string): ReadonlyArray<{ agencyCode: string; role: string }> =>
  who in WORLD.staff ? WORLD.staff[who as keyof typeof WORLD.staff].roles : [];
/** Agency codes `who` reaches in `area`, from the tree above. */
function reach(who: string, area: Area): string[] {
  const out = new Set<string>();
  for (const r of rolesOf(who)) {
    const how = REACH[r.role]?.[area];
    if (how === 'agency') out.add(r.agencyCode);
    if (how === 'subtree')
      ALL_CODES.filter((c) => isUnder(c, r.agencyCode)).forEach((c) => out.add(c));
  }
  return [...out].sort();
}
/** A caller whose roles reach a root agency (a province): sees entries about no agency too. */
const reachesRoot = (who: string, area: Area) =>
  rolesOf(who).some((r) => PARENT[r.agencyCode] === null && REACH[r.role]?.[area] === 'subtree');

const STAFF = Object.keys(WORLD.staff) as Array<keyof typeof WORLD.staff>;
const APPLICANTS = Object.keys(WORLD.applicants) as Array<keyof typeof WORLD.applicants>;
const sorted = (xs: Iterable<string>) => [...xs].sort();

describe('scope on rows: each caller gets exactly the rows within reach', () => {
  let t: TestApp;
  let w: World;
  /** Every case made here: id, agency code, applicant, reference number. */
  const cases: Array<{ id: string; code: string; by: Actor; ref: string }> = [];
  /** The cases answered (concluded), one at DQ-GA and one at DQ-JY. */
  const answered: string[] = [];
  const db = () => t.app.get(DataSource);
  const get = (who: Actor, path: string) =>
    request(t.app.getHttpServer()).get(path).set('authorization', `Bearer ${w.tokens[who]}`);

  beforeAll(async () => {
    t = await bootTestApp({
      CLOCK: 'fixed',
      CLOCK_FIXED_AT: '2026-03-02T10:00:00+08:00',
      ACCESS_TOKEN_TTL_SECONDS: '31536000',
      RATE_LIMIT_PER_MINUTE: '100000',
    });
    w = await seedWorld(t.app);
    for (const a of EXTRA_AGENCIES) await t.app.get(AgenciesService).create(null, { ...a });
    for (const [key, s] of Object.entries(EXTRA_STAFF)) {
      await t.app.get(AccountsService).createStaff(null, {
        email: s.email,
        displayName: key,
        roles: [...s.roles],
        password: PASSWORD,
      });
    }
    // Two applications at every agency (one per applicant), filed online.
    for (const code of ALL_CODES) {
      await request(t.app.getHttpServer())
        .patch(`/api/v1/agencies/${code}`)
        .set('authorization', `Bearer ${w.tokens.rootAdmin}`)
        .send({ channels: ['online'] })
        .expect(200);
      for (const by of APPLICANTS) {
        const res = await request(t.app.getHttpServer())
          .post('/api/v1/requests')
          .set('authorization', `Bearer ${w.tokens[by]}`)
          .send({
            agencyCode: code,
            title: `${code}的统计数据`,
            description: '申请公开统计数据。',
            form: 'electronic',
            deliveryRoute: 'portal',
          })
          .expect(201);
        cases.push({ id: res.body.id, code, by, ref: res.body.referenceNo });
      }
    }
    // One reply each at DQ-GA and DQ-JY (for the statistics), then the rest fall overdue.
    const answer = async (who: Actor, code: string) => {
      const c = cases.find((x) => x.code === code && x.by === 'otherApplicant')!;
      await act(t.app, w.tokens[who], c.id, 'reply', {
        replyType: 'NOT_EXIST',
        text: '经检索未找到',
      }).expect(200);
      await act(t.app, w.tokens[who], c.id, 'record-service', {
        method: 'portal',
        servedOn: '2026-03-02',
      }).expect(200);
      return c.id;
    };
    answered.push(await answer('clerk', 'DQ-GA'), await answer('otherClerk', 'DQ-JY'));
    // A sign-in at HEB-GA and DQ-GA-JJ puts audit entries about those agencies in the log.
    await login(t.app, EXTRA_STAFF.hebClerk.email);
    await login(t.app, EXTRA_STAFF.jjClerk.email);
    setToday(t.app, '2026-05-06');
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  const casesOf = (who: Actor) => {
    const codes = reach(who, 'cases');
    return cases.filter((c) => codes.includes(c.code));
  };

  it.each([...STAFF, ...APPLICANTS])('the case list of %s', async (who) => {
    const res = await get(who, '/api/v1/requests?pageSize=200').expect(200);
    const want = who in WORLD.applicants ? cases.filter((c) => c.by === who) : casesOf(who);
    expect(sorted(res.body.items.map((i: { id: string }) => i.id))).toEqual(
      sorted(want.map((c) => c.id)),
    );
    expect(res.body.total).toBe(want.length);
  });

  it.each(STAFF)('the CSV export of %s', async (who) => {
    const res = await get(who, '/api/v1/requests/export.csv');
    if (reach(who, 'cases').length === 0) {
      expect(res.status).toBe(403);
      return;
    }
    expect(res.status).toBe(200);
    const refs = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((line) => line.split(',')[0].replace(/"/g, ''));
    expect(sorted(refs)).toEqual(sorted(casesOf(who).map((c) => c.ref)));
  });

  it.each(STAFF)('the supervision watchlist and statistics of %s', async (who) => {
    const watch = await get(who, '/api/v1/supervision/overdue');
    const stats = await get(who, '/api/v1/supervision/stats?year=2026');
    if (reach(who, 'cases').length === 0) {
      expect([watch.status, stats.status]).toEqual([403, 403]);
      return;
    }
    const overdue = casesOf(who).filter((c) => !answered.includes(c.id));
    expect(sorted(watch.body.overdue.map((i: { id: string }) => i.id))).toEqual(
      sorted(overdue.map((c) => c.id)),
    );
    expect(watch.body.atRisk).toEqual([]);
    const replied = casesOf(who).filter((c) => answered.includes(c.id));
    expect(sorted(new Set(stats.body.map((s: { agencyCode: string }) => s.agencyCode)))).toEqual(
      sorted(new Set(replied.map((c) => c.code))),
    );
  });

  it.each(STAFF)('the agency list of %s', async (who) => {
    const res = await get(who, '/api/v1/agencies').expect(200);
    expect(sorted(res.body.map((a: { code: string }) => a.code))).toEqual(reach(who, 'agencies'));
  });

  it.each([...STAFF, ...APPLICANTS])('the staff directory of %s', async (who) => {
    const res = await get(who, '/api/v1/users');
    const codes = reach(who, 'users');
    if (codes.length === 0) {
      expect(res.status).toBe(403);
      return;
    }
    const staff = { ...WORLD.staff, ...EXTRA_STAFF };
    const want = Object.values(staff)
      .filter((s) => s.roles.some((r) => codes.includes(r.agencyCode)))
      .map((s) => s.email);
    expect(sorted(res.body.map((u: { email: string }) => u.email))).toEqual(sorted(want));
  });

  it.each(STAFF)('the audit log of %s', async (who) => {
    const res = await get(who, '/api/v1/audit?limit=1000');
    const codes = reach(who, 'audit');
    if (codes.length === 0) {
      expect(res.status).toBe(403);
      return;
    }
    const all = await db().query<Array<{ id: string; code: string | null }>>(
      `SELECT l.id::text AS id, a.code FROM audit_log l LEFT JOIN agency a ON a.id = l.agency_id`,
    );
    const want = all.filter((e) =>
      e.code === null ? reachesRoot(who, 'audit') : codes.includes(e.code),
    );
    expect(want.length).toBeGreaterThan(0);
    expect(sorted(res.body.map((e: { id: string | number }) => String(e.id)))).toEqual(
      sorted(want.map((e) => e.id)),
    );
  });
});
