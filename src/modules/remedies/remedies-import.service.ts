import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../infra/clock/clock';
import { UnitOfWork } from '../../infra/database/unit-of-work';
import { isSuit } from './domain/remedy';
import {
  IMPORTED_RESULT,
  parseRemedyImport,
  type RemedyImportProblem,
} from './domain/remedy-import';
import { RemediesRepository } from './remedies.repository';
import { RemedyActions } from './remedy-actions.service';

export type RemedyImportOutcome =
  { ok: true; created: number; unchanged: number } | { ok: false; problems: RemedyImportProblem[] };

/**
 * `cli import remedies --file F.jsonl`: every line is checked, then all are written in one
 * transaction (all or nothing). Each line's identity is its `externalRef` (or a hash of the line's
 * case, kind, day and body), so re-importing the same file changes nothing. Imported remedies
 * have no clocks; their state is what the file says.
 */
@Injectable()
export class RemediesImport {
  constructor(
    @Inject(Clock) private readonly clock: Clock,
    private readonly uow: UnitOfWork,
    private readonly remedies: RemediesRepository,
    private readonly actions: RemedyActions,
  ) {}

  async import(text: string): Promise<RemedyImportOutcome> {
    const parsed = parseRemedyImport(text);
    if (!parsed.ok) return parsed;
    return this.uow
      .run(async (tx) => {
        const problems: RemedyImportProblem[] = [];
        let created = 0;
        let unchanged = 0;
        for (const rec of parsed.records) {
          const c = await this.remedies.caseByReference(tx.m, rec.caseRef);
          if (!c) {
            problems.push({
              line: rec.line,
              field: 'caseRef',
              message: `no case ${rec.caseRef} · 未找到该申请`,
            });
            continue;
          }
          const externalRef =
            rec.externalRef ??
            `line:${createHash('sha256')
              .update(JSON.stringify([rec.caseRef, rec.kind, rec.filedOn, rec.body]))
              .digest('hex')
              .slice(0, 32)}`;
          if (await this.remedies.byExternalRef(tx.m, c.agencyId, externalRef)) {
            unchanged++;
            continue;
          }
          const today = this.clock.today();
          if (rec.filedOn > today || (rec.concludedOn ?? '') > today) {
            problems.push({
              line: rec.line,
              field: 'filedOn',
              message: 'in the future · 不能晚于今天',
            });
            continue;
          }
          const agency = await this.remedies.agencyById(tx.m, c.agencyId);
          const r = await this.actions.insert(
            tx,
            c,
            agency,
            {
              kind: rec.kind,
              appliedOn: rec.filedOn,
              bodyName: rec.body,
              ...(rec.defendants.length ? { defendants: rec.defendants } : {}),
              source: 'import',
              externalRef,
            },
            { role: 'import', id: null },
          );
          const suit = isSuit(rec.kind);
          Object.assign(r, {
            acceptedOn: rec.kind === 'reconsideration' ? rec.filedOn : null,
            docketedOn: suit ? rec.filedOn : null,
            status: rec.result
              ? rec.kind === 'complaint'
                ? 'handled'
                : 'decided'
              : rec.kind === 'reconsideration'
                ? 'accepted'
                : suit
                  ? 'docketed'
                  : 'received',
            decisions:
              rec.result && rec.concludedOn && rec.kind !== 'complaint'
                ? [
                    {
                      instance: 1,
                      decidedOn: rec.concludedOn,
                      result: IMPORTED_RESULT[rec.result],
                      form: suit ? 'judgment' : null,
                      servedOn: null,
                    },
                  ]
                : [],
            endedOn: rec.kind === 'complaint' ? rec.concludedOn : null,
          });
          await this.remedies.save(tx.m, r);
          created++;
        }
        if (problems.length) throw new ImportRejected(problems);
        return { ok: true as const, created, unchanged };
      })
      .catch((err: unknown) => {
        if (err instanceof ImportRejected) return { ok: false as const, problems: err.problems };
        throw err;
      });
  }
}

/** Rolls the import back when a line names an unknown case (nothing of the file is written). */
class ImportRejected extends Error {
  constructor(readonly problems: RemedyImportProblem[]) {
    super('import rejected');
  }
}
