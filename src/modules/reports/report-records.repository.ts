import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AnnualReportRecord } from './annual-report-record.entity';
import { ReportVersion } from './report-version.entity';

/** The publication records of annual reports and their frozen versions. */
@Injectable()
export class ReportRecordsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The record of (agency, year, subtree), created as a draft when missing, locked in `m`. */
  async lock(
    m: EntityManager,
    agencyId: string,
    year: number,
    subtree: boolean,
  ): Promise<AnnualReportRecord> {
    await m.query(
      `INSERT INTO annual_report (agency_id, year, subtree) VALUES ($1, $2, $3)
       ON CONFLICT (agency_id, year, subtree) DO NOTHING`,
      [agencyId, year, subtree],
    );
    return m
      .getRepository(AnnualReportRecord)
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.agency_id = :agencyId AND r.year = :year AND r.subtree = :subtree', {
        agencyId,
        year,
        subtree,
      })
      .getOneOrFail();
  }

  lockById(m: EntityManager, id: string): Promise<AnnualReportRecord | null> {
    return m
      .getRepository(AnnualReportRecord)
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.id = :id', { id })
      .getOne();
  }

  find(agencyId: string, year: number, subtree: boolean): Promise<AnnualReportRecord | null> {
    return this.db.getRepository(AnnualReportRecord).findOneBy({ agencyId, year, subtree });
  }

  save(m: EntityManager, r: AnnualReportRecord): Promise<AnnualReportRecord> {
    return m.getRepository(AnnualReportRecord).save(r);
  }

  insertVersion(m: EntityManager, v: ReportVersion): Promise<ReportVersion> {
    return m.getRepository(ReportVersion).save(v);
  }

  /** The latest published version of (agency, year, subtree), or null. */
  async latestPublished(
    agencyId: string,
    year: number,
    subtree: boolean,
  ): Promise<ReportVersion | null> {
    return this.db
      .getRepository(ReportVersion)
      .createQueryBuilder('v')
      .innerJoin(AnnualReportRecord, 'r', 'r.id = v.report_id')
      .where('r.agency_id = :agencyId AND r.year = :year AND r.subtree = :subtree', {
        agencyId,
        year,
        subtree,
      })
      .orderBy('v.version', 'DESC')
      .getOne();
  }

  versionsOf(reportId: string): Promise<ReportVersion[]> {
    return this.db.getRepository(ReportVersion).find({
      where: { reportId },
      order: { version: 'ASC' },
      select: {
        reportId: true,
        version: true,
        publishedAt: true,
        note: true,
        formatVersion: true,
        files: true,
      },
    });
  }

  version(reportId: string, version: number): Promise<ReportVersion | null> {
    return this.db.getRepository(ReportVersion).findOneBy({ reportId, version });
  }

  /** Every version published for the agency, newest year first (the public list). */
  async publishedOf(
    agencyId: string,
  ): Promise<Array<AnnualReportRecord & { versions: ReportVersion[] }>> {
    const records = await this.db.getRepository(AnnualReportRecord).find({
      where: { agencyId },
      order: { year: 'DESC', subtree: 'ASC' },
    });
    const out: Array<AnnualReportRecord & { versions: ReportVersion[] }> = [];
    for (const r of records.filter((x) => x.version > 0))
      out.push(Object.assign(r, { versions: await this.versionsOf(r.id) }));
    return out;
  }

  /**
   * E-mails of the reporting officers of an agency: those at the agency itself, else at the
   * nearest agency above it that has any.
   */
  async reportingOfficerEmails(m: EntityManager, agencyId: string): Promise<string[]> {
    const rows = await m.query<Array<{ email: string; depth: number }>>(
      `SELECT DISTINCT u.email, s.depth FROM agency a JOIN agency s ON a.path LIKE s.path || '%'
         JOIN role_assignment r ON r.agency_id = s.id AND r.role = 'reporting_officer'
         JOIN app_user u ON u.id = r.user_id AND u.active
        WHERE a.id = $1 ORDER BY s.depth DESC, u.email`,
      [agencyId],
    );
    const deepest = rows[0]?.depth;
    return rows.filter((r) => r.depth === deepest).map((r) => r.email);
  }

  async supervisorEmails(m: EntityManager, agencyId: string): Promise<string[]> {
    const rows = await m.query<Array<{ email: string }>>(
      `SELECT DISTINCT u.email FROM agency a JOIN agency s ON a.path LIKE s.path || '%'
         JOIN role_assignment r ON r.agency_id = s.id AND r.role = 'supervisor'
         JOIN app_user u ON u.id = r.user_id AND u.active
        WHERE a.id = $1 ORDER BY u.email`,
      [agencyId],
    );
    return rows.map((r) => r.email);
  }

  /** Active agencies that report (every kind), for opening a reporting year. */
  activeAgencies(): Promise<Array<{ id: string; kind: string }>> {
    return this.db.query(`SELECT id, kind FROM agency WHERE active ORDER BY path`);
  }
}
