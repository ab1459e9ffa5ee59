import type { ConnectionOptions } from 'bullmq';
import type { AppConfig } from '../config/app-config';

/** The Redis connection BullMQ queues and workers use (workers block: no request retries cap). */
export function bullConnection(config: AppConfig): ConnectionOptions {
  return { url: config.redis.url, maxRetriesPerRequest: null };
}
