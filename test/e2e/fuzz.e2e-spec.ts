import fc from 'fast-check';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Clock, type FixedClock } from '../../src/infra/clock/clock';
import { CALLERS, MATRIX, type Call, type Ctx } from '../utils/authz-matrix';
import { login, seedWorld, WORLD, type Actor, type World } from '../utils/fixtures';
import {
  bodySchemaOf,
  operationOf,
  resolve,
  type OpenApiDoc,
  type Operation,
} from '../utils/fuzz/openapi';
import {
  BREAKER_NAMES,
  BREAKERS,
  fieldPaths,
  jsonText,
  pairsInTurn,
  PATH_BREAKERS,
  QUERY_BREAKERS,
  validLike,
  validObject,
  withField,
} from '../utils/fuzz/shapes';
import { changed, snapshot, tablesOf, type Snapshot } from '../utils/fuzz/snapshot';
import { VALID_CALLS, type ValidCall } from '../utils/fuzz/valid-calls';
import { listRoutes } from '../utils/routes';
import { bootTestApp, type TestApp } from '../utils/test-app';

/**
 * A property-based fuzz test over every route of the JSON API, generated from the OpenAPI
 * document: each route as a caller the authorization matrix allows (path ids of real fixture
 * rows) and anonymously, with valid shapes, each field broken in each way the user trial found,
 * and random bytes. Invariants: no response ≥ 500; a refused request changes no table (row
 * counts and newest row version), the audit log and sign-in counters excepted; and every
 * route's valid shape gets a 2xx at least once. Fixed seed; prints per route how far cases got.
 */
const TOTAL_CASES = 2_400;
const SEED = 20261201;

interface Case {
  kind: string;
  anonymous?: boolean;
  path?: string;
  query?: Record<string, string>;
  body?: unknown;
  raw?: Buffer;
}
interface Tally {
  route: string;
  cases: number;
  ok2xx: number;
  validation: number;
  handler: number;
  auth: number;
}

const VALIDATION_CODES = new Set([
  'validation-failed',
  'malformed-json',
  'json-too-deep',
  'payload-too-large',
  'unsupported-media-type',
  'method-not-allowed',
]);

function stage(status: number, body: { code?: string; errors?: Array<{ code: string }> }) {
  if (status < 300) return 'handler';
  if (status === 401 || status === 403 || status === 429) return 'auth';
  if (VALIDATION_CODES.has(body?.code ?? '')) return 'validation';
  if (body?.errors?.some((e) => e.code === 'field-not-uuid')) return 'validation';
  return 'handler';
}

const splitUrl = (url: string) => {
  const [path, qs] = url.split('?');
  return { path, query: Object.fromEntries(new URLSearchParams(qs ?? '')) };
};
const encodeQuery = (q: Record<string, string>) =>
  Object.entries(q)
    .map(([k, v]) => `${encodeURIComponent(k)}=${/%/.test(v) ? v : encodeURIComponent(v)}`)
    .join('&');

describe('fuzz: every route of the JSON API', () => {
  let t: TestApp;
  let w: World;
  let n = 0;
  let doc: OpenApiDoc;
  let tables: string[];

  beforeAll(async () => {
    t = await bootTestApp({
      ROLE: 'api',
      CLOCK: 'fixed',
      CLOCK_FIXED_AT: new Date().toISOString(),
      ACCESS_TOKEN_TTL_SECONDS: '31536000',
      RATE_LIMIT_PER_MINUTE: '1000000',
    });
    w = await seedWorld(t.app);
    await request(t.app.getHttpServer())
      .patch('/api/v1/agencies/DQ-GA')
      .set('authorization', `Bearer ${w.tokens.rootAdmin}`)
      .send({ channels: ['online'] })
      .expect(200);
    doc = (await request(t.app.getHttpServer()).get('/api/docs-json').expect(200))
      .body as OpenApiDoc;
    tables = await tablesOf(t.app.get(DataSource));
  }, 60_000);
  afterAll(() => t.close());

  const email = (a: Actor) =>
    a in WORLD.staff
      ? WORLD.staff[a as keyof typeof WORLD.staff].email
      : WORLD.applicants[a as keyof typeof WORLD.applicants].email;

  /** A known-good request of the route: the matrix's call as a caller expecting 2xx. */
  async function goodCall(ctx: Ctx, key: string): Promise<ValidCall | null> {
    const special = VALID_CALLS[key];
    if (special) return special(ctx);
    const row = MATRIX[key];
    const caller = CALLERS.find((c) => {
      const s = row.expect[c] ?? row.expect.default;
      return s >= 200 && s < 300;
    });
    if (!caller) return null;
    return { caller, call: await row.call(ctx, caller) };
  }

  /**
   * The cases of a route: the known-good request first, then anonymous, malformed JSON and an
   * unknown field, a few generated valid shapes and random byte strings, and the rest of the
   * budget taken in turn from the seeded shuffles of every (body field × breakage),
   * (query parameter × breakage) and (path id × breakage) pair.
   */
  function casesFor(good: Call, op: Operation, count: number, seed: number): Case[] {
    const schema = bodySchemaOf(doc, op);
    const url = splitUrl(good.path);
    const body = good.body as Record<string, unknown> | undefined;
    const querySchema: Record<string, unknown> = {};
    for (const p of op.parameters ?? [])
      if (p.in === 'query') querySchema[p.name] = resolve(doc, p.schema);
    const queryNames = [...new Set([...Object.keys(url.query), ...Object.keys(querySchema)])];
    const segments = url.path.split('/');
    const ids = segments.map((x, i) => (/^[0-9a-f-]{36}$/.test(x) ? i : -1)).filter((i) => i >= 0);
    const sample = <T>(arb: fc.Arbitrary<T>, numRuns: number, salt: number) =>
      numRuns > 0 ? fc.sample(arb, { numRuns, seed: seed * 7 + salt }) : [];
    const shuffled = <T>(xs: T[], salt: number): T[] =>
      xs.length ? sample(fc.shuffledSubarray(xs, { minLength: xs.length }), 1, salt)[0] : [];

    const fixed: Case[] = [
      { kind: 'valid' },
      { kind: 'anonymous', anonymous: true },
      { kind: 'query:unknown', query: { ...url.query, zzUnknown: '1' } },
    ];
    if (body) {
      fixed.push(
        { kind: 'body:unknown-field', body: { ...body, zzUnknown: 1 } },
        { kind: 'malformed-json', raw: Buffer.from('{"a": 1,, }') },
        ...sample(validObject(body, schema), 3, 1).map((b) => ({ kind: 'valid-shape', body: b })),
        ...sample(fc.uint8Array({ minLength: 1, maxLength: 300 }), 2, 2).map((bytes) => ({
          kind: 'random-bytes',
          raw: Buffer.from(bytes),
        })),
      );
    }
    const queried = Object.keys(url.query);
    if (queried.length)
      fixed.push(
        ...sample(
          fc.record(
            Object.fromEntries(
              queried.map((k) => [k, validLike(url.query[k], querySchema[k] as never)]),
            ),
          ),
          3,
          3,
        ).map((q) => ({
          kind: 'query:valid-shape',
          query: Object.fromEntries(Object.entries(q).map(([k, v]) => [k, String(v)])),
        })),
      );
    const fields = body ? fieldPaths(body) : [];
    const groups: Case[][] = [
      pairsInTurn(shuffled(fields, 4), shuffled(BREAKER_NAMES, 5)).map(([f, b]) => ({
        kind: `body:${b}`,
        body: withField(body, f, BREAKERS[b]),
      })),
      pairsInTurn(shuffled(queryNames, 6), shuffled(QUERY_BREAKERS, 7)).map(([q, v]) => ({
        kind: `query:${q}`,
        query: { ...url.query, [q]: v },
      })),
      pairsInTurn(ids, shuffled(PATH_BREAKERS, 8)).map(([i, v]) => {
        const segs = [...segments];
        segs[i] = v;
        return { kind: `path:${v.slice(0, 12)}`, path: segs.join('/') };
      }),
    ].filter((g) => g.length);
    const out = [...fixed];
    for (let i = 0; out.length < count && groups.some((g) => g.length); i++) {
      const g = groups[i % groups.length];
      const next = g.shift();
      if (next) out.push(next);
    }
    // Budget left: random query strings, and more valid shapes and random bytes for bodies.
    const filler: Array<fc.Arbitrary<Case>> = [
      fc
        .dictionary(fc.string({ maxLength: 12 }), fc.string({ maxLength: 40 }), { maxKeys: 3 })
        .map((q) => ({ kind: 'query:random', query: { ...url.query, ...q } })),
    ];
    if (body)
      filler.push(
        validObject(body, schema).map((b) => ({ kind: 'valid-shape', body: b })),
        fc.uint8Array({ minLength: 1, maxLength: 300 }).map((bytes) => ({
          kind: 'random-bytes',
          raw: Buffer.from(bytes),
        })),
      );
    out.push(...sample(fc.oneof(...filler), count - out.length, 9));
    return out;
  }

  /** The bearer token of a case (a fresh session for routes that end it), before the snapshot. */
  async function tokenFor(good: ValidCall, c: Case): Promise<string | null> {
    if (c.anonymous || good.caller === 'anonymous') return null;
    return good.call.freshSession ? login(t.app, email(good.caller)) : w.tokens[good.caller];
  }

  async function send(
    key: string,
    good: ValidCall,
    c: Case,
    token: string | null,
  ): Promise<{ status: number; body: { code?: string; errors?: Array<{ code: string }> } }> {
    const method = key.split(' ')[0].toLowerCase() as 'get' | 'post' | 'patch' | 'delete';
    const url = splitUrl(good.call.path);
    const query = c.query ?? url.query;
    const qs = encodeQuery(query);
    const full = `${c.path ?? url.path}${qs ? `?${qs}` : ''}`;
    let req = request(t.app.getHttpServer())
      [method](full)
      .set('x-forwarded-for', `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n++ & 255}`);
    if (token) req = req.set('authorization', `Bearer ${token}`);
    const res = good.call.upload
      ? await req
          .field('kind', c.kind.startsWith('body:') ? '\u0000' : 'reply_document')
          .attach('file', c.raw ?? Buffer.from('%PDF-1.4\n%%EOF\n'), { filename: 'reply.pdf' })
      : c.raw
        ? await req.set('content-type', 'application/json').send(c.raw.toString('latin1'))
        : (c.body ?? good.call.body) !== undefined
          ? await req
              .set('content-type', 'application/json')
              .send(jsonText(c.body ?? good.call.body))
          : await req;
    return { status: res.status, body: res.body as never };
  }

  it('answers every case below 500, changes nothing when it refuses, and succeeds on valid shapes', async () => {
    const routes = listRoutes(t.app)
      .map((r) => r.key)
      .filter((k) => k.split(' ')[1].startsWith('/api/'));
    const perRoute = Math.max(10, Math.floor(TOTAL_CASES / routes.length));
    const ctx: Ctx = { t, world: w, seq: () => ++n };
    const db = t.app.get(DataSource);
    const clock = t.app.get<Clock, FixedClock>(Clock);
    const tallies: Tally[] = [];
    const problems: string[] = [];
    for (const [r, key] of routes.entries()) {
      const [method, route] = key.split(' ');
      const op = operationOf(doc, method, route);
      if (!op) {
        problems.push(`${key}: not in the OpenAPI document`);
        continue;
      }
      // The matrix stamps some requests with the real time: the fixed clock follows it.
      clock.set(new Date(Date.now() + 1_000));
      const good = await goodCall(ctx, key);
      if (!good) {
        problems.push(`${key}: no known-good request`);
        continue;
      }
      if (good.call.body && !bodySchemaOf(doc, op)) problems.push(`${key}: body without a schema`);
      const tally: Tally = { route: key, cases: 0, ok2xx: 0, validation: 0, handler: 0, auth: 0 };
      const ignore = new Set([
        'audit_log',
        ...(route.startsWith('/api/v1/auth/') ? ['app_user'] : []),
      ]);
      good.during?.();
      for (const c of casesFor(good.call, op, perRoute, SEED + r)) {
        const token = await tokenFor(good, c);
        const before: Snapshot = await snapshot(db, tables);
        const res = await send(key, good, c, token);
        tally.cases++;
        tally[stage(res.status, res.body)]++;
        if (res.status < 300) tally.ok2xx++;
        if (res.status >= 500) problems.push(`${key} [${c.kind}]: ${res.status} ${res.body?.code}`);
        else if (res.status >= 400) {
          const dirty = changed(before, await snapshot(db, tables), ignore);
          if (dirty.length)
            problems.push(`${key} [${c.kind}]: ${res.status} but changed ${dirty.join(', ')}`);
        }
        if (c.kind === 'valid' && res.status >= 300)
          problems.push(`${key}: the known-good request got ${res.status} ${res.body?.code}`);
      }
      good.after?.();
      if (tally.ok2xx === 0) problems.push(`${key}: no valid shape got a 2xx`);
      tallies.push(tally);
    }
    const total = tallies.reduce((s, x) => s + x.cases, 0);
    process.stdout.write(
      [
        `fuzz: ${tallies.length} routes, ${total} requests, seed ${SEED}; per route: cases / 2xx / reached validation / reached the handler / refused by auth`,
        ...tallies.map(
          (x) =>
            `  ${x.route.padEnd(58)} ${String(x.cases).padStart(3)} ${String(x.ok2xx).padStart(3)} ${String(x.validation).padStart(3)} ${String(x.handler).padStart(3)} ${String(x.auth).padStart(3)}`,
        ),
        `fuzz: ${problems.filter((p) => / 5\d\d /.test(p)).length} responses >= 500, ${problems.length} problems`,
        '',
      ].join('\n'),
    );
    expect(problems).toEqual([]);
  }, 170_000);
});
