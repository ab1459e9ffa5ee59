/**
 * The source of "now". Services inject this instead of calling `new Date()`, so tests and
 * demos can fix time (STYLE.md point 3).
 */
export abstract class Clock {
  abstract now(): Date;

  /** Today's calendar date in Asia/Shanghai (UTC+8, no DST), as YYYY-MM-DD. */
  today(): string {
    return new Date(this.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  }
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that stands still until moved; used by tests and by CLOCK=fixed. */
export class FixedClock extends Clock {
  private current: number;

  constructor(at: Date | string) {
    super();
    this.current = new Date(at).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(at: Date | string): void {
    this.current = new Date(at).getTime();
  }

  advance(ms: number): void {
    this.current += ms;
  }
}
