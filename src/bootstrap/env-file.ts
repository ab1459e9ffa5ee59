import { existsSync } from 'node:fs';

/** Loads ./.env when present (Node's own parser); real environment variables win. */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
