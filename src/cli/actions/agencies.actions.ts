import { AgenciesImportService } from '../../modules/agencies/agencies-import.service';
import { AgenciesService } from '../../modules/agencies/agencies.service';
import { Agency } from '../../modules/agencies/agency.entity';
import { DataSource } from 'typeorm';
import { importFile as runImport } from '../support/import-file';
import { withApp } from '../support/with-app';

/** `… import --file F.jsonl`, all or nothing (one import runner for every command). */
export function importFile(file: string): Promise<void> {
  return runImport(file, (app, text) => app.get(AgenciesImportService).import(text));
}

export async function list(): Promise<void> {
  await withApp(async (app) => {
    const rows = await app
      .get(DataSource)
      .getRepository(Agency)
      .createQueryBuilder('a')
      .leftJoin(Agency, 'p', 'p.id = a.parent_id')
      .select([
        'a.code AS code',
        'a.name AS name',
        'a.kind AS kind',
        'p.code AS "parentCode"',
        'a.active AS active',
        'a.depth AS depth',
      ])
      .orderBy('a.path')
      .getRawMany<{
        code: string;
        name: string;
        kind: string;
        parentCode: string | null;
        active: boolean;
        depth: number;
      }>();
    for (const r of rows) process.stdout.write(`${JSON.stringify(r)}\n`);
  });
}

export async function deactivate(code: string, successorCode?: string): Promise<void> {
  await withApp((app) => app.get(AgenciesService).deactivate(null, code, successorCode ?? null));
  process.stdout.write(
    `${JSON.stringify({ code, active: false, ...(successorCode ? { successorCode } : {}) })}\n`,
  );
}

export async function move(code: string, parentCode: string): Promise<void> {
  await withApp((app) => app.get(AgenciesService).move(null, code, parentCode));
  process.stdout.write(`${JSON.stringify({ code, parentCode })}\n`);
}

export async function rename(code: string, name: string): Promise<void> {
  await withApp((app) => app.get(AgenciesService).update(null, code, { name }));
  process.stdout.write(`${JSON.stringify({ code, name })}\n`);
}
