import type { Role } from '../infra/config/app-config';

/** `--role api|worker|all` on the command line wins over ROLE in the environment. */
export function roleFromArgv(argv: readonly string[]): Role | undefined {
  const i = argv.findIndex((a) => a === '--role' || a.startsWith('--role='));
  if (i < 0) return undefined;
  const value = argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
  if (value === 'api' || value === 'worker' || value === 'all') return value;
  throw new Error(`--role must be api, worker or all (got ${JSON.stringify(value ?? '')})`);
}
