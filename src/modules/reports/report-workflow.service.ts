import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../infra/clock/clock';
import { UnitOfWork } from '../../infra/database/unit-of-work';
import { Storage } from '../../infra/storage/storage';
import { decided, Refusal } from '../../shared/domain/refusal';
import type { Permission } from '../access/domain/roles';
import type { Principal } from '../access/domain/principal';
import { AgenciesRepository } from '../agencies/agencies.repository';
import type { Agency } from '../agencies/agency.entity';
import { AnnualReportService } from './annual-report.service';
import type { AnnualReportRecord } from './annual-report-record.entity';
import { publishable, reportTransition, type ReportAction } from './domain/report-workflow';
import { fileNameOf, OUTPUT_FORMATS, renderReport } from './render/render-report';
import { ReportDeadlines } from './report-deadlines.service';
import { ReportRecordsRepository } from './report-records.repository';
import type { ReportVersion, StoredReportFile } from './report-version.entity';

export interface ReportKey {
  readonly year: number;
  readonly agencyCode: string;
  readonly subtree: boolean;
}

/** Where a published file is served (public). */
export const fileHref = (reportId: string, version: number, format: string) =>
  `/api/v1/published-reports/${reportId}/versions/${version}/${format}`;

export function versionView(v: ReportVersion) {
  return {
    version: v.version,
    publishedAt: v.publishedAt.toISOString(),
    note: v.note,
    formatVersion: v.formatVersion,
    files: v.files.map((f: StoredReportFile) => ({
      format: f.format,
      size: f.size,
      sha256: f.sha256,
      href: fileHref(v.reportId, v.version, f.format),
    })),
  };
}

/**
 * The publication workflow: a supervisor reviews the draft (`reports.review`), the reporting
 * officer publishes it (`reports.publish`) — refused while a check fails — which freezes every
 * format in storage with its SHA-256; a correction reopens it, and its next publication is a
 * new version carrying the note.
 */
@Injectable()
export class ReportWorkflowService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly records: ReportRecordsRepository,
    private readonly reports: AnnualReportService,
    private readonly agencies: AgenciesRepository,
    private readonly deadlines: ReportDeadlines,
    private readonly storage: Storage,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  private async agencyWith(p: Principal, permission: Permission, code: string): Promise<Agency> {
    const agency = await this.agencies.byCode(code);
    if (!agency || !p.can(permission, agency.path))
      throw new Refusal('agency-not-found', { agency: code });
    return agency;
  }

  async status(p: Principal, k: ReportKey) {
    const agency = await this.agencyWith(p, 'reports.read', k.agencyCode);
    const r = await this.records.find(agency.id, k.year, k.subtree);
    return this.view(agency, k, r);
  }

  private async view(agency: Agency, k: ReportKey, r: AnnualReportRecord | null) {
    return {
      id: r?.id ?? null,
      year: k.year,
      agency: { code: agency.code, name: agency.name },
      subtree: k.subtree,
      status: r?.status ?? 'draft',
      version: r?.version ?? 0,
      pendingNote: r?.pendingNote ?? null,
      versions: r ? (await this.records.versionsOf(r.id)).map(versionView) : [],
    };
  }

  review(p: Principal, k: ReportKey) {
    return this.move(p, k, 'reports.review', 'review');
  }

  reopen(p: Principal, k: ReportKey) {
    return this.move(p, k, 'reports.review', 'reopen');
  }

  correct(p: Principal, k: ReportKey, note: string) {
    return this.move(p, k, 'reports.publish', 'correct', note);
  }

  private async move(
    p: Principal,
    k: ReportKey,
    permission: Permission,
    action: ReportAction,
    note?: string,
  ) {
    const agency = await this.agencyWith(p, permission, k.agencyCode);
    const r = await this.uow.run(async (tx) => {
      const r = await this.records.lock(tx.m, agency.id, k.year, k.subtree);
      r.status = decided(reportTransition(r.status, action));
      if (action === 'review') {
        r.reviewedBy = p.userId;
        r.reviewedAt = this.clock.now();
      }
      if (action === 'correct') r.pendingNote = note ?? null;
      const saved = await this.records.save(tx.m, r);
      await this.deadlines.sync(tx, saved, agency.kind);
      return saved;
    });
    return this.view(agency, k, r);
  }

  async publish(p: Principal, k: ReportKey) {
    const agency = await this.agencyWith(p, 'reports.publish', k.agencyCode);
    // 结转下年度's cases are kept with the version (next year's R-AR-15 names them).
    const report = await this.reports.report(p, k, { carryOutRefs: true });
    const blocked = publishable(report.checks);
    if (!blocked.ok)
      throw new Refusal(blocked.refusal.code, blocked.refusal.params, [], {
        checks: report.checks.filter((c) => !c.ok),
      });
    const r = await this.uow.run(async (tx) => {
      const r = await this.records.lock(tx.m, agency.id, k.year, k.subtree);
      r.status = decided(reportTransition(r.status, 'publish'));
      const version = r.version + 1;
      const files: StoredReportFile[] = [];
      for (const format of OUTPUT_FORMATS) {
        const name = fileNameOf(report, format).toLowerCase();
        const stored = await this.storage.put(
          `reports/${r.id}/v${version}/${name}`,
          await renderReport(report, format),
        );
        files.push({ format, key: stored.key, size: stored.size, sha256: stored.sha256 });
      }
      await this.records.insertVersion(tx.m, {
        reportId: r.id,
        version,
        publishedAt: this.clock.now(),
        publishedBy: p.userId,
        note: r.pendingNote,
        formatVersion: report.formatVersion,
        content: JSON.parse(JSON.stringify(report)) as Record<string, unknown>,
        files,
      });
      r.version = version;
      r.pendingNote = null;
      const saved = await this.records.save(tx.m, r);
      await this.deadlines.sync(tx, saved, agency.kind);
      return saved;
    });
    return this.view(agency, k, r);
  }
}
