import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AgenciesService } from './agencies.service';
import { Agency } from './agency.entity';
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
    @InjectDataSource() private readonly db: DataSource,
    private readonly agencies: AgenciesService,
  ) {}

  async import(text: string): Promise<ImportOutcome> {
    const existing = await this.db.getRepository(Agency).find({ select: { id: true, code: true } });
    const parsed = parseAgencyImport(text, new Set(existing.map((a) => a.code)));
    if (!parsed.ok) return parsed;
    return this.db.transaction(async (tx) => {
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
          ? (await tx.getRepository(Agency).findOneBy({ id: current.parentId }))?.code
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
