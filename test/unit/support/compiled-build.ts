import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Compiles the CLI and the pure domain modules into a private temporary directory (type checking
 * is skipped: `npm run typecheck` does that), so tests can run them in child processes — the only
 * way to vary the process time zone: assigning process.env.TZ inside a jest sandbox does not
 * change the time zone of the worker process.
 */
export const ROOT = join(__dirname, '..', '..', '..');

/**
 * Sources emitted for the child processes. `noResolve` keeps other command groups' lazily
 * required (Nest/TypeORM) modules out of the build, so compiling takes about a second.
 */
const INCLUDE = [
  'src/cli.ts',
  'src/cli/**/*.ts',
  // Every pure domain folder (ESLint keeps them free of Nest/TypeORM): CLI command definitions
  // may import their constants and parsers at the top level.
  'src/modules/*/domain/**/*.ts',
  'src/shared/domain/**/*.ts',
];

export interface CompiledBuild {
  readonly outDir: string;
  /** Runs `node <outDir>/src/cli.js ...args` with the given TZ and stdin. */
  runCli(
    args: readonly string[],
    options?: { tz?: string; input?: string },
  ): SpawnSyncReturns<string>;
  /** Runs a CommonJS script (given as text) with argv[2] = outDir. */
  runScript(script: string, options: { tz: string; input?: string }): SpawnSyncReturns<string>;
  remove(): void;
}

export function compileBuild(): CompiledBuild {
  const dir = mkdtempSync(join(tmpdir(), 'govinfo-unit-'));
  const outDir = join(dir, 'out');
  const tsconfig = {
    extends: join(ROOT, 'tsconfig.json'),
    compilerOptions: {
      outDir,
      rootDir: ROOT,
      noCheck: true,
      incremental: false,
      sourceMap: false,
      ignoreDeprecations: '6.0',
      types: [],
      noResolve: true,
    },
    include: INCLUDE.map((e) => join(ROOT, e)),
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
  try {
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.json')],
      {
        stdio: 'pipe',
      },
    );
  } catch {
    // tsc exits non-zero on diagnostics but still emits; a missing entry point is the real failure.
  }
  if (!existsSync(join(outDir, 'src/cli.js')))
    throw new Error(`compiling the CLI into ${outDir} failed`);
  const env = (tz: string): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH,
    NODE_PATH: join(ROOT, 'node_modules'),
    TZ: tz,
  });
  return {
    outDir,
    runCli: (args, options = {}) =>
      spawnSync(process.execPath, [join(outDir, 'src/cli.js'), ...args], {
        encoding: 'utf8',
        env: env(options.tz ?? 'UTC'),
        input: options.input ?? '',
      }),
    runScript: (script, options) => {
      const file = join(dir, 'script.js');
      writeFileSync(file, script);
      return spawnSync(process.execPath, [file, outDir], {
        encoding: 'utf8',
        env: env(options.tz),
        input: options.input ?? '',
      });
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
