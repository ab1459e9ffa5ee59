/** One line of `npm run bench`: a figure, its baseline measured in the same run, and the target. */
export interface Measure {
  readonly id: string;
  readonly measured: number;
  readonly baseline: number;
  /** measured / baseline for costs (time, bytes); baseline / measured for throughputs. */
  readonly ratio: number;
  /** e.g. '<= 3' (a cost ratio) or '>= 0.5' (a throughput ratio). */
  readonly target: string;
  readonly pass: boolean;
  readonly unit?: string;
  readonly note?: string;
}

/** Prints one JSON line; `ratio` compared with `target` ('<= x' or '>= x'). */
export function emit(
  id: string,
  measured: number,
  baseline: number,
  target: string,
  extra: { unit?: string; note?: string; ratio?: number; requires?: boolean } = {},
): Measure {
  const ratio = round(extra.ratio ?? measured / baseline);
  const [op, bound] = target.split(' ');
  const pass =
    (op === '<=' ? ratio <= Number(bound) : ratio >= Number(bound)) && (extra.requires ?? true);
  const m: Measure = {
    id,
    measured: round(measured),
    baseline: round(baseline),
    ratio,
    target,
    pass,
    ...(extra.unit ? { unit: extra.unit } : {}),
    ...(extra.note ? { note: extra.note } : {}),
  };
  process.stdout.write(`${JSON.stringify(m)}\n`);
  return m;
}

export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Median wall time in ms of `runs` runs of `fn`. */
export async function medianMs(fn: () => unknown, runs = 5): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return samples.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

/** Fails the bench before any figure is printed for it: correctness comes first. */
export function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`correctness check failed: ${what}`);
}

/**
 * Runs `measured` and `baseline` alternately `runs` times (so that a busy machine slows both
 * alike) and returns the median of each and the median of the per-pair ratios.
 */
export async function paired(
  measured: () => unknown,
  baseline: () => unknown,
  runs = 7,
): Promise<{ measured: number; baseline: number; ratio: number }> {
  const a: number[] = [];
  const b: number[] = [];
  const r: number[] = [];
  for (let i = 0; i < runs; i++) {
    const x = await medianMs(measured, 1);
    const y = await medianMs(baseline, 1);
    a.push(x);
    b.push(y);
    r.push(x / y);
  }
  const mid = (v: number[]) => [...v].sort((p, q) => p - q)[Math.floor(v.length / 2)];
  return { measured: mid(a), baseline: mid(b), ratio: mid(r) };
}
