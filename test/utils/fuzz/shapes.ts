import fc from 'fast-check';
import type { Schema } from './openapi';

/**
 * Inputs for the fuzz test: valid shapes generated from a field's schema and its value in a
 * known-good request, and each way the user trial broke a field.
 */
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CODE = /^[A-Z0-9]{1,12}(-[A-Z0-9]{1,12})*$/;
const TEXT_CHARS = [
  ...'的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞abcdefghijklmnopqrstuvwxyz0123456789 ，。',
];

const text = (min: number, max: number) =>
  fc.array(fc.constantFrom(...TEXT_CHARS), { minLength: min, maxLength: max }).map((cs) => {
    const s = cs.join('').trim();
    return s.length >= min ? s : s + '申'.repeat(min - s.length);
  });
const date = fc
  .date({
    min: new Date('2020-01-01T00:00:00Z'),
    max: new Date('2030-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

/** A value of the same shape as `good` that the schema allows. */
export function validLike(good: unknown, schema: Schema | undefined): fc.Arbitrary<unknown> {
  if (schema?.enum?.length) return fc.constantFrom(...schema.enum);
  if (typeof good === 'boolean') return fc.boolean();
  if (typeof good === 'number')
    return fc.integer({ min: schema?.minimum ?? 0, max: Math.min(schema?.maximum ?? 1000, 1000) });
  if (typeof good === 'string') {
    if (UUID.test(good)) return fc.oneof(fc.constant(good), fc.uuid());
    if (DATE.test(good)) return fc.oneof(fc.constant(good), date);
    if (INSTANT.test(good))
      return fc.oneof(
        fc.constant(good),
        date.map((d) => `${d}T10:00:00+08:00`),
      );
    if (good.includes('@')) return fc.oneof(fc.constant(good), fc.emailAddress());
    if (CODE.test(good)) return fc.constantFrom(good, 'DQ-GA', 'DQ', 'HLJ', 'DQ-JY');
    if (/^\d+$/.test(good)) return fc.constant(good);
    return fc.oneof(fc.constant(good), text(Math.min(good.length, 5), good.length + 20));
  }
  if (Array.isArray(good)) return fc.constant(good);
  if (good && typeof good === 'object') return validObject(good as Record<string, unknown>, schema);
  return fc.constant(good);
}

export function validObject(
  good: Record<string, unknown>,
  schema: Schema | undefined,
): fc.Arbitrary<Record<string, unknown>> {
  const parts: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, v] of Object.entries(good)) parts[k] = validLike(v, schema?.properties?.[k]);
  return fc.record(parts);
}

export const DEEP = '__deeply_nested__';
/** The raw JSON of a body, with DEEP replaced by 100,000 nested arrays. */
export const jsonText = (body: unknown) =>
  JSON.stringify(body).replace(`"${DEEP}"`, '['.repeat(100_000) + ']'.repeat(100_000));

/** How a field is broken. */
export const BREAKERS = {
  missing: () => undefined,
  null: () => null,
  nul: (v) => `${str(v)}\u0000`,
  control: (v) => `\u0007${str(v)}`,
  bidi: (v) => `\u202E${str(v)}`,
  blank: () => '   ',
  'huge-text': () => 'x'.repeat(100_001),
  'over-body-limit': () => 'x'.repeat(300_000),
  'impossible-date': () => '2026-02-30',
  'not-uuid': () => '12345',
  'huge-number': () => 1e20,
  negative: () => -1,
  fraction: () => 1.5,
  'wrong-type': (v) => (typeof v === 'string' ? 12345 : typeof v === 'object' ? 'x' : 'abc'),
  object: () => ({ $gt: '' }),
  array: (v) => [v, v],
  /** 100,000 nested arrays (spliced into the raw JSON text: too deep to build as a value). */
  deep: () => DEEP,
} satisfies Record<string, (good: unknown) => unknown>;
export type Breaker = keyof typeof BREAKERS;
export const BREAKER_NAMES = Object.keys(BREAKERS) as Breaker[];
const str = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v ?? ''));

/** Query-string spellings of the same breakages (`%00` arrives as NUL). */
export const QUERY_BREAKERS = [
  '%00',
  '%E2%80%AE',
  '%20%20%20',
  '2026-02-30',
  '12345',
  '1e20',
  '-5',
  '1.5',
  'x'.repeat(5000),
  'true',
  '%ZZ',
  '',
];
/** Path-segment breakages: not an id, an unknown id, bad percent-encoding, NUL, too long. */
export const PATH_BREAKERS = [
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  '%ZZ',
  '%00',
  'x'.repeat(600),
  '..%2F..%2Fetc',
];

/** Every field of a nested body by dotted path (arrays' items by index). */
export function fieldPaths(v: unknown, prefix = ''): string[] {
  if (!v || typeof v !== 'object') return prefix ? [prefix] : [];
  const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v);
  const own = prefix ? [prefix] : [];
  return [...own, ...entries.flatMap(([k, x]) => fieldPaths(x, prefix ? `${prefix}.${k}` : k))];
}

/** A copy of `body` with the value at `path` replaced (undefined: removed). */
export function withField(body: unknown, path: string, make: (good: unknown) => unknown): unknown {
  const copy = structuredClone(body) as Record<string, unknown>;
  const keys = path.split('.');
  let at: Record<string, unknown> = copy;
  for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
  const last = keys[keys.length - 1];
  const next = make(at[last]);
  if (next === undefined) delete at[last];
  else at[last] = next;
  return copy;
}

/**
 * Every (target × breakage) pair, ordered so that each breakage comes once before any comes
 * twice, each time on the next target: a small budget still tries every way of breaking.
 */
export function pairsInTurn<T, B>(targets: readonly T[], breakages: readonly B[]): Array<[T, B]> {
  const out: Array<[T, B]> = [];
  for (let round = 0; round < targets.length; round++)
    breakages.forEach((b, j) => out.push([targets[(j + round) % targets.length], b]));
  return out;
}
