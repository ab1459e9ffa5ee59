import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../infra/database/unit-of-work';
import { decided, invalidField, Refusal } from '../../shared/domain/refusal';
import type { Principal } from '../access/domain/principal';
import { AgenciesRepository } from '../agencies/agencies.repository';
import { FORMAT_NAMES } from '../proactive/domain/figures';
import { EDITABLE_SECTIONS, OVERVIEW_MAX, SECTION_MAX } from './domain/narrative';
import { formatForYear } from './domain/report-format';
import { reportTransition } from './domain/report-workflow';
import { NarrativeRepository } from './narrative.repository';
import { ReportRecordsRepository } from './report-records.repository';

export interface NarrativeEdit {
  readonly year: number;
  readonly agencyCode: string;
  readonly subtree: boolean;
  readonly section: string;
  readonly text: string;
}

/**
 * Saves a narrative section as the reporting officer edited it (`reports.write` on the agency
 * or above it): only the year's format's editable sections; section 一 of the 2021 and trial
 * formats within 1,000 characters (30号); in a draft only.
 */
@Injectable()
export class NarrativeService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: NarrativeRepository,
    private readonly agencies: AgenciesRepository,
    private readonly records: ReportRecordsRepository,
  ) {}

  async save(p: Principal, e: NarrativeEdit) {
    const agency = await this.agencies.byCode(e.agencyCode);
    if (!agency || !p.can('reports.write', agency.path))
      throw new Refusal('agency-not-found', { agency: e.agencyCode });
    const format = formatForYear(e.year);
    if (!EDITABLE_SECTIONS[format].includes(e.section))
      throw invalidField('section', 'field-not-in-format', FORMAT_NAMES[format]);
    const max = e.section === 'overview' && format !== '2008' ? OVERVIEW_MAX : SECTION_MAX;
    if ([...e.text].length > max) throw invalidField('text', 'field-length', { min: 1, max });
    const out = await this.uow.run(async (tx) => {
      // A reviewed or published report is not edited (a correction reopens it first).
      const r = await this.records.lock(tx.m, agency.id, e.year, e.subtree);
      decided(reportTransition(r.status, 'edit'));
      return this.repo.save(tx.m, {
        agencyId: agency.id,
        year: e.year,
        subtree: e.subtree,
        section: e.section,
        text: e.text,
        by: p.userId,
      });
    });
    return { ...e, agencyCode: agency.code, formatVersion: format, updatedAt: out.updatedAt };
  }
}
