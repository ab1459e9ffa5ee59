import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../infra/database/unit-of-work';
import { AgenciesRepository } from './agencies.repository';
import { AgenciesService } from './agencies.service';
import { parseAgencyImport, type ImportProblem } from './domain/agency-import';

export type ImportOutcome =
  | { ok: true; created: number; updated: number; moved: number; unchanged: number }
  | { ok: false; problems: ImportProblem[] };

/**
 * `cli agencies import --file F.jsonl`: all lines are checked first; then everything is
 * applied in one transaction (all or nothing). Re-importing the same file changes nothing.
 */
@Injectable()
export class AgenciesImportService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: AgenciesRepository,
    private readonly agencies: AgenciesService,
  ) {}

  async import(text: string): Promise<ImportOutcome> {
    const existing = await this.repo.allCodes();
    const parsed = parseAgencyImport(text, new Set(existing.map((a) => a.code)));
    if (!parsed.ok) return parsed;
    return this.uow.run(async ({ m: tx }) => {
      const counts = { created: 0, updated: 0, moved: 0, unchanged: 0 };
      for (const rec of parsed.records) {
        const current = await this.agencies.findByCode(rec.code, tx);
        if (!current) {
          await this.agencies.create(null, rec, tx);
          counts.created++;
          continue;
        }
        const { code: _code, parentCode, ...fields } = rec;
        const before = current.version;
        const after = await this.agencies.update(null, rec.code, fields, tx);
        const currentParent = current.parentId
          ? (await this.repo.byId(current.parentId, tx))?.code
          : null;
        let moved = false;
        if (parentCode && parentCode !== currentParent) {
          await this.agencies.move(null, rec.code, parentCode, tx);
          moved = true;
        }
        if (moved) counts.moved++;
        else if (after.version !== before) counts.updated++;
        else counts.unchanged++;
      }
      return { ok: true as const, ...counts };
    });
  }
}
