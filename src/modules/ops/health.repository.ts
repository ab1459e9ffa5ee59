import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../infra/config/app-config';
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
