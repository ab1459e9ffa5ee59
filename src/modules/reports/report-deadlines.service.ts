import { Injectable } from '@nestjs/common';
import { UnitOfWork, type Tx } from '../../infra/database/unit-of-work';
import { DeadlineBook } from '../timers/deadline-book.service';
import type { AnnualReportRecord } from './annual-report-record.entity';
import { officialSubtree, reportDueOn, type AgencyKind } from './domain/report-workflow';
import { ReportRecordsRepository } from './report-records.repository';

/**
 * The D-13 due date of each agency's own report as a deadline on the timers (subject `report`):
 * live until the report is published, then resolved; a correction (back to draft) does not
 * revive it — the due date was met by the first publication.
 */
@Injectable()
export class ReportDeadlines {
  constructor(
    private readonly book: DeadlineBook,
    private readonly records: ReportRecordsRepository,
    private readonly uow: UnitOfWork,
  ) {}

  async sync(tx: Tx, r: AnnualReportRecord, kind: AgencyKind): Promise<void> {
    const due = officialSubtree(kind) === r.subtree && r.version === 0;
    await this.book.sync(
      tx,
      { type: 'report', id: r.id, year: r.year, agencyId: r.agencyId },
      due ? [{ kind: 'report_due', ref: '', dueOn: reportDueOn(r.year, kind) }] : [],
    );
  }

  /**
   * Opens reporting year `year`: every active agency's own report (a government's for its
   * subtree) gets its record and due date. Idempotent.
   */
  async openYear(year: number): Promise<{ reports: number }> {
    const agencies = await this.records.activeAgencies();
    for (const a of agencies) {
      const kind = a.kind as AgencyKind;
      await this.uow.run(async (tx) => {
        const r = await this.records.lock(tx.m, a.id, year, officialSubtree(kind));
        await this.sync(tx, r, kind);
      });
    }
    return { reports: agencies.length };
  }
}
