import { readFileSync } from 'node:fs';
import type { INestApplicationContext } from '@nestjs/common';
import { SingleBar } from 'cli-progress';
import { UsageError } from '../usage-error';
import { withApp } from './with-app';

/** What every JSONL import answers: counts when it wrote, else every bad line. */
export type ImportOutcome =
  | ({ ok: true } & Record<string, unknown>)
  | {
      ok: false;
      problems: ReadonlyArray<{ line: number; field?: string | null; message: string }>;
    };

export type Progress = (done: number, total: number) => void;

/**
 * `import … --file F.jsonl`: reads the file, runs the import with a progress bar on a terminal
 * (cli-progress, on stderr), prints the counts, or every bad line and exit 2 (nothing written).
 */
export async function importFile(
  file: string,
  run: (app: INestApplicationContext, text: string, progress: Progress) => Promise<ImportOutcome>,
): Promise<void> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
  const bar = process.stderr.isTTY
    ? new SingleBar({ stream: process.stderr, format: '导入 {bar} {value}/{total}' })
    : null;
  let started = false;
  const outcome = await withApp((app) =>
    run(app, text, (done, total) => {
      if (!bar) return;
      if (!started) bar.start(total, 0);
      started = true;
      bar.update(done);
    }),
  );
  bar?.stop();
  if (!outcome.ok) {
    for (const p of outcome.problems)
      process.stderr.write(`line ${p.line}${p.field ? ` (${p.field})` : ''}: ${p.message}\n`);
    throw new UsageError(`${outcome.problems.length} problem(s) in ${file}; nothing was imported`);
  }
  const { ok: _ok, ...counts } = outcome;
  process.stdout.write(`${JSON.stringify(counts)}\n`);
}
