import { dayOfWeek, WEEKDAY_EN, WEEKDAY_ZH, yearOf } from '../../calendar/domain/local-date';
import type { DeadlineTrace, TraceDay } from './trace';

/** Labels of pause reasons (R-TP-03 consultation, R-FEE-06 fee notice). */
const PAUSE_LABELS: Readonly<Record<string, readonly [string, string]>> = {
  consultation: ['暂停：征求意见', 'paused: consultation'],
  fee: ['暂停：等待缴费', 'paused: fee payment'],
  pause: ['暂停', 'paused'],
};

function pauseLabel(reasons: readonly string[]): [string, string] {
  const labels = reasons.map((r) => PAUSE_LABELS[r] ?? [r, r]);
  return [labels.map((l) => l[0]).join('、'), labels.map((l) => l[1]).join(', ')];
}

/** [Chinese, English] description of the kind of day. */
function describe(day: TraceDay): [string, string] {
  switch (day.kind) {
    case 'workday':
      return ['工作日', 'working day'];
    case 'makeup':
      return ['调休上班', 'make-up working day'];
    case 'weekend':
      return ['休息日', 'weekend'];
    case 'holiday':
      return [`${day.name ?? ''}放假`, `holiday${day.nameEn ? ` (${day.nameEn})` : ''}`];
    case 'override-closed':
      return [
        `停止办公${day.name ? `（${day.name}）` : ''}`,
        `closed by override${day.nameEn ? ` (${day.nameEn})` : ''}`,
      ];
    case 'override-open':
      return [`调整为工作日${day.name ? `（${day.name}）` : ''}`, 'working day by override'];
  }
}

/** One line, Chinese first, English second, e.g. "2024-09-14 周六 调休上班 (1) / Sat make-up working day". */
export function renderTraceDay(day: TraceDay): string {
  const [zh, en] = describe(day);
  const head = `${day.date} ${WEEKDAY_ZH[day.weekday]} ${zh}`;
  const wd = WEEKDAY_EN[day.weekday];
  switch (day.status) {
    case 'counted': {
      const n = `(${day.n ?? 0})`;
      return day.extension
        ? `${head} ${n} 延长期 / ${wd} ${en}, extension`
        : `${head} ${n} / ${wd} ${en}`;
    }
    case 'not-working':
      return `${head} / ${wd} ${en}`;
    case 'paused': {
      const [pzh, pen] = pauseLabel(day.pausedBy ?? ['pause']);
      return `${head} 不计入（${pzh}）/ ${wd} ${en}, not counted (${pen})`;
    }
  }
}

/** Printable trace for a clerk: header, one line per day, result, provisional warning. */
export function renderTrace(trace: DeadlineTrace): string {
  const a = trace.anchor;
  const aw = dayOfWeek(a);
  const lines = [
    `起算日 ${a} ${WEEKDAY_ZH[aw]}（当日不计入，自次日起算）/ Anchor ${WEEKDAY_EN[aw]} ${a} (not counted; counting starts the next day)`,
    `期限 ${trace.limitWd} 个工作日${trace.extension ? `，延长 ${trace.extension} 个工作日` : ''} / Limit ${trace.limitWd} working days${trace.extension ? `, extended by ${trace.extension}` : ''}`,
  ];
  let extensionStarted = false;
  for (const day of trace.days) {
    if (day.extension && !extensionStarted) {
      extensionStarted = true;
      lines.push(
        `—— 延长期限 ${trace.extension} 个工作日 / extension of ${trace.extension} working days ——`,
      );
    }
    lines.push(renderTraceDay(day));
  }
  const total = trace.limitWd + trace.extension;
  if (trace.due) {
    const w = dayOfWeek(trace.due);
    lines.push(
      `期限届满：${trace.due} ${WEEKDAY_ZH[w]}（第 ${total} 个工作日）/ Due: ${WEEKDAY_EN[w]} ${trace.due} (working day ${total})`,
    );
  } else {
    const open = trace.pauses.find((p) => p.end === null);
    lines.push(
      `计时暂停中（自 ${open?.start ?? '?'} 起），尚余 ${trace.workingDaysLeft} 个工作日 / ` +
        `Clock paused since ${open?.start ?? '?'}; ${trace.workingDaysLeft} working days left`,
    );
  }
  const years = [...new Set(trace.days.filter((d) => d.provisional).map((d) => yearOf(d.date)))];
  if (trace.provisional && years.length > 0) {
    const y = years.join('、');
    lines.push(
      `注意：${y} 年放假安排尚未公布，结果为暂定 / Provisional: no published holiday arrangement for ${years.join(', ')}`,
    );
  }
  return lines.join('\n');
}

/** One day of a trace as table cells in one language: weekday, kind of day, and how it counted. */
export function traceDayCells(
  day: TraceDay,
  lang: 'zh' | 'en',
): { weekday: string; kind: string; counted: string } {
  const i = lang === 'zh' ? 0 : 1;
  const weekday = (lang === 'zh' ? WEEKDAY_ZH : WEEKDAY_EN)[day.weekday];
  const kind = describe(day)[i];
  switch (day.status) {
    case 'counted': {
      const n = day.n ?? 0;
      const base = lang === 'zh' ? `第 ${n} 个工作日` : `working day ${n}`;
      return {
        weekday,
        kind,
        counted: day.extension ? `${base}（${['延长期', 'extension'][i]}）` : base,
      };
    }
    case 'not-working':
      return { weekday, kind, counted: ['不计入', 'not counted'][i] };
    case 'paused':
      return {
        weekday,
        kind,
        counted: `${['不计入', 'not counted'][i]}（${pauseLabel(day.pausedBy ?? ['pause'])[i]}）`,
      };
  }
}
