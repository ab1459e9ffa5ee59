import type { LocalDate } from './local-date';

/**
 * One year's national arrangement as announced by the State Council General Office notice
 * 国务院办公厅关于YYYY年部分节假日安排的通知 (R-WD-01, R-WD-04).
 * Dates of an arrangement may lie in the previous December (e.g. the 2019 notice moved
 * 2018-12-29/31), so they are not required to fall inside `year`.
 */
export interface NoticeHoliday {
  /** Chinese name as a clerk reads it, e.g. '春节' (R-WD-02 labels). */
  readonly name: string;
  readonly nameEn: string;
  /** Every announced rest day of the period; weekend days may be listed and are harmless. */
  readonly off: readonly LocalDate[];
}

/** A weekend day that becomes a working day (调休上班, R-CNT-03). */
export interface MakeupWorkday {
  readonly date: LocalDate;
  /** The festival the make-up day belongs to, e.g. '中秋节'. */
  readonly name: string;
  readonly nameEn: string;
}

export interface YearArrangement {
  readonly year: number;
  /** gov.cn URL of the notice; null when only the dataset is known (2008–2012). */
  readonly noticeUrl: string | null;
  /** Date of the notice; null when not verified. */
  readonly noticeDate: LocalDate | null;
  /** Amending or special notices (2015 special holiday, 2019 Labour Day, 2020 extension). */
  readonly additionalUrls: readonly string[];
  /** Where the data came from, e.g. 'chinese-days@1.5.7' or 'import'. */
  readonly source: string;
  readonly note?: string;
  readonly holidays: readonly NoticeHoliday[];
  readonly workdays: readonly MakeupWorkday[];
}
