import { nationalYearArrangements } from './calendar-data';
import type { LocalDate } from './local-date';
import type { WorkingCalendar } from './working-calendar';
import type { YearArrangement } from './year-arrangement';

/** A year notice loaded after the release of the dataset (R-WD-04), with when it was loaded. */
export interface ImportedYear {
  readonly arrangement: YearArrangement;
  /** ISO instant of the import. */
  readonly importedAt: string;
}

/** One covered year and where its arrangement came from (R-WD-04, DOMAIN §5.5 gap 4). */
export interface YearSummary {
  readonly year: number;
  /** 'national': the bundled dataset; 'imported': a notice loaded by an administrator. */
  readonly source: 'national' | 'imported';
  /** The bundled dataset, e.g. 'chinese-days@1.5.7'; null for an imported notice. */
  readonly dataset: string | null;
  readonly noticeUrl: string | null;
  readonly noticeDate: LocalDate | null;
  readonly additionalUrls: readonly string[];
  readonly note: string | null;
  readonly importedAt: string | null;
  /** An imported notice that replaced the year of the bundled dataset. */
  readonly replacesNational: boolean;
  /** Working days of the calendar year, national corrections included (e.g. 251 in 2024). */
  readonly workingDays: number;
}

/** Every covered year of `cal` (built from the dataset plus `imported`), oldest first. */
export function summarizeYears(
  cal: WorkingCalendar,
  imported: readonly ImportedYear[],
): YearSummary[] {
  const nationalYears = new Set(nationalYearArrangements().map((y) => y.year));
  const importedAt = new Map(imported.map((y) => [y.arrangement.year, y.importedAt]));
  return cal.coveredYears().map((year): YearSummary => {
    const a = cal.arrangement(year) as YearArrangement;
    const at = importedAt.get(year) ?? null;
    return {
      year,
      source: at === null ? 'national' : 'imported',
      dataset: at === null ? a.source : null,
      noticeUrl: a.noticeUrl,
      noticeDate: a.noticeDate,
      additionalUrls: [...a.additionalUrls],
      note: a.note ?? null,
      importedAt: at,
      replacesNational: at !== null && nationalYears.has(year),
      workingDays: cal.countWorkingDays(`${year - 1}-12-31`, `${year}-12-31`),
    };
  });
}
