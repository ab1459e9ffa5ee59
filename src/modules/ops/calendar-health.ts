import type { CheckResult } from './health-rules';

/** From this day (MM-DD) /health warns that next year's holiday notice is missing. */
export const NOTICE_WARN_FROM = '11-01';
/** From this day (MM-DD) a missing notice degrades /health: next year's deadlines are near. */
export const NOTICE_DEGRADE_FROM = '12-15';

/**
 * R-WD-04: deadlines reaching into a year without the State Council's holiday notice are
 * provisional (weekends only). The notice is usually published in the autumn; from 1 November
 * /health lists a warning while next year is not loaded, and from 15 December it is degraded.
 * Pure: `today` is the agency's local date (Asia/Shanghai), `loaded` the years with a notice.
 */
export function holidayNoticeCheck(today: string, loaded: readonly number[]): CheckResult {
  const next = Number(today.slice(0, 4)) + 1;
  const monthDay = today.slice(5);
  if (loaded.includes(next) || monthDay < NOTICE_WARN_FROM) {
    return { status: 'up', nextYear: next, nextYearLoaded: loaded.includes(next) };
  }
  const warning = `国务院办公厅${next}年节假日安排尚未导入，${next}年的期限暂按周末计算 · The ${next} holiday notice is not loaded; ${next} deadlines count weekends only (cli calendar import)`;
  return monthDay < NOTICE_DEGRADE_FROM
    ? { status: 'up', nextYear: next, nextYearLoaded: false, warning }
    : { status: 'degraded', nextYear: next, nextYearLoaded: false, problem: warning };
}
