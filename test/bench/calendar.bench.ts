/**
 * B-cal: the public `addWorkingDays` (string in, string out) against a bare Int32Array lookup
 * written here (the floor: parse, one index, format) — same inputs, same answers checked first.
 */
import { addDays, fromEpochDay, toEpochDay } from '../../src/modules/calendar/domain/local-date';
import { nationalCalendar } from '../../src/modules/calendar/domain/national-calendar';
import { check, emit, paired } from './measure';

const N = 20;
const FIRST = '2008-01-01';
const LAST = '2026-11-30';

export async function benchCalendar(): Promise<void> {
  const cal = nationalCalendar();
  const lo = toEpochDay(FIRST);
  const span = toEpochDay(LAST) - lo + 1;
  // The floor: due date of "N working days after" for every anchor, looked up by epoch day.
  const table = new Int32Array(span);
  for (let i = 0; i < span; i++)
    table[i] = toEpochDay(cal.addWorkingDays(fromEpochDay(lo + i), N).due!);
  const names = Array.from({ length: span + 60 }, (_, i) => fromEpochDay(lo + i));
  // days_from_civil on the digits, the same arithmetic any date library does.
  const digits = (s: string, i: number, n: number) => {
    let v = 0;
    for (let k = i; k < i + n; k++) v = v * 10 + s.charCodeAt(k) - 48;
    return v;
  };
  const parse = (s: string) => {
    const m = digits(s, 5, 2);
    const y = digits(s, 0, 4) - (m <= 2 ? 1 : 0);
    const era = Math.floor(y / 400);
    const yoe = y - era * 400;
    const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + digits(s, 8, 2) - 1;
    return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
  };
  const lookup = (s: string) => names[table[parse(s) - lo] - lo];

  const inputs = Array.from({ length: 200_000 }, (_, i) => addDays(FIRST, (i * 37) % span));
  for (const a of inputs.slice(0, 5_000))
    check(cal.addWorkingDays(a, N).due === lookup(a), `addWorkingDays(${a}, ${N})`);
  let sink = 0;
  const run = (f: (s: string) => string | null) => () => {
    for (const a of inputs) sink += f(a)!.length;
  };
  const m = await paired(
    run((a) => cal.addWorkingDays(a, N).due),
    run(lookup),
    9,
  );
  emit('B-cal', (m.measured * 1e6) / inputs.length, (m.baseline * 1e6) / inputs.length, '<= 3', {
    unit: 'ns per addWorkingDays(date, 20)',
    ratio: m.ratio,
    note: `checksum ${sink}; median of 9 alternating pairs`,
  });
}
