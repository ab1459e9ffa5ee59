import { writeFileSync } from 'node:fs';
import { CaseFileService } from '../../modules/remedies/case-file.service';
import { RemediesImport } from '../../modules/remedies/remedies-import.service';
import { SectionFourService } from '../../modules/remedies/section-four.service';
import { Refusal } from '../../shared/domain/refusal';
import { operator } from '../support/operator';
import { UsageError } from '../usage-error';
import { importFile as runImport } from '../support/import-file';
import { withApp } from '../support/with-app';

const refused = (err: unknown): never => {
  if (err instanceof Refusal) throw new UsageError(err.message);
  throw err;
};

/** `… import --file F.jsonl`, all or nothing (one import runner for every command). */
export function importFile(file: string): Promise<void> {
  return runImport(file, (app, text) => app.get(RemediesImport).import(text));
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
