import { readFileSync, writeSync } from 'node:fs';
import { DomainError } from '../../shared/domain/domain-error';
import { isLocalDate, type LocalDate } from '../../modules/calendar/domain/local-date';
import { UsageError } from '../usage-error';

/**
 * Small helpers shared by the pure CLI commands (deadline, period, fee). Every bad input becomes a
 * UsageError: one line on stderr, exit code 2, nothing on stdout (src/cli/program.ts).
 */

export function parseDateFlag(value: string, flag: string): LocalDate {
  const valid: boolean = isLocalDate(value);
  if (!valid) throw new UsageError(`${flag} '${value}' is not a real date YYYY-MM-DD`);
  return value;
}

export function parseCountFlag(value: string, flag: string): number {
  if (!/^\d{1,7}$/.test(value)) throw new UsageError(`${flag} '${value}' is not a whole number`);
  return Number(value);
}

/** Commander collector for repeatable options. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Runs `fn`, turning domain validation errors into usage errors (exit code 2). */
export function asUsage<T>(fn: () => T, prefix = ''): T {
  try {
    return fn();
  } catch (err) {
    throw usageAt(err, prefix);
  }
}

/** A domain or usage error as a usage error prefixed with `prefix`; any other error as it is. */
export function usageAt(err: unknown, prefix: string): unknown {
  if (err instanceof DomainError) return new UsageError(`${prefix}${err.message}`);
  if (err instanceof UsageError && prefix) return new UsageError(`${prefix}${err.message}`);
  return err;
}

export function writeJsonLine(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

/** Exactly one of the named options must be set. */
export function exactlyOne<K extends string>(
  opts: Partial<Record<K, unknown>>,
  names: ReadonlyArray<readonly [K, string]>,
): K {
  const set = names.filter(([key]) => opts[key] !== undefined);
  const flags = names.map(([, flag]) => flag).join(', ');
  if (set.length === 0) throw new UsageError(`one of ${flags} is required`);
  if (set.length > 1)
    throw new UsageError(`options ${set.map(([, flag]) => flag).join(' and ')} cannot be combined`);
  return set[0][0];
}

/**
 * All of stdin, read synchronously from fd 0 (a pipe or a file): no `process.stdin` stream
 * (whose first use loads and sets up the stream and socket machinery: a few milliseconds that
 * weigh on a short batch). A descriptor that cannot be read synchronously (EAGAIN: non-blocking,
 * e.g. shared with a parent) falls back to the stream.
 */
export async function readStdinFast(): Promise<string> {
  try {
    return readFileSync(0, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
    return readStdin();
  }
}

/** `text` written to fd 1 synchronously (see `readStdinFast`); EAGAIN falls back to the stream. */
export function writeStdoutFast(text: string): void {
  const buf = Buffer.from(text, 'utf8');
  let at = 0;
  try {
    while (at < buf.length) at += writeSync(1, buf, at);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
    process.stdout.write(buf.subarray(at));
  }
}

export async function readStdin(): Promise<string> {
  process.stdin.setEncoding('utf8');
  let text = '';
  for await (const chunk of process.stdin) text += chunk as string;
  return text;
}
