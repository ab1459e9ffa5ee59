import { nationalCalendar } from '../../modules/calendar/domain/national-calendar';
import { computeDeadline } from '../../modules/deadlines/domain/deadline-query';
import { usageAt } from './cli-input';
import { parseJsonLine } from './deadline-io';

/**
 * `deadline --jsonl`: the result line of every input line, each computed before anything is
 * written, so a bad line fails the whole batch (a UsageError "line N: …"). Blank lines are
 * skipped. The lines are walked in place (no array of lines) and each result is serialised at
 * once (no array of results): less garbage for the collector on a large batch. The computation
 * is pure, so a line seen before in the batch (the same date of receipt, pauses and extension:
 * common when a batch holds many applications of the same days) reuses its result line.
 */
export function deadlineJsonl(input: string, trace: boolean): string {
  const cal = nationalCalendar();
  const seen = new Map<string, string>();
  let out = '';
  let n = 0;
  for (let start = 0; start < input.length;) {
    let end = input.indexOf('\n', start);
    if (end < 0) end = input.length;
    const line = input.slice(start, end);
    start = end + 1;
    n++;
    if (line.trim() === '') continue;
    let result = seen.get(line);
    if (result === undefined) {
      try {
        result = `${JSON.stringify(computeDeadline(cal, parseJsonLine(line), trace))}\n`;
      } catch (err) {
        throw usageAt(err, `line ${n}: `);
      }
      seen.set(line, result);
    }
    out += result;
  }
  return out;
}
