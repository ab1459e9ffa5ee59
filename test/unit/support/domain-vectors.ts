/** DOMAIN.md §7.1 compact test vectors, verbatim. */
export interface WorkingDayVector {
  readonly id: number;
  readonly anchor: string;
  readonly n: number;
  readonly pause?: readonly [string, string];
  readonly expected: string;
}

export const WORKING_DAY_VECTORS: readonly WorkingDayVector[] = [
  { id: 1, anchor: '2024-09-13', n: 20, expected: '2024-10-17' },
  { id: 2, anchor: '2025-01-26', n: 7, expected: '2025-02-11' },
  { id: 3, anchor: '2025-01-26', n: 20, expected: '2025-02-28' },
  { id: 4, anchor: '2025-02-20', n: 20, expected: '2025-03-20' },
  { id: 5, anchor: '2025-04-30', n: 20, expected: '2025-06-03' },
  { id: 6, anchor: '2025-06-03', n: 20, expected: '2025-07-01' },
  { id: 7, anchor: '2026-02-13', n: 20, expected: '2026-03-19' },
  { id: 8, anchor: '2026-02-24', n: 20, expected: '2026-03-23' },
  { id: 9, anchor: '2026-09-21', n: 15, expected: '2026-10-19' },
  { id: 10, anchor: '2026-09-14', n: 20, expected: '2026-10-16' },
  {
    id: 11,
    anchor: '2026-09-14',
    n: 20,
    pause: ['2026-09-18', '2026-10-12'],
    expected: '2026-11-03',
  },
  { id: 12, anchor: '2024-04-26', n: 20, expected: '2024-05-27' },
  { id: 13, anchor: '2024-05-10', n: 20, expected: '2024-06-06' },
  {
    id: 14,
    anchor: '2024-04-26',
    n: 20,
    pause: ['2024-05-09', '2024-05-20'],
    expected: '2024-06-06',
  },
  { id: 15, anchor: '2019-04-26', n: 15, expected: '2019-05-20' },
  { id: 16, anchor: '2019-05-20', n: 15, expected: '2019-06-11' },
  { id: 17, anchor: '2022-09-30', n: 20, expected: '2022-11-02' },
  { id: 18, anchor: '2026-04-30', n: 20, expected: '2026-06-01' },
  { id: 19, anchor: '2026-09-28', n: 5, expected: '2026-10-10' },
];

export interface CalendarDayVector {
  readonly id: number;
  readonly anchor: string;
  readonly n: number;
  readonly raw: string;
  readonly expected: string;
}

export const CALENDAR_DAY_VECTORS: readonly CalendarDayVector[] = [
  { id: 20, anchor: '2025-08-02', n: 60, raw: '2025-10-01', expected: '2025-10-09' },
  { id: 21, anchor: '2025-09-05', n: 60, raw: '2025-11-04', expected: '2025-11-04' },
  { id: 22, anchor: '2026-02-05', n: 15, raw: '2026-02-20', expected: '2026-02-24' },
  { id: 23, anchor: '2026-09-30', n: 15, raw: '2026-10-15', expected: '2026-10-15' },
  { id: 24, anchor: '2026-03-02', n: 60, raw: '2026-05-01', expected: '2026-05-06' },
  { id: 25, anchor: '2026-10-10', n: 30, raw: '2026-11-09', expected: '2026-11-09' },
];

/** Vector 26: addM(2025-08-31, 6) = 2026-02-28, a make-up Saturday, no rollover. */
export const MONTH_VECTOR = {
  id: 26,
  anchor: '2025-08-31',
  months: 6,
  expected: '2026-02-28',
} as const;

/** Vector 27: isWorkingDay. */
export const WORKING_DAY_STATUS: ReadonlyArray<readonly [string, boolean]> = [
  ['2024-02-09', true],
  ['2026-01-04', true],
  ['2026-02-14', true],
  ['2026-02-23', false],
  ['2025-01-31', false],
];
