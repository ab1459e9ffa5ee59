import type { ConnectionOptions } from 'bullmq';
import type { AppConfig } from '../config/app-config';

/** The Redis connection of BullMQ workers (they block: no cap on request retries). */
export function bullConnection(config: AppConfig): ConnectionOptions {
  return { url: config.redis.url, maxRetriesPerRequest: null };
}

/**
 * The connection of producers (the queues the API, the CLI and the reconciles add to): a command
 * fails after REDIS_COMMAND_TIMEOUT_MS — also one waiting in the offline queue while Redis is
 * down — so a request never hangs on Redis; BullMQ's own docs advise failing fast for producers.
 */
export function producerConnection(config: AppConfig): ConnectionOptions {
  return {
    url: config.redis.url,
    maxRetriesPerRequest: 1,
    commandTimeout: config.redis.commandTimeoutMs,
  };
}
