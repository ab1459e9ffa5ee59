import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { Redis } from 'ioredis';

export interface RedisHandle {
  readonly url: string;
  /** Whether this process started the server (and so stops it on exit). */
  readonly started: boolean;
  stop(): Promise<void>;
}

/** Raised when no Redis answers and none can be started; the message tells the user what to do. */
export class RedisUnavailableError extends Error {}

const DEFAULT_URL = 'redis://127.0.0.1:6379';

/**
 * REDIS_URL unset: use a Redis answering on 127.0.0.1:6379, else start `redis-server` from PATH
 * with its data under dataDir (appendonly yes, maxmemory-policy noeviction), else fail clearly.
 */
export async function ensureLocalRedis(dataDir: string, port = 6379): Promise<RedisHandle> {
  const url = port === 6379 ? DEFAULT_URL : `redis://127.0.0.1:${port}`;
  if (await pingRedis(url)) return { url, started: false, stop: async () => undefined };
  if (spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status !== 0) {
    throw new RedisUnavailableError(
      'No Redis answers on 127.0.0.1:6379 and `redis-server` is not on PATH. ' +
        'Install it (Debian/Ubuntu: `sudo apt-get install redis-server`) or set REDIS_URL.',
    );
  }
  mkdirSync(dataDir, { recursive: true });
  const child = spawn(
    'redis-server',
    [
      '--bind',
      '127.0.0.1',
      '--port',
      String(port),
      '--dir',
      dataDir,
      '--appendonly',
      'yes',
      '--maxmemory-policy',
      'noeviction',
      '--save',
      '',
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (let i = 0; i < 100; i++) {
    if (await pingRedis(url)) {
      return {
        url,
        started: true,
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      };
    }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new RedisUnavailableError(`redis-server did not start on port ${port}; set REDIS_URL.`);
}

export async function pingRedis(url: string): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}
