/** B-dl: `deadline --jsonl` with 10,000 lines against the bare start of a Node process. */
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { addDays } from '../../src/modules/calendar/domain/local-date';
import { parseJsonLine } from '../../src/cli/commands/deadline-io';
import { nationalCalendar } from '../../src/modules/calendar/domain/national-calendar';
import { computeDeadline } from '../../src/modules/deadlines/domain/deadline-query';
import { check, emit, paired } from './measure';

const LINES = 10_000;

export async function benchDeadlineCli(root: string): Promise<void> {
  const cli = join(root, 'dist/src/cli.js');
  const lines: string[] = [];
  for (let i = 0; i < LINES; i++) {
    const received = addDays('2024-01-02', i % 900);
    lines.push(
      JSON.stringify(
        i % 3 === 0
          ? { received, pauses: [[addDays(received, 3), addDays(received, 10)]], extension: 10 }
          : { received },
      ),
    );
  }
  const input = `${lines.join('\n')}\n`;
  const once = () => {
    const r = spawnSync(process.execPath, [cli, 'deadline', '--jsonl'], {
      input,
      maxBuffer: 64 << 20,
    });
    check(r.status === 0, `deadline --jsonl exit ${r.status}: ${r.stderr.toString()}`);
    return r.stdout.toString();
  };
  const out = once().trim().split('\n');
  check(out.length === LINES, `${out.length} result lines for ${LINES}`);
  const cal = nationalCalendar();
  for (const i of [0, 1, 2, 3, 4, 4_999, LINES - 1]) {
    const want = JSON.stringify(computeDeadline(cal, parseJsonLine(lines[i]), false));
    check(out[i] === want, `line ${i + 1}: ${out[i]} != ${want}`);
  }
  const m = await paired(once, () => execFileSync(process.execPath, ['-e', '']), 7);
  emit('B-dl', m.measured, m.baseline, '<= 2', {
    unit: 'ms (10,000 lines vs node -e "")',
    ratio: m.ratio,
    note: 'median of 7 alternating pairs',
  });
}
