/**
 * `npm run bench`: performance figures printed as ratios against a baseline measured in the
 * same run (never asserted in tests).
 *  1. `deadline --jsonl` with 1,000 lines vs. the bare start of a Node process (the floor).
 *  2. addWorkingDays over 100,000 random inputs vs. walking the days one by one with isWorkingDay.
 *  B6. The annual report at scale (test/bench/annual-report.bench.ts).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { addDays } from '../../src/modules/calendar/domain/local-date';
import { nationalCalendar } from '../../src/modules/calendar/domain/national-calendar';
import { annualReportBench } from './annual-report.bench';

const ROOT = join(__dirname, '../../..');
const CLI = join(ROOT, 'dist/src/cli.js');

function time(fn: () => void, runs = 5): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return samples.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

function jsonlBatch(): void {
  const lines: string[] = [];
  for (let i = 0; i < 1000; i++) {
    const received = addDays('2024-01-02', i % 900);
    lines.push(
      JSON.stringify(
        i % 3 === 0
          ? { received, pauses: [[addDays(received, 3), addDays(received, 10)]], extension: 10 }
          : { received },
      ),
    );
  }
  const input = lines.join('\n') + '\n';
  const floor = time(() => execFileSync(process.execPath, ['-e', '']));
  const batch = time(() => {
    const r = spawnSync(process.execPath, [CLI, 'deadline', '--jsonl'], { input });
    if (r.status !== 0 || r.stdout.toString().trim().split('\n').length !== 1000)
      throw new Error(`jsonl run failed: ${r.stderr.toString()}`);
  });
  console.log(
    `deadline --jsonl, 1,000 lines: ${batch.toFixed(0)} ms (node start alone: ${floor.toFixed(0)} ms; ratio ${(batch / floor).toFixed(1)}x)`,
  );
}

function addWorkingDaysThroughput(): void {
  const cal = nationalCalendar();
  const inputs = Array.from({ length: 100_000 }, (_, i) => addDays('2013-01-01', (i * 37) % 4700));
  const naive = (anchor: string, n: number) => {
    let d = anchor;
    for (let k = 0; k < n;) {
      d = addDays(d, 1);
      if (cal.isWorkingDay(d)) k++;
    }
    return d;
  };
  let check = 0;
  const engine = time(
    () => inputs.forEach((a) => (check += cal.addWorkingDays(a, 20).due ? 1 : 0)),
    3,
  );
  const baseline = time(() => inputs.forEach((a) => (check += naive(a, 20) ? 1 : 0)), 3);
  console.log(
    `addWorkingDays(·, 20) x 100,000: ${engine.toFixed(0)} ms; day-by-day walk: ${baseline.toFixed(0)} ms; ratio ${(engine / baseline).toFixed(2)}x (${check} results)`,
  );
}

execFileSync(join(ROOT, 'node_modules/.bin/tsc'), ['-b', 'tsconfig.build.json'], {
  cwd: ROOT,
  stdio: 'inherit',
});
jsonlBatch();
addWorkingDaysThroughput();
void annualReportBench().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
