import { Injectable } from '@nestjs/common';
import { invalidField, Refusal } from '../../shared/domain/refusal';
import type { Principal } from '../access/domain/principal';
import { AgenciesRepository } from '../agencies/agencies.repository';
import { REPLY_TYPE_INFO, type ReplyType } from '../law/domain/reply-type';
import { columnOfReport, type SectionFour } from '../remedies/domain/section-four';
import { ProactiveService } from '../proactive/proactive.service';
import { SectionFourService } from '../remedies/section-four.service';
import {
  annualReport,
  type AnnualReport,
  type ReportCase,
  type ReportInput,
  ZERO_FOUR,
} from './domain/annual-report';
import { formatForYear, type ReportFormat } from './domain/report-format';
import {
  mappedReplyTypes,
  sectionThreeOfGroups,
  type CaseFact,
  type PublishedCarryOut,
} from './domain/section-three';
import { sectionFourFromCounters, sectionThreeFromCounters } from './domain/counters';
import type { Table } from './domain/section-three';
import { NarrativeRepository } from './narrative.repository';
import { ReportCountersRepository } from './report-counters.repository';
import { ReportRecordsRepository } from './report-records.repository';
import { ReportsRepository, type AgencyRow } from './reports.repository';

export interface ReportRequest {
  readonly year: number;
  readonly agencyCode: string;
  readonly subtree: boolean;
  /** Overrides the year's format for a preview only (marked as such). */
  readonly formatVersion?: ReportFormat;
}

/** The 2008 report of a government's subtree has the seed's two groups (D-12). */
const GROUP_NAMES = ['市级行政机关', '县(区)政府'];

/**
 * Every figure of the annual report computed from the records (never typed): section 三 from
 * the cases (D-10, D-11, D-17), section 四 from the remedies module (not a second count),
 * fees from paid fee notices and imported history, section 二 from the proactive module (the
 * register, or the figures entered), the narrative drafted from all that unless saved, with the
 * integrity checks of the format.
 */
@Injectable()
export class AnnualReportService {
  constructor(
    private readonly repo: ReportsRepository,
    private readonly agencies: AgenciesRepository,
    private readonly sectionFour: SectionFourService,
    private readonly proactive: ProactiveService,
    private readonly narratives: NarrativeRepository,
    private readonly records: ReportRecordsRepository,
    private readonly counters: ReportCountersRepository,
  ) {}

  /** The agency of a report request, when `p` may read its reports (404 otherwise). */
  async agencyFor(p: Principal, code: string) {
    const agency = await this.agencies.byCode(code);
    if (!agency || !p.can('reports.read', agency.path))
      throw new Refusal('agency-not-found', { agency: code });
    return agency;
  }

  /** The cases section 三 counts this year and last (see ReportsRepository.cases). */
  async casesOf(
    agency: { path: string; kind: string },
    subtree: boolean,
    year: number,
    format: ReportFormat,
    /** Ids, agencies and topics too (the 2008 format, the drill-down). */
    detail = format === '2008',
    /** Only one applicant category's cases (a drill-down column other than 总计). */
    category: string | null = null,
  ): Promise<{ cases: ReportCase[]; all: AgencyRow[]; grouped: boolean }> {
    const all = await this.repo.agencies(agency.path, subtree);
    const grouped = format === '2008' && subtree && agency.kind === 'government';
    const rows = await this.repo.cases(agency.path, subtree, year, detail, category);
    const cases = rows.map((r) => ({
      id: r.id,
      referenceNo: r.reference_no,
      category: r.applicant_category as CaseFact['category'],
      receivedOn: r.received_on,
      concludedOn: r.concluded_on,
      conclusionRow: r.conclusion_type
        ? (REPLY_TYPE_INFO[r.conclusion_type as ReplyType]?.reportRow ?? null)
        : null,
      onTime: r.on_time,
      topic: r.topic,
      group: grouped ? groupIndex(agency.path, r.agency_path, all) : 0,
    }));
    return { cases, all, grouped };
  }

  /**
   * Sections 三 and 四 from the counters (the scale path: no case or remedy is read), the same
   * figures as the report's count (the property test in report-counters.spec.ts). 2021 and
   * trial formats; the 2008 format's groups, topics and timeliness need the cases.
   */
  async figuresFromCounters(
    p: Principal,
    req: ReportRequest,
  ): Promise<{ applications: Table; unmapped: number; remedies: SectionFour }> {
    const agency = await this.agencyFor(p, req.agencyCode);
    const format = req.formatVersion ?? formatForYear(req.year);
    if (format === '2008')
      throw invalidField('formatVersion', 'field-not-in-list', { values: '2021, 2019_TRIAL' });
    const three = sectionThreeFromCounters(
      await this.counters.upTo(agency.path, req.subtree, req.year),
      req.year,
      format,
    );
    const four = sectionFourFromCounters(
      await this.counters.remediesOf(agency.path, req.subtree, req.year),
    );
    return { applications: three.table, unmapped: three.unmapped, remedies: four };
  }

  /** 结转下年度 of the latest published version of a report, or null when never published. */
  async publishedCarryOut(
    agencyId: string,
    year: number,
    subtree: boolean,
  ): Promise<PublishedCarryOut | null> {
    const v = await this.records.latestPublished(agencyId, year, subtree);
    if (!v) return null;
    // Versions published before the counting moved into the database kept every row's cases.
    const content = v.content as unknown as AnnualReport & {
      casesByRow?: Record<string, string[]>;
    };
    return {
      version: v.version,
      carryOut: content.applications.carry_out,
      refs: content.carryOutRefs ?? content.casesByRow?.carry_out ?? [],
    };
  }

  /**
   * Section 三 of a 2021 or trial-format report counted by the database (a GROUP BY over the
   * year's cases); the reference numbers read only where a check names them (cases with no
   * result row, 上年结转 against a published previous year) or `carryOutRefs` asks for them.
   */
  private async counted(
    path: string,
    subtree: boolean,
    year: number,
    format: ReportFormat,
    published: boolean,
    carryOutRefs: boolean,
  ): Promise<NonNullable<ReportInput['counted']>> {
    const groups = await this.repo.caseGroups(path, subtree, year);
    const unmapped =
      sectionThreeOfGroups(groups, format).unmapped > 0
        ? await this.repo.caseRefs(path, subtree, year, {
            unmappedExcept: mappedReplyTypes(format),
          })
        : [];
    return {
      groups,
      unmapped,
      ...(published
        ? { carryInRefs: await this.repo.caseRefs(path, subtree, year, 'carry_in') }
        : {}),
      ...(carryOutRefs
        ? { carryOutRefs: await this.repo.caseRefs(path, subtree, year, 'carry_out') }
        : {}),
    };
  }

  async report(
    p: Principal,
    req: ReportRequest,
    opts: { carryOutRefs?: boolean } = {},
  ): Promise<AnnualReport> {
    const agency = await this.agencyFor(p, req.agencyCode);
    const yearFormat = formatForYear(req.year);
    const format = req.formatVersion ?? yearFormat;
    // The 2008 format counts case by case (its groups, topics and timeliness); the others in SQL.
    const { cases, all, grouped } =
      format === '2008'
        ? await this.casesOf(agency, req.subtree, req.year, format)
        : { cases: [], all: await this.repo.agencies(agency.path, req.subtree), grouped: false };
    const lastYearPublished = await this.publishedCarryOut(agency.id, req.year - 1, req.subtree);
    const counted =
      format === '2008'
        ? null
        : await this.counted(
            agency.path,
            req.subtree,
            req.year,
            format,
            lastYearPublished !== null,
            opts.carryOutRefs === true,
          );
    const groupOf = (path: string) => (grouped ? groupIndex(agency.path, path, all) : 0);
    const groupNames = grouped ? GROUP_NAMES : [agency.name];
    const four = await this.sectionFour.report(p, {
      year: req.year,
      agencyCode: agency.code,
      subtree: req.subtree,
    });
    const pathOfCode = new Map(all.map((a) => [a.code, a.path]));
    const remedies: SectionFour[] = groupNames.map(() => ({ ...ZERO_FOUR }));
    for (const r of four.remedies) {
      const g = groupOf(pathOfCode.get(r.countedBy) ?? agency.path);
      columnOfReport(remedies[g], r.column);
    }
    const feesYuan = groupNames.map(() => 0);
    for (const f of await this.repo.fees(agency.path, req.subtree, req.year))
      feesYuan[groupOf(f.agency_path)] += f.yuan;
    const register =
      format === '2008'
        ? (await this.proactive.registerOf(agency.path, req.subtree, req.year)).counts.map((c) => ({
            ...c,
            group: groupOf(c.agencyPath),
          }))
        : [];
    const figures =
      format === '2008'
        ? null
        : await this.proactive.sectionTwoOf(agency.path, req.subtree, req.year, format);
    return annualReport({
      year: req.year,
      agency: { code: agency.code, name: agency.name },
      subtree: req.subtree,
      format,
      preview: format !== yearFormat,
      cases,
      lastYear: cases,
      lastYearPublished,
      counted,
      withCarryOutRefs: opts.carryOutRefs === true,
      remedies,
      remedyTotals: four.figures,
      feesYuan,
      groupNames,
      whole: req.subtree && agency.kind === 'government' ? '全市' : agency.name,
      register,
      figures,
      saved: await this.narratives.saved(agency.id, req.year, req.subtree),
    });
  }
}

/** 0: the government itself and its departments; 1: the lower governments and theirs. */
function groupIndex(rootPath: string, path: string, all: readonly AgencyRow[]): number {
  if (path === rootPath) return 0;
  const childId = path.slice(rootPath.length).split('/').filter(Boolean)[0];
  const child = all.find((a) => a.id === childId);
  return child?.kind === 'government' ? 1 : 0;
}
