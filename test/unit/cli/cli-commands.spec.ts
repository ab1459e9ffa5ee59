import { captureCli, type CliRun } from '../../utils/run-cli';

/** Runs the CLI in this process, capturing what it writes. */
const run = (...argv: string[]): Promise<CliRun> => captureCli(argv);

describe('deadline command', () => {
  it('prints exactly the documented keys in order when computing WE-1', async () => {
    const r = await run('deadline', '--received', '2024-09-13');
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout:
        '{"regime":"OGI-2019","anchor":"2024-09-13","correctionNoticeDue":"2024-09-25","replyDue":"2024-10-17","paused":false,"provisional":false}\n',
    });
  });

  it('restarts on the corrected application when --correction-received is given (WE-2)', async () => {
    const r = await run(
      'deadline',
      '--received',
      '2025-01-26',
      '--correction-received',
      '2025-02-20',
    );
    expect(JSON.parse(r.stdout)).toEqual({
      regime: 'OGI-2019',
      anchor: '2025-02-20',
      correctionNoticeDue: '2025-02-11',
      replyDue: '2025-03-20',
      paused: false,
      provisional: false,
    });
  });

  it('applies OGI-2008 with a null correction notice and the 15-WD extension (WE-7)', async () => {
    const r = await run('deadline', '--received', '2019-04-26', '--extension', '15');
    expect(JSON.parse(r.stdout)).toMatchObject({
      regime: 'OGI-2008',
      correctionNoticeDue: null,
      replyDue: '2019-06-11',
    });
    const forced = await run('deadline', '--received', '2019-04-26', '--regime', 'OGI-2019');
    expect(JSON.parse(forced.stdout)).toMatchObject({ regime: 'OGI-2019', replyDue: '2019-05-27' });
  });

  it('merges repeated --pause flags and reports workingDaysLeft when a pause is open', async () => {
    const closed = await run(
      'deadline',
      '--received',
      '2026-09-14',
      '--pause',
      '2026-09-18..2026-10-01',
      '--pause',
      '2026-09-30..2026-10-12',
    );
    expect(JSON.parse(closed.stdout)).toMatchObject({ replyDue: '2026-11-03', paused: false });
    const open = await run('deadline', '--received', '2026-09-14', '--pause', '2026-09-18..');
    expect(JSON.parse(open.stdout)).toEqual({
      regime: 'OGI-2019',
      anchor: '2026-09-14',
      correctionNoticeDue: '2026-09-22',
      replyDue: null,
      paused: true,
      workingDaysLeft: 16,
      provisional: false,
    });
  });

  it('adds a day-by-day trace with printable lines when --trace is given', async () => {
    const r = await run('deadline', '--received', '2024-09-13', '--trace');
    const out = JSON.parse(r.stdout) as {
      trace: Array<{ status: string; text: string; n?: number }>;
    };
    expect(out.trace.filter((d) => d.status === 'counted')).toHaveLength(20);
    expect(out.trace[0]).toMatchObject({
      date: '2024-09-14',
      kind: 'makeup',
      n: 1,
      text: '2024-09-14 周六 调休上班 (1) / Sat make-up working day',
    });
  });

  it('marks the result provisional when it reaches an unpublished year', async () => {
    const r = await run('deadline', '--received', '2026-12-10');
    expect(JSON.parse(r.stdout)).toMatchObject({ provisional: true });
  });
});

describe('period command', () => {
  it.each([
    [['--calendar-days', '60'], '2025-08-02', '{"raw":"2025-10-01","due":"2025-10-09"}'],
    [['--calendar-days', '15'], '2026-02-05', '{"raw":"2026-02-20","due":"2026-02-24"}'],
    [['--months', '6'], '2025-08-31', '{"raw":"2026-02-28","due":"2026-02-28"}'],
    [['--working-days', '5'], '2026-09-28', '{"raw":"2026-10-10","due":"2026-10-10"}'],
  ])('prints raw and due for %j from %s', async (unit, from, expected) => {
    expect(await run('period', '--from', from, ...unit)).toEqual({
      code: 0,
      stdout: `${expected}\n`,
      stderr: '',
    });
  });
});

describe('fee command', () => {
  it.each([
    [['--per-piece', '--nth', '45'], '{"method":"per-piece","amountYuan":300}'],
    [['--per-piece', '--month-count', '45'], '{"method":"per-piece","amountYuan":5500}'],
    [['--per-volume', '--pages', '250'], '{"method":"per-volume","amountYuan":4700}'],
    [
      ['--per-piece', '--nth', '13', '--received', '2024-04-26'],
      '{"method":"per-piece","amountYuan":100}',
    ],
  ])('prints method and amount for %j (WE-6, D-8)', async (args, expected) => {
    expect(await run('fee', ...args)).toEqual({ code: 0, stdout: `${expected}\n`, stderr: '' });
  });
});

describe('bad input', () => {
  it.each([
    ['impossible date', ['deadline', '--received', '2025-02-30'], /2025-02-30/],
    ['malformed date', ['deadline', '--received', '2024/09/13'], /2024\/09\/13/],
    [
      'unknown flag',
      ['deadline', '--received', '2024-09-13', '--bogus'],
      /unknown option '--bogus'/,
    ],
    ['missing --received', ['deadline'], /--received/],
    [
      'extension above 20',
      ['deadline', '--received', '2024-09-13', '--extension', '21'],
      /maximum of 20/,
    ],
    [
      'extension above 15 under OGI-2008',
      ['deadline', '--received', '2019-04-26', '--extension', '16'],
      /OGI-2008 maximum of 15/,
    ],
    [
      'extension not a number',
      ['deadline', '--received', '2024-09-13', '--extension', 'ten'],
      /--extension/,
    ],
    [
      'pause ending before its start',
      ['deadline', '--received', '2024-09-13', '--pause', '2024-09-20..2024-09-19'],
      /pause ends before it starts/,
    ],
    [
      'pause without ..',
      ['deadline', '--received', '2024-09-13', '--pause', '2024-09-20'],
      /START\.\.END/,
    ],
    [
      'pause with an impossible date',
      ['deadline', '--received', '2024-09-13', '--pause', '2024-09-20..2024-09-31'],
      /2024-09-31/,
    ],
    [
      'unknown regime',
      ['deadline', '--received', '2024-09-13', '--regime', 'OGI-2020'],
      /OGI-2020/,
    ],
    [
      'correction before receipt',
      ['deadline', '--received', '2024-09-13', '--correction-received', '2024-09-12'],
      /correctionReceived/,
    ],
    [
      '--jsonl with --received',
      ['deadline', '--jsonl', '--received', '2024-09-13'],
      /cannot be combined with --received/,
    ],
    ['extra argument', ['deadline', '--received', '2024-09-13', 'now'], /too many arguments/],
    [
      'period without a unit',
      ['period', '--from', '2025-08-02'],
      /one of --calendar-days, --months, --working-days/,
    ],
    [
      'period with two units',
      ['period', '--from', '2025-08-02', '--months', '1', '--calendar-days', '3'],
      /cannot be combined/,
    ],
    ['period without --from', ['period', '--calendar-days', '3'], /--from/],
    [
      'period with an impossible date',
      ['period', '--from', '2025-13-01', '--months', '1'],
      /2025-13-01/,
    ],
    ['fee with both methods', ['fee', '--per-piece', '--per-volume', '--pages', '3'], /never both/],
    ['fee without a method', ['fee', '--pages', '3'], /per-piece or per-volume/],
    ['per piece without a count', ['fee', '--per-piece'], /--month-count, --nth/],
    [
      'per piece with --nth and --month-count',
      ['fee', '--per-piece', '--nth', '1', '--month-count', '3'],
      /cannot be combined/,
    ],
    ['per piece with --pages', ['fee', '--per-piece', '--nth', '1', '--pages', '3'], /--pages/],
    ['per volume without --pages', ['fee', '--per-volume'], /--pages/],
    ['piece number 0', ['fee', '--per-piece', '--nth', '0'], /nth/],
    [
      'fee before 2021',
      ['fee', '--per-piece', '--nth', '3', '--received', '2020-12-31'],
      /2021-01-01/,
    ],
    ['unknown command', ['deadlines'], /unknown command/],
  ])('exits 2 with one stderr line and no stdout when given %s', async (_case, argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.endsWith('\n')).toBe(true);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
