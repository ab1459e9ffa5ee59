import { Client } from 'pg';

/** One transaction as PostgreSQL received it, BEGIN and COMMIT included. */
export type SentTransaction = readonly string[];

const BEGIN = /^\s*(BEGIN|START TRANSACTION)\b/i;
const END = /^\s*(COMMIT|ROLLBACK)\b/i;

/**
 * Records every statement the app's `pg` clients send, grouped by transaction (from BEGIN or
 * START TRANSACTION to COMMIT or ROLLBACK on one connection): a hook on the real driver's
 * `Client.prototype.query`, the statements still go to PostgreSQL unchanged.
 */
export class SqlProbe {
  readonly transactions: SentTransaction[] = [];
  private readonly open = new WeakMap<Client, string[]>();
  private readonly original = Client.prototype.query;

  install(): this {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const probe = this;
    const original = this.original;
    Client.prototype.query = function (this: Client, ...args: unknown[]) {
      const first = args[0];
      const text =
        typeof first === 'string' ? first : ((first as { text?: string } | null)?.text ?? '');
      probe.record(this, text);
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof Client.prototype.query;
    return this;
  }

  uninstall(): void {
    Client.prototype.query = this.original;
  }

  clear(): void {
    this.transactions.length = 0;
  }

  /** The committed transactions that sent a statement matching `pattern`. */
  matching(pattern: RegExp): SentTransaction[] {
    return this.transactions.filter((t) => t.some((s) => pattern.test(s)));
  }

  private record(client: Client, text: string): void {
    if (BEGIN.test(text)) {
      this.open.set(client, [text]);
      return;
    }
    const tx = this.open.get(client);
    if (!tx) return;
    tx.push(text);
    if (END.test(text)) {
      this.open.delete(client);
      this.transactions.push(tx);
    }
  }
}
