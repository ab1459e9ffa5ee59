import { spawn, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { pingRedis } from '../../src/infra/dev-services/local-redis';
import { freePort } from './free-port';

/**
 * A `redis-server` of a test's own, on a free port, without persistence: a fault test may
 * FLUSHALL it, reconfigure it, stop or kill it and start it again on the same port — never the
 * shared Redis other test files use.
 */
export class OwnRedis {
  private child?: ChildProcess;
  private exited?: Promise<void>;
  private admin?: Redis;

  private constructor(readonly port: number) {}

  static async start(): Promise<OwnRedis> {
    const r = new OwnRedis(await freePort());
    await r.restart();
    return r;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts (again) on the same port, empty. */
  async restart(): Promise<void> {
    const child = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--maxmemory-policy',
        'noeviction',
      ],
      { stdio: 'ignore' },
    );
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    for (let i = 0; i < 100; i++) {
      if (await pingRedis(this.url)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`redis-server did not start on port ${this.port}`);
  }

  /** A command connection (reconnects by itself after a restart). */
  client(): Redis {
    this.admin ??= new Redis(this.url, { maxRetriesPerRequest: 3 });
    this.admin.on('error', () => undefined);
    return this.admin;
  }

  signal(sig: NodeJS.Signals): void {
    this.child?.kill(sig);
  }

  /** SIGKILL, as a crash: whatever it held is gone. */
  async kill(): Promise<void> {
    this.child?.kill('SIGKILL');
    await this.exited;
  }

  async stop(): Promise<void> {
    this.admin?.disconnect();
    if (this.child && this.child.exitCode === null) {
      this.child.kill('SIGCONT');
      this.child.kill('SIGTERM');
      await this.exited;
    }
  }
}
