/**
 * A bad invocation of a CLI command: printed as one line on stderr, exit code 2,
 * nothing on stdout.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
