import { Injectable } from '@nestjs/common';
import { invalidField } from '../../shared/domain/refusal';
import type { Principal } from '../access/domain/principal';
import type { SectionFourColumn } from '../remedies/domain/section-four';
import { SectionFourService } from '../remedies/section-four.service';
import { AnnualReportService } from './annual-report.service';
import {
  CELL_SECTIONS,
  cellAxes,
  inFourColumn,
  sectionThreeCell,
  type CellSection,
} from './domain/report-cells';
import { formatForYear, type Column } from './domain/report-format';
import { ReportsRepository } from './reports.repository';

export interface CellRequest {
  readonly year: number;
  readonly agencyCode: string;
  readonly subtree: boolean;
  readonly section: string;
  readonly row: string;
  readonly column: string;
}

export interface CellItem {
  /** The case's reference number (受理编号). */
  readonly referenceNo: string;
  readonly caseId: string;
  /** Section 四: the remedy counted. */
  readonly remedyId?: string;
}

/**
 * Every figure resolves to what was counted in it: the cases of a section 三 cell, the
 * remedies (with their cases) of a section 四 cell — counted as the report counts them, in the
 * caller's reach (`reports.read` on the agency).
 */
@Injectable()
export class ReportCellsService {
  constructor(
    private readonly reports: AnnualReportService,
    private readonly sectionFour: SectionFourService,
    private readonly repo: ReportsRepository,
  ) {}

  async cell(p: Principal, q: CellRequest) {
    const agency = await this.reports.agencyFor(p, q.agencyCode);
    const format = formatForYear(q.year);
    if (!(CELL_SECTIONS as readonly string[]).includes(q.section))
      throw invalidField('section', 'field-not-in-list', { values: CELL_SECTIONS.join(', ') });
    const section = q.section as CellSection;
    const axes = cellAxes(section, format);
    if (!axes.rows.includes(q.row))
      throw invalidField('row', 'field-not-in-list', { values: axes.rows.join(', ') });
    if (!axes.columns.includes(q.column))
      throw invalidField('column', 'field-not-in-list', { values: axes.columns.join(', ') });
    const items = section === 'three' ? await this.three(agency, q, format) : await this.four(p, q);
    items.sort((a, b) =>
      a.referenceNo < b.referenceNo ? -1 : a.referenceNo > b.referenceNo ? 1 : 0,
    );
    return {
      year: q.year,
      agency: { code: agency.code, name: agency.name },
      subtree: q.subtree,
      formatVersion: format,
      section,
      row: q.row,
      column: q.column,
      value: items.length,
      items,
    };
  }

  private async three(
    agency: { path: string; kind: string },
    q: CellRequest,
    format: ReturnType<typeof formatForYear>,
  ): Promise<CellItem[]> {
    // One cell at a time: only its column's cases are read (sectionThreeCell applies the rules).
    const category = q.column === 'tot' ? null : q.column;
    const { cases } = await this.reports.casesOf(agency, q.subtree, q.year, format, true, category);
    const idOf = new Map(cases.map((c) => [c.referenceNo, c.id]));
    return sectionThreeCell(cases, q.year, format, q.row, q.column as Column).map((ref) => ({
      referenceNo: ref,
      caseId: idOf.get(ref) ?? '',
    }));
  }

  private async four(p: Principal, q: CellRequest): Promise<CellItem[]> {
    const four = await this.sectionFour.report(p, q);
    const counted = four.remedies.filter((r) =>
      inFourColumn(r.column, q.column as SectionFourColumn),
    );
    if (counted.length === 0) return [];
    const refs = await this.repo.referenceNos(counted.map((r) => r.caseId));
    return counted.map((r) => ({
      referenceNo: refs.get(r.caseId) ?? '',
      caseId: r.caseId,
      remedyId: r.id,
    }));
  }
}
