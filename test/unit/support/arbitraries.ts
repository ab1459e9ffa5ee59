import fc from 'fast-check';
import { addDays, fromEpochDay, toEpochDay } from '../../../src/modules/calendar/domain/local-date';

/** Dates from 2008 to mid-2027 (the last months exercise provisional years). */
export const dateArb = fc
  .integer({ min: toEpochDay('2008-01-01'), max: toEpochDay('2027-06-30') })
  .map((n) => fromEpochDay(n));

/** A closed pause (start, end] starting 0–40 days after `anchor` and lasting 0–40 days. */
export const pauseAfter = (anchor: string) =>
  fc
    .tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }))
    .map(
      ([offset, length]) => [addDays(anchor, offset), addDays(anchor, offset + length)] as const,
    );

/** An anchor with up to three closed pauses after it. */
export const anchorWithPauses = dateArb.chain((anchor) =>
  fc.tuple(fc.constant(anchor), fc.array(pauseAfter(anchor), { maxLength: 3 })),
);
