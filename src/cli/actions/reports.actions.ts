import { readFileSync, writeFileSync } from 'node:fs';
import { SingleBar } from 'cli-progress';
import { AnnualReportService } from '../../modules/reports/annual-report.service';
import { renderReportHtml } from '../../modules/reports/domain/render-html';
import { renderReportMarkdown } from '../../modules/reports/domain/render-md';
import { HistoricalImport } from '../../modules/requests/historical-import.service';
import { Refusal } from '../../shared/domain/refusal';
import { operator } from '../support/operator';
import { UsageError } from '../usage-error';
import { withApp } from '../support/with-app';

export async function report(opts: {
  year: string;
  agency: string;
  subtree?: boolean;
  formatVersion?: '2021' | '2019_TRIAL' | '2008';
  format: 'json' | 'html' | 'md';
  out?: string;
}): Promise<void> {
  const year = Number(opts.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new UsageError('--year must be a year from 2000 to 2100');
  const r = await withApp(async (app) =>
    app
      .get(AnnualReportService)
      .report(await operator(app), {
        year,
        agencyCode: opts.agency,
        subtree: opts.subtree === true,
        formatVersion: opts.formatVersion,
      })
      .catch((err: unknown) => {
        if (err instanceof Refusal) throw new UsageError(err.message);
        throw err;
      }),
  );
  const text =
    opts.format === 'html'
      ? renderReportHtml(r)
      : opts.format === 'md'
        ? renderReportMarkdown(r)
        : `${JSON.stringify(r)}\n`;
  if (opts.out) writeFileSync(opts.out, text);
  else process.stdout.write(text);
}

export async function importCases(file: string): Promise<void> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
  const bar = process.stderr.isTTY
    ? new SingleBar({ stream: process.stderr, format: '导入 {bar} {value}/{total}' })
    : null;
  const outcome = await withApp((app) =>
    app.get(HistoricalImport).import(text, (done, total) => {
      if (!bar) return;
      if (done <= Math.min(5_000, total)) bar.start(total, 0);
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
