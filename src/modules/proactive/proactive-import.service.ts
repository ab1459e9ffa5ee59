import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../infra/clock/clock';
import { UnitOfWork } from '../../infra/database/unit-of-work';
import {
  itemKey,
  parseProactiveLine,
  type FigureRecord,
  type ItemRecord,
  type LineProblem,
} from './domain/import-line';
import { ProactiveRepository, type FigureRow, type ItemRow } from './proactive.repository';

export type ProactiveImportOutcome =
  | {
      ok: true;
      items: { created: number; unchanged: number };
      figures: { created: number; changed: number; unchanged: number };
      seconds: number;
    }
  | { ok: false; problems: LineProblem[] };

/**
 * `cli import proactive --file F.jsonl`: register items and section 二 figures. Every line is
 * checked first (bad lines reported with their numbers and fields, nothing of a bad file
 * written), then everything in one transaction. Re-importing changes nothing: an item is known
 * by its key (externalRef, else date, category and title), a figure by (agency, year, item) —
 * a figure line with other values replaces the row.
 */
@Injectable()
export class ProactiveImport {
  constructor(
    @Inject(Clock) private readonly clock: Clock,
    private readonly uow: UnitOfWork,
    private readonly repo: ProactiveRepository,
  ) {}

  async import(
    text: string,
    progress?: (done: number, total: number) => void,
  ): Promise<ProactiveImportOutcome> {
    const started = Date.now();
    const today = this.clock.today();
    const agencies = new Map((await this.repo.agencies()).map((a) => [a.code, a.id]));
    const problems: LineProblem[] = [];
    const items: ItemRecord[] = [];
    const figures: FigureRecord[] = [];
    const seen = new Set<string>();
    text.split(/\r?\n/).forEach((raw, i) => {
      if (!raw.trim()) return;
      const line = i + 1;
      const r = parseProactiveLine(raw, line, today);
      if (r.kind === 'bad') return void problems.push(...r.problems);
      const { agencyCode } = r.record;
      if (!agencies.has(agencyCode))
        return void problems.push({
          line,
          field: 'agencyCode',
          message: `no agency ${agencyCode} · 未找到该机构`,
        });
      const key =
        r.kind === 'item'
          ? `i\u0000${agencyCode}\u0000${itemKey(r.record)}`
          : `f\u0000${agencyCode}\u0000${r.record.year}\u0000${r.record.item}`;
      if (seen.has(key))
        return void problems.push({
          line,
          field: r.kind === 'item' ? 'externalRef' : 'item',
          message: 'repeated in this file · 文件中重复',
        });
      seen.add(key);
      if (r.kind === 'item') items.push(r.record);
      else figures.push(r.record);
    });
    if (problems.length) return { ok: false, problems };
    const itemRows: ItemRow[] = items.map((r) => ({
      id: randomUUID(),
      agencyId: agencies.get(r.agencyCode) as string,
      publishedOn: r.publishedOn,
      category: r.category,
      online: r.online,
      title: r.title,
      itemKey: itemKey(r),
      createdBy: null,
    }));
    const figureRows: FigureRow[] = figures.map((r) => ({
      agencyId: agencies.get(r.agencyCode) as string,
      year: r.year,
      item: r.item,
      values: r.values,
      updatedBy: null,
    }));
    const total = itemRows.length + figureRows.length;
    return this.uow.run(async (tx) => {
      let created = 0;
      for (let i = 0; i < itemRows.length; i += 10_000) {
        created += await this.repo.insertItems(tx.m, itemRows.slice(i, i + 10_000));
        progress?.(Math.min(i + 10_000, itemRows.length), total);
      }
      const f = await this.repo.upsertFigures(tx.m, figureRows);
      progress?.(total, total);
      return {
        ok: true as const,
        items: { created, unchanged: itemRows.length - created },
        figures: { ...f, unchanged: figureRows.length - f.created - f.changed },
        seconds: (Date.now() - started) / 1000,
      };
    });
  }
}
