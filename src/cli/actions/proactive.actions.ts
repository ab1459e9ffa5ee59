import { readFileSync } from 'node:fs';
import { SingleBar } from 'cli-progress';
import { ProactiveImport } from '../../modules/proactive/proactive-import.service';
import { UsageError } from '../usage-error';
import { withApp } from '../support/with-app';

/** `import proactive --file F.jsonl`: register items and section 二 figures, all or nothing. */
export async function importProactive(file: string): Promise<void> {
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
    app.get(ProactiveImport).import(text, (done, total) => {
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
