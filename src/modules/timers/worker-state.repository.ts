import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Small named facts the workers keep in PostgreSQL (cursors, last reconcile), and singletons. */
@Injectable()
export class WorkerStateRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async read(name: string): Promise<{ value: string; updatedAt: Date } | null> {
    const rows = await this.db.query<Array<{ value: string; updated_at: Date }>>(
      `SELECT value, updated_at FROM worker_state WHERE name = $1`,
      [name],
    );
    return rows[0] ? { value: rows[0].value, updatedAt: rows[0].updated_at } : null;
  }

  /** Writes a fact stamped with the database's own time (operational records, not legal time). */
  async record(name: string, value: unknown): Promise<void> {
    await this.db.query(
      `INSERT INTO worker_state (name, value, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at`,
      [name, JSON.stringify(value)],
    );
  }

  /** The database's clock (operational timestamps that every process compares alike). */
  async dbNow(): Promise<Date> {
    const [{ now }] = await this.db.query<Array<{ now: Date }>>(`SELECT now() AS now`);
    return now;
  }

  /** Seconds since `name` was last written (database time), or null when it never was. */
  async ageSeconds(name: string): Promise<number | null> {
    const rows = await this.db.query<Array<{ age: number }>>(
      `SELECT EXTRACT(EPOCH FROM now() - updated_at)::float AS age FROM worker_state WHERE name = $1`,
      [name],
    );
    return rows[0] ? rows[0].age : null;
  }

  async write(name: string, value: string, at: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO worker_state (name, value, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at`,
      [name, value, at],
    );
  }

  /**
   * Runs `fn` holding a session-level advisory lock on its own connection, or returns null at
   * once when another process holds it (one reconcile at a time across every worker).
   */
  async exclusively<T>(lockKey: number, fn: () => Promise<T>): Promise<T | null> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = (await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [
        lockKey,
      ])) as Array<{ locked: boolean }>;
      if (!locked) return null;
      try {
        return await fn();
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [lockKey]);
      }
    } finally {
      await runner.release();
    }
  }

  /** The newest calendar change (the calendar module's log), for the recompute backlog. */
  async latestCalendarChange(): Promise<string | null> {
    const [{ max }] = await this.db.query<Array<{ max: string | null }>>(
      `SELECT max(id)::text AS max FROM calendar_change`,
    );
    return max;
  }
}
