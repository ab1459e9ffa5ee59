import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../infra/config/app-config';
import type { MailFacts, Recorded, WorkerFacts } from './health-rules';
import { APP_CONFIG } from '../../infra/config/config.module';

export const TIMEOUT_MS = 2_000;

export type Query = <T = unknown[]>(sql: string) => Promise<T>;

/** One connection outside the pool, opened on first use. */
export class DirectConnection {
  private client: Promise<Client> | null = null;
  /** Queries run one after another on the one connection. */
  private queue: Promise<unknown> = Promise.resolve();
  constructor(private readonly url: string) {}

  query(sql: string): Promise<unknown[]> {
    this.client ??= (async () => {
      const c = new Client({ connectionString: this.url, connectionTimeoutMillis: TIMEOUT_MS });
      await c.connect();
      return c;
    })();
    const client = this.client;
    const run = this.queue.then(async () => (await (await client).query(sql)).rows as unknown[]);
    this.queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    if (this.client) await (await this.client).end().catch(() => undefined);
  }
}

/**
 * What /health and the scrape-time gauges read from PostgreSQL: through the pool, or over a
 * connection of its own when the pool is exhausted.
 */
@Injectable()
export class HealthRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  readonly pooled: Query = <T>(sql: string) => this.db.query<T>(sql);

  direct(): DirectConnection {
    return new DirectConnection(this.config.database.url as string);
  }

  /**
   * What the workers recorded in worker_state: the upkeep round, the deadline reconcile and the
   * outbox reconcile (written by the upkeep and timers modules under these names).
   */
  async workerFacts(query: Query = this.pooled): Promise<WorkerFacts> {
    const rows = await query<Array<{ name: string; value: string; age: number }>>(
      `SELECT name, value, EXTRACT(EPOCH FROM now() - updated_at)::float AS age FROM worker_state
        WHERE name IN ('upkeep', 'reconcile-deadlines', 'reconcile-outbox')`,
    );
    const facts: Record<string, Recorded<never>> = {};
    for (const r of rows) {
      let value: unknown;
      try {
        value = JSON.parse(r.value);
      } catch {
        value = null;
      }
      // An older release stored the re-armed count alone.
      if (!value || typeof value !== 'object') value = {};
      facts[r.name] = { value: value as never, ageSeconds: r.age };
    }
    return {
      upkeep: facts['upkeep'],
      deadlines: facts['reconcile-deadlines'],
      outbox: facts['reconcile-outbox'],
    };
  }

  /** Unresolved failures and retries of mail (the partial index keeps this cheap). */
  async mailFacts(query: Query = this.pooled): Promise<MailFacts> {
    const [r] = await query<MailFacts[]>(
      `SELECT count(*) FILTER (WHERE status IN ('failed', 'unconfirmed') AND resolved_at IS NULL AND statutory)::int AS "statutoryUnresolved",
              count(*) FILTER (WHERE status IN ('failed', 'unconfirmed') AND resolved_at IS NULL AND NOT statutory)::int AS "otherUnresolved",
              count(*) FILTER (WHERE status = 'unconfirmed' AND resolved_at IS NULL)::int AS unconfirmed,
              count(*) FILTER (WHERE status = 'pending' AND attempts > 0)::int AS retrying,
              count(*) FILTER (WHERE status = 'pending' AND attempts > 0 AND statutory)::int AS "statutoryRetrying",
              coalesce(EXTRACT(EPOCH FROM now() - min(created_at) FILTER (WHERE status = 'pending' AND attempts > 0 AND statutory)), 0)::float AS "oldestStatutoryRetryingSeconds"
         FROM mail_outbox
        WHERE (status IN ('failed', 'unconfirmed') AND resolved_at IS NULL) OR (status = 'pending' AND attempts > 0)`,
    );
    return r;
  }

  /** Rows by problem state (failed, unconfirmed, retrying) and whether statutory, for /metrics. */
  mailProblemCounts(): Promise<Array<{ state: string; statutory: boolean; n: number }>> {
    return this.db.query(
      `SELECT CASE WHEN status = 'pending' THEN 'retrying' ELSE status END AS state, statutory,
              count(*)::int AS n
         FROM mail_outbox
        WHERE (status IN ('failed', 'unconfirmed') AND resolved_at IS NULL) OR (status = 'pending' AND attempts > 0)
        GROUP BY 1, 2`,
    );
  }

  async outboxLagSeconds(): Promise<number> {
    const [{ age }] = await this.db.query<Array<{ age: number | null }>>(
      `SELECT EXTRACT(EPOCH FROM now() - min(created_at))::float AS age FROM mail_outbox WHERE status = 'pending'`,
    );
    return age ?? 0;
  }

  liveDeadlinesByKind(): Promise<Array<{ kind: string; n: number }>> {
    return this.db.query(
      `SELECT kind, count(*)::int AS n FROM deadline WHERE status = 'live' GROUP BY kind`,
    );
  }
}
