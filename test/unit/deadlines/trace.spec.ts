import { nationalCalendar } from '../../../src/modules/calendar/domain/national-calendar';
import { buildTrace, traceClock } from '../../../src/modules/deadlines/domain/trace';
import { renderTrace, renderTraceDay } from '../../../src/modules/deadlines/domain/trace-text';

const cal = nationalCalendar();

describe(buildTrace.name, () => {
  it('reproduces the WE-1 count day by day when received on 2024-09-13', () => {
    const trace = buildTrace(cal, { anchor: '2024-09-13', limitWd: 20 });
    const counted = trace.days
      .filter((d) => d.status === 'counted')
      .map((d) => `${d.date.slice(5)}(${d.n})`);
    expect(counted.slice(0, 2)).toEqual(['09-14(1)', '09-18(2)']);
    expect(counted).toContain('09-29(10)');
    expect(counted).toContain('10-12(16)');
    expect(counted[counted.length - 1]).toBe('10-17(20)');
    expect(trace.days.find((d) => d.date === '2024-10-03')).toMatchObject({
      status: 'not-working',
      kind: 'holiday',
      name: '国庆节',
    });
  });

  it('marks each paused day with its cause when a consultation pauses the clock (WE-5)', () => {
    const { trace, clock } = traceClock(cal, {
      received: '2026-09-14',
      consultations: [
        { sentOn: '2026-09-18', partyReceivedOn: '2026-09-21', answeredOn: '2026-10-12' },
      ],
    });
    expect(trace.due).toBe(clock.replyDue);
    const paused = trace.days.filter((d) => d.status === 'paused');
    expect([paused[0].date, paused[paused.length - 1].date]).toEqual(['2026-09-19', '2026-10-12']);
    expect(paused.every((d) => d.pausedBy?.join() === 'consultation')).toBe(true);
    expect(trace.days.find((d) => d.date === '2026-10-13')).toMatchObject({
      status: 'counted',
      n: 5,
    });
  });

  it('stops at the start of an open pause and reports the days left', () => {
    const trace = buildTrace(cal, {
      anchor: '2026-09-14',
      limitWd: 20,
      pauses: [['2026-09-18', null]],
    });
    expect(trace).toMatchObject({ due: null, paused: true, workingDaysLeft: 16 });
    expect(trace.days[trace.days.length - 1].date).toBe('2026-09-18');
  });
});

describe(renderTraceDay.name, () => {
  const line = (date: string, limitWd = 20, anchor = '2024-09-13') =>
    renderTraceDay(buildTrace(cal, { anchor, limitWd }).days.find((d) => d.date === date)!);

  it('prints Chinese first and English second when the day is a make-up working day', () => {
    expect(line('2024-09-14')).toBe('2024-09-14 周六 调休上班 (1) / Sat make-up working day');
  });

  it('prints the holiday name when the day is a notified rest day', () => {
    expect(line('2024-09-16')).toBe(
      '2024-09-16 周一 中秋节放假 / Mon holiday (Mid-autumn Festival)',
    );
    expect(line('2024-09-21')).toBe('2024-09-21 周六 休息日 / Sat weekend');
    expect(line('2024-09-18')).toBe('2024-09-18 周三 工作日 (2) / Wed working day');
  });
});

describe(renderTrace.name, () => {
  it('prints a header, one line per day and the due date when the count completes', () => {
    const text = renderTrace(buildTrace(cal, { anchor: '2025-04-30', limitWd: 20, extension: 20 }));
    const lines = text.split('\n');
    expect(lines[0]).toBe(
      '起算日 2025-04-30 周三（当日不计入，自次日起算）/ Anchor Wed 2025-04-30 (not counted; counting starts the next day)',
    );
    expect(lines).toContain('2025-05-01 周四 劳动节放假 / Thu holiday (Labour Day)');
    expect(lines).toContain('—— 延长期限 20 个工作日 / extension of 20 working days ——');
    expect(lines).toContain('2025-06-04 周三 工作日 (21) 延长期 / Wed working day, extension');
    expect(lines[lines.length - 1]).toBe(
      '期限届满：2025-07-01 周二（第 40 个工作日）/ Due: Tue 2025-07-01 (working day 40)',
    );
  });

  it('prints the pause and the days left when the clock is paused', () => {
    const text = renderTrace(
      buildTrace(cal, {
        anchor: '2026-09-14',
        limitWd: 20,
        pauses: [{ start: '2026-09-18', end: null, reason: 'fee' }],
      }),
    );
    expect(text.split('\n').pop()).toBe(
      '计时暂停中（自 2026-09-18 起），尚余 16 个工作日 / Clock paused since 2026-09-18; 16 working days left',
    );
  });

  it('prints paused days with their cause when a fee notice pauses the clock', () => {
    const text = renderTrace(
      buildTrace(cal, {
        anchor: '2024-04-26',
        limitWd: 20,
        pauses: [{ start: '2024-05-09', end: '2024-05-20', reason: 'fee' }],
      }),
    );
    expect(text).toContain(
      '2024-05-10 周五 工作日 不计入（暂停：等待缴费）/ Fri working day, not counted (paused: fee payment)',
    );
    expect(text).toContain(
      '2024-05-11 周六 调休上班 不计入（暂停：等待缴费）/ Sat make-up working day, not counted (paused: fee payment)',
    );
  });

  it('warns that the result is provisional when the count reaches an unpublished year', () => {
    const text = renderTrace(buildTrace(cal, { anchor: '2026-12-20', limitWd: 20 }));
    expect(text.split('\n').pop()).toBe(
      '注意：2027 年放假安排尚未公布，结果为暂定 / Provisional: no published holiday arrangement for 2027',
    );
  });
});
