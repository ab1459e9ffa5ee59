import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

export interface PoolStats {
  /** DB_POOL_SIZE */
  readonly max: number;
  /** Connections open (idle + in use). */
  readonly total: number;
  readonly idle: number;
  readonly inUse: number;
  /** Callers waiting for a connection. */
  readonly waiting: number;
  /** Every connection in use and callers queued for one. */
  readonly exhausted: boolean;
}

interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/** Reads the pg pool's counters (for /health, /metrics and the 503 log line). */
@Injectable()
export class PoolMonitor {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  stats(): PoolStats {
    const pool = (this.db.driver as unknown as { master?: PgPool }).master;
    const max = this.config.database.pool.size;
    if (!pool) return { max, total: 0, idle: 0, inUse: 0, waiting: 0, exhausted: false };
    const inUse = pool.totalCount - pool.idleCount;
    return {
      max,
      total: pool.totalCount,
      idle: pool.idleCount,
      inUse,
      waiting: pool.waitingCount,
      exhausted: pool.waitingCount > 0 && pool.idleCount === 0 && pool.totalCount >= max,
    };
  }
}
