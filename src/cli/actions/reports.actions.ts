import { writeFileSync } from 'node:fs';
import { AnnualReportService } from '../../modules/reports/annual-report.service';
import { ReportDeadlines } from '../../modules/reports/report-deadlines.service';
import { renderReport } from '../../modules/reports/render/render-report';
import { HistoricalImport } from '../../modules/requests/historical-import.service';
import { Refusal } from '../../shared/domain/refusal';
import { importFile } from '../support/import-file';
import { operator } from '../support/operator';
import { UsageError } from '../usage-error';
import { withApp } from '../support/with-app';

export async function report(opts: {
  year: string;
  agency: string;
  subtree?: boolean;
  formatVersion?: '2021' | '2019_TRIAL' | '2008';
  format: 'json' | 'html' | 'md' | 'xlsx' | 'docx';
  out?: string;
}): Promise<void> {
  if ((opts.format === 'xlsx' || opts.format === 'docx') && !opts.out)
    throw new UsageError(`--format ${opts.format} needs --out FILE`);
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
  const body =
    opts.format === 'json'
      ? Buffer.from(`${JSON.stringify(r)}\n`)
      : await renderReport(r, opts.format);
  if (opts.out) writeFileSync(opts.out, body);
  else process.stdout.write(body);
}

/** `import cases --file F.jsonl`: historical cases, all or nothing. */
export function importCases(file: string): Promise<void> {
  return importFile(file, (app, text, progress) =>
    app.get(HistoricalImport).import(text, progress),
  );
}

/** `report-deadlines --year Y`: the D-13 due dates of year Y's reports, on the timers. */
export async function openYear(yearText: string): Promise<void> {
  const year = Number(yearText);
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new UsageError('--year must be a year from 2000 to 2100');
  const out = await withApp((app) => app.get(ReportDeadlines).openYear(year));
  process.stdout.write(`${JSON.stringify({ year, ...out })}\n`);
}
