import { readFileSync, writeFileSync } from 'node:fs';
import { CaseFileService } from '../../modules/remedies/case-file.service';
import { RemediesImport } from '../../modules/remedies/remedies-import.service';
import { SectionFourService } from '../../modules/remedies/section-four.service';
import { Refusal } from '../../shared/domain/refusal';
import { operator } from '../support/operator';
import { UsageError } from '../usage-error';
import { withApp } from '../support/with-app';

const refused = (err: unknown): never => {
  if (err instanceof Refusal) throw new UsageError(err.message);
  throw err;
};

export async function importFile(file: string): Promise<void> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
  const outcome = await withApp((app) => app.get(RemediesImport).import(text));
  if (!outcome.ok) {
    for (const p of outcome.problems)
      process.stderr.write(`line ${p.line}${p.field ? ` (${p.field})` : ''}: ${p.message}\n`);
    throw new UsageError(`${outcome.problems.length} problem(s) in ${file}; nothing was imported`);
  }
  const { ok: _ok, ...counts } = outcome;
  process.stdout.write(`${JSON.stringify(counts)}\n`);
}

export async function sectionFour(
  year: string,
  agencyCode: string,
  subtree: boolean,
): Promise<void> {
  const y = Number(year);
  if (!Number.isInteger(y) || y < 2000 || y > 2100)
    throw new UsageError('--year must be a year from 2000 to 2100');
  const report = await withApp(async (app) =>
    app
      .get(SectionFourService)
      .report(await operator(app), { year: y, agencyCode, subtree })
      .catch(refused),
  );
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

export async function caseFile(remedyId: string, out: string): Promise<void> {
  const f = await withApp(async (app) =>
    app
      .get(CaseFileService)
      .build(await operator(app), remedyId, null, null)
      .catch(refused),
  );
  writeFileSync(out, f.zip);
  process.stdout.write(`${JSON.stringify({ file: out, sha256: f.sha256, bytes: f.zip.length })}\n`);
}
