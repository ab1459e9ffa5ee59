import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import type { CalendarChange, CalendarChangeListener } from './calendar-change';

/**
 * The hook for code that must react to calendar changes — e.g. recomputing the deadlines of
 * open cases when a year notice arrives (R-WD-04) or a correction is made (DOMAIN §5.5 gap 3):
 *
 *   constructor(changes: CalendarChanges) {
 *     changes.onChange((c) => this.queue.add('recompute-deadlines', { changeId: c.id }));
 *   }
 *
 * Listeners run in the process that made the change, after its transaction committed, in
 * registration order; a failing listener is logged and does not undo the change or stop the
 * others. Other processes are not notified: a consumer that must see every change, whichever
 * process made it, keeps the id of the last change it handled and reads
 * `CalendarService.changesSince(id)` (the calendar_change log is durable and ordered).
 */
@Injectable()
export class CalendarChanges {
  private readonly listeners = new Set<CalendarChangeListener>();

  constructor(private readonly logger: PinoLogger) {
    this.logger.setContext(CalendarChanges.name);
  }

  /** Registers a listener; returns a function that removes it. */
  onChange(listener: CalendarChangeListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Called by the calendar services after commit. */
  async publish(change: CalendarChange): Promise<void> {
    for (const listener of [...this.listeners]) {
      try {
        await listener(change);
      } catch (err) {
        this.logger.error({ err, changeId: change.id }, 'calendar change listener failed');
      }
    }
  }
}
