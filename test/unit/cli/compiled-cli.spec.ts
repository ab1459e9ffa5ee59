import fc from 'fast-check';
import { WorkingCalendar } from '../../../src/modules/calendar/domain/working-calendar';
import { anchorWithPauses } from '../support/arbitraries';
import { compileBuild, type CompiledBuild } from '../support/compiled-build';
import {
  CALENDAR_DAY_VECTORS,
  MONTH_VECTOR,
  WORKING_DAY_STATUS,
  WORKING_DAY_VECTORS,
} from '../support/domain-vectors';
import { CHILD_RUNNER, runTasks, type Task } from '../support/tz-tasks';

/** Offsets (Date#getTimezoneOffset, minutes) on 2024-01-15 prove each child really ran in its zone. */
const ZONES: ReadonlyArray<readonly [string, number]> = [
  ['UTC', 0],
  ['Asia/Shanghai', -480],
  ['America/New_York', 300],
];

const WORKED_EXAMPLE_CLOCKS: Task[] = [
  { fn: 'computeClock', args: [{ received: '2024-09-13', extension: 20 }] },
  {
    fn: 'computeClock',
    args: [
      {
        received: '2025-01-26',
        correctionRequested: '2025-02-10',
        correctionReceived: '2025-02-20',
      },
    ],
  },
  { fn: 'computeClock', args: [{ received: '2025-04-30', extension: 20 }] },
  { fn: 'computeClock', args: [{ received: '2026-02-13' }] },
  {
    fn: 'computeClock',
    args: [
      {
        received: '2026-09-14',
        consultations: [
          { sentOn: '2026-09-18', partyReceivedOn: '2026-09-21', answeredOn: '2026-10-12' },
        ],
      },
    ],
  },
  {
    fn: 'computeClock',
    args: [
      {
        received: '2024-04-26',
        feeNotice: { sentOn: '2024-05-09', receivedOn: '2024-05-10', paidOn: '2024-05-20' },
      },
    ],
  },
  { fn: 'computeClock', args: [{ received: '2019-04-26', extension: 15 }] },
  { fn: 'computeClock', args: [{ received: '2022-09-30' }] },
  { fn: 'computeClock', args: [{ received: '2026-12-10', pauses: [['2027-01-05', null]] }] },
  {
    fn: 'remedyWindows',
    args: [{ deliveredOn: '2025-08-02', repliedOn: '2025-08-02', nonDisclosure: true }],
  },
  {
    fn: 'remedyWindows',
    args: [{ deliveredOn: '2025-08-31', repliedOn: '2025-08-31', nonDisclosure: false }],
  },
  { fn: 'traceText', args: [{ received: '2024-09-13' }] },
  {
    fn: 'traceText',
    args: [
      {
        received: '2024-04-26',
        feeNotice: { sentOn: '2024-05-09', receivedOn: '2024-05-10', paidOn: '2024-05-20' },
      },
    ],
  },
];

function allTasks(): Task[] {
  const random = fc.sample(fc.tuple(anchorWithPauses, fc.integer({ min: 1, max: 45 })), {
    numRuns: 300,
    seed: 20240913,
  });
  return [
    ...WORKING_DAY_VECTORS.map((v): Task => ({
      fn: 'addWorkingDays',
      args: [v.anchor, v.n, v.pause ? [[...v.pause]] : []],
    })),
    ...CALENDAR_DAY_VECTORS.map((v): Task => ({ fn: 'addCalendarDays', args: [v.anchor, v.n] })),
    { fn: 'addMonths', args: [MONTH_VECTOR.anchor, MONTH_VECTOR.months] },
    ...WORKING_DAY_STATUS.map(([d]): Task => ({ fn: 'isWorkingDay', args: [d] })),
    ...WORKED_EXAMPLE_CLOCKS,
    { fn: 'shanghaiDateOf', args: ['2026-02-23T16:00:00Z'] },
    { fn: 'shanghaiDateOf', args: ['2026-02-23T15:59:59Z'] },
    { fn: 'workingFingerprint', args: ['2007-12-01', '2027-12-31'] },
    ...random.map(([[anchor, pauses], n]): Task => ({
      fn: 'addWorkingDays',
      args: [anchor, n, pauses.map((p) => [...p])],
    })),
  ];
}

let build: CompiledBuild;

beforeAll(() => {
  build = compileBuild();
});
afterAll(() => build?.remove());

describe(`${WorkingCalendar.name} under different process time zones`, () => {
  const tasks = allTasks();
  const reference = runTasks(tasks);

  it('reproduces the §7.1 vectors in this process when computed as the reference', () => {
    const dues = reference
      .slice(0, WORKING_DAY_VECTORS.length)
      .map((r) => (r as { due: string }).due);
    expect(dues).toEqual(WORKING_DAY_VECTORS.map((v) => v.expected));
  });

  it.each(ZONES)(
    'gives identical results for every vector, worked example and random case when TZ=%s',
    (tz, offset) => {
      const child = build.runScript(CHILD_RUNNER, { tz, input: JSON.stringify(tasks) });
      expect(child.stderr).toBe('');
      const parsed = JSON.parse(child.stdout) as { offset: number; results: unknown[] };
      expect(parsed.offset).toBe(offset);
      expect(parsed.results).toEqual(reference);
    },
  );

  it.each(ZONES)(
    'prints the same CLI answer when TZ=%s and the chinese-days TZ bug would shift it',
    (tz) => {
      // chinese-days.findWorkday(20, '2026-09-21') gives 2026-10-27 under New York (DOMAIN §5.1).
      const r = build.runCli(['period', '--from', '2026-09-21', '--working-days', '20'], { tz });
      expect([r.status, r.stdout]).toEqual([0, '{"raw":"2026-10-26","due":"2026-10-26"}\n']);
      const d = build.runCli(['deadline', '--received', '2026-02-28'], { tz });
      expect(JSON.parse(d.stdout)).toMatchObject({ anchor: '2026-02-28', replyDue: '2026-03-27' });
    },
  );
});

describe('deadline --jsonl (child process, real stdin)', () => {
  const lines = fc
    .sample(fc.tuple(anchorWithPauses, fc.integer({ min: 0, max: 15 })), { numRuns: 1000, seed: 7 })
    .map(([[received, pauses], extension]) => ({
      received,
      pauses: pauses.map((p): [string, string | null] => [p[0], p[1]]),
      extension,
    }));

  it('answers 1,000 lines in order, one line each, within about a second', () => {
    const started = Date.now();
    const r = build.runCli(['deadline', '--jsonl'], {
      input: lines.map((l) => JSON.stringify(l)).join('\n') + '\n',
    });
    const elapsed = Date.now() - started;
    expect([r.status, r.stderr]).toEqual([0, '']);
    const out = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { anchor: string; replyDue: string });
    expect(out).toHaveLength(1000);
    const reference = runTasks(
      lines.map((l): Task => ({ fn: 'computeClock', args: [l] })),
    ) as Array<{ replyDue: string }>;
    expect(out.map((o) => o.replyDue)).toEqual(reference.map((c) => c.replyDue));
    expect(out.map((o) => o.anchor)).toEqual(lines.map((l) => l.received));
    expect(elapsed).toBeLessThan(2500);
  });

  it('reads camelCase fields and accepts open pauses when given one JSON object per line', () => {
    const input = [
      '{"received":"2025-01-26","correctionReceived":"2025-02-20"}',
      '',
      '{"received":"2026-09-14","pauses":[["2026-09-18",null]],"regime":"OGI-2019","extension":0}',
    ].join('\n');
    const r = build.runCli(['deadline', '--jsonl'], { input });
    expect(
      r.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown),
    ).toEqual([
      {
        regime: 'OGI-2019',
        anchor: '2025-02-20',
        correctionNoticeDue: '2025-02-11',
        replyDue: '2025-03-20',
        paused: false,
        provisional: false,
      },
      {
        regime: 'OGI-2019',
        anchor: '2026-09-14',
        correctionNoticeDue: '2026-09-22',
        replyDue: null,
        paused: true,
        workingDaysLeft: 16,
        provisional: false,
      },
    ]);
  });

  it.each([
    [
      'an impossible date',
      '{"received":"2024-09-31"}',
      /^error: line 2: invalid date '2024-09-31'/,
    ],
    [
      'an unknown field',
      '{"received":"2024-09-13","receivedOn":"x"}',
      /^error: line 2: unknown field 'receivedOn'/,
    ],
    ['broken JSON', '{"received":', /^error: line 2: not valid JSON/],
    [
      'a too long extension',
      '{"received":"2024-09-13","extension":21}',
      /^error: line 2: extension of 21/,
    ],
  ])('fails the whole batch with the line number when line 2 has %s', (_case, bad, message) => {
    const r = build.runCli(['deadline', '--jsonl'], {
      input: `{"received":"2024-09-13"}\n${bad}\n{"received":"2024-09-14"}\n`,
    });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
