import { InvalidPauseError } from './calendar-errors';
import type { LocalDate } from './local-date';
import { normalizePause } from './pauses';

/**
 * Parses the text form of a pause shared by the CLI (`--pause`) and the HTTP API (`?pause=`):
 * 'START..END' is the interval (START, END] (D-6, R-CNT-05); 'START..' is a pause still open.
 * Dates and their order are checked here, so errors name the flag or query parameter `field`.
 */
export function parsePauseRange(
  value: string,
  field = 'pause',
): readonly [LocalDate, LocalDate | null] {
  const parts = value.split('..');
  if (parts.length !== 2 || parts[0] === '') throw new InvalidPauseError(value, field);
  const pause = normalizePause([parts[0], parts[1] === '' ? null : parts[1]], field);
  return [pause.start, pause.end];
}
