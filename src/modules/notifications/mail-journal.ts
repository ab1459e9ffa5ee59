import { readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

/** One SMTP answer the server gave: the message is delivered, whatever PostgreSQL says. */
export interface AcceptedEntry {
  readonly outboxId: string;
  readonly messageId: string;
  readonly response: string | null;
  /** ISO instant (the sender's clock). */
  readonly acceptedAt: string;
}

/**
 * The durable record of SMTP answers, under DATA_DIR/mail-journal: each 250 is appended (and
 * fsync'ed) before the `sent` update is attempted, so a PostgreSQL outage or a crash between the
 * server's answer and the update cannot lose it. Each process writes a file of its own; at worker
 * start every file is replayed (the rows marked sent) and files fully applied are deleted.
 */
export class MailJournal {
  readonly dir: string;
  private readonly file: string;
  /** Entries of this process not yet confirmed in PostgreSQL. */
  private readonly unapplied = new Map<string, AcceptedEntry>();
  /** The file, opened once for appending. */
  private handle: Promise<FileHandle> | null = null;
  /** Lines waiting for the next write and fsync, with their callers. */
  private batch: Array<{ line: string; done: (err?: Error) => void }> = [];
  private flushing = false;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'mail-journal');
    this.file = join(this.dir, `${process.pid}-${Date.now()}.jsonl`);
  }

  /**
   * Resolves once the entry is on disk (written and fsync'ed). The write and the fsync run off
   * the event loop (libuv's pool), and entries that arrive while one is in progress go together
   * in the next (a group commit): one fsync for many mails, and HTTP and jobs keep running
   * meanwhile. Until it resolves the caller must not rely on the entry.
   */
  async append(entry: AcceptedEntry): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.batch.push({
        line: JSON.stringify(entry) + '\n',
        done: (err) => (err ? reject(err) : resolve()),
      });
      if (!this.flushing) void this.flush();
    });
    this.unapplied.set(entry.outboxId, entry);
  }

  /** Writes and fsyncs the waiting lines, batch after batch, until none waits. */
  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.batch.length > 0) {
        const batch = this.batch;
        this.batch = [];
        try {
          const fh = await this.open();
          await fh.appendFile(batch.map((b) => b.line).join(''), 'utf8');
          await fh.sync();
          for (const b of batch) b.done();
        } catch (err) {
          // Opened again for the next batch (the directory may have been removed meanwhile).
          const stale = this.handle;
          this.handle = null;
          void stale?.then((fh) => fh.close()).catch(() => undefined);
          const e = err instanceof Error ? err : new Error('mail journal write failed');
          for (const b of batch) b.done(e);
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  /** At shutdown (Nest calls it on the provider): the file closed once every entry is written. */
  async onModuleDestroy(): Promise<void> {
    while (this.flushing) await new Promise((r) => setImmediate(r));
    const handle = this.handle;
    this.handle = null;
    if (handle) await (await handle).close();
  }

  private open(): Promise<FileHandle> {
    this.handle ??= mkdir(this.dir, { recursive: true }).then(() => open(this.file, 'a'));
    return this.handle;
  }

  applied(outboxId: string): void {
    this.unapplied.delete(outboxId);
  }

  /** This process's answers not yet in PostgreSQL (the reconcile applies them again). */
  pending(): AcceptedEntry[] {
    return [...this.unapplied.values()];
  }

  /** The answer journalled for a row, by any process (read from the files). */
  find(outboxId: string): AcceptedEntry | null {
    return (
      this.unapplied.get(outboxId) ?? this.readAll().find((e) => e.outboxId === outboxId) ?? null
    );
  }

  /**
   * At worker start: applies every journalled answer with `apply` (true when the row is now
   * sent or was already), then deletes the files of other processes whose entries all applied.
   */
  async replay(
    apply: (e: AcceptedEntry) => Promise<boolean>,
  ): Promise<{ applied: number; left: number }> {
    let applied = 0;
    let left = 0;
    for (const name of this.files()) {
      const path = join(this.dir, name);
      let allApplied = true;
      for (const e of this.parse(path)) {
        let ok: boolean;
        try {
          ok = await apply(e);
        } catch {
          ok = false;
        }
        if (ok) applied++;
        else {
          left++;
          allApplied = false;
          this.unapplied.set(e.outboxId, e);
        }
      }
      if (allApplied && path !== this.file) unlinkSync(path);
    }
    return { applied, left };
  }

  private files(): string[] {
    try {
      return readdirSync(this.dir).filter((n) => n.endsWith('.jsonl'));
    } catch {
      return [];
    }
  }

  private readAll(): AcceptedEntry[] {
    return this.files().flatMap((n) => this.parse(join(this.dir, n)));
  }

  private parse(path: string): AcceptedEntry[] {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return [];
    }
    const out: AcceptedEntry[] = [];
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        out.push(JSON.parse(line) as AcceptedEntry);
      } catch {
        // A line cut short by a crash mid-write: its answer was never fsync'ed, so never relied on.
      }
    }
    return out;
  }
}
