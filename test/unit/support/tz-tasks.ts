import type { LocalDate } from '../../../src/modules/calendar/domain/local-date';
import { shanghaiDateOf } from '../../../src/modules/calendar/domain/local-date';
import { createWorkingCalendar } from '../../../src/modules/calendar/domain/national-calendar';
import type { PauseInput } from '../../../src/modules/calendar/domain/pauses';
import { computeClock, type ClockInput } from '../../../src/modules/deadlines/domain/clock';
import {
  remedyWindows,
  type RemedyInput,
} from '../../../src/modules/deadlines/domain/remedy-windows';
import { traceClock } from '../../../src/modules/deadlines/domain/trace';
import { renderTrace } from '../../../src/modules/deadlines/domain/trace-text';

/** One call of the domain API, serialisable so a child process can run it too. */
export type Task =
  | { fn: 'addWorkingDays'; args: [LocalDate, number, PauseInput[]] }
  | { fn: 'addCalendarDays'; args: [LocalDate, number] }
  | { fn: 'addMonths'; args: [LocalDate, number] }
  | { fn: 'isWorkingDay'; args: [LocalDate] }
  | { fn: 'computeClock'; args: [ClockInput] }
  | { fn: 'remedyWindows'; args: [RemedyInput] }
  | { fn: 'traceText'; args: [ClockInput] }
  | { fn: 'shanghaiDateOf'; args: [string] }
  | { fn: 'workingFingerprint'; args: [LocalDate, LocalDate] };

/** Runs tasks in this process (the reference result). */
export function runTasks(tasks: readonly Task[]): unknown[] {
  const cal = createWorkingCalendar();
  return tasks.map((t): unknown => {
    switch (t.fn) {
      case 'addWorkingDays':
        return cal.addWorkingDays(...t.args);
      case 'addCalendarDays':
        return cal.addCalendarDays(...t.args);
      case 'addMonths':
        return cal.addMonths(...t.args);
      case 'isWorkingDay':
        return cal.isWorkingDay(...t.args);
      case 'computeClock':
        return computeClock(cal, t.args[0]);
      case 'remedyWindows':
        return remedyWindows(cal, t.args[0]);
      case 'traceText':
        return renderTrace(traceClock(cal, t.args[0]).trace);
      case 'shanghaiDateOf':
        return shanghaiDateOf(new Date(t.args[0]));
      case 'workingFingerprint':
        return cal
          .days(...t.args)
          .map((d) => (d.working ? '1' : '0'))
          .join('');
    }
  });
}

/** The same dispatcher as plain CommonJS for a child process; argv[2] is the compiled output dir. */
export const CHILD_RUNNER = `
const out = process.argv[2];
const req = (p) => require(out + '/src/modules/' + p);
const { createWorkingCalendar } = req('calendar/domain/national-calendar.js');
const { shanghaiDateOf } = req('calendar/domain/local-date.js');
const { computeClock } = req('deadlines/domain/clock.js');
const { remedyWindows } = req('deadlines/domain/remedy-windows.js');
const { traceClock } = req('deadlines/domain/trace.js');
const { renderTrace } = req('deadlines/domain/trace-text.js');
const cal = createWorkingCalendar();
const api = {
  addWorkingDays: (...a) => cal.addWorkingDays(...a),
  addCalendarDays: (...a) => cal.addCalendarDays(...a),
  addMonths: (...a) => cal.addMonths(...a),
  isWorkingDay: (...a) => cal.isWorkingDay(...a),
  computeClock: (i) => computeClock(cal, i),
  remedyWindows: (i) => remedyWindows(cal, i),
  traceText: (i) => renderTrace(traceClock(cal, i).trace),
  shanghaiDateOf: (iso) => shanghaiDateOf(new Date(iso)),
  workingFingerprint: (a, b) => cal.days(a, b).map((d) => (d.working ? '1' : '0')).join(''),
};
const tasks = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const offset = new Date(Date.UTC(2024, 0, 15, 12)).getTimezoneOffset();
process.stdout.write(JSON.stringify({ offset, results: tasks.map((t) => api[t.fn](...t.args)) }));
`;
