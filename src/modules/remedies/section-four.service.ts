import { Injectable } from '@nestjs/common';
import { Refusal } from '../../shared/domain/refusal';
import type { Principal } from '../access/domain/principal';
import { AgenciesRepository } from '../agencies/agencies.repository';
import { outcomesOf } from './domain/remedy-rules';
import {
  columnOf,
  countingAgencyCode,
  sectionFour,
  type CountedRemedy,
  type SectionFour,
  type SectionFourColumn,
} from './domain/section-four';
import { RemediesRepository } from './remedies.repository';

export interface SectionFourReport {
  year: number;
  agency: { code: string; name: string };
  subtree: boolean;
  figures: SectionFour;
  /** Every remedy counted, with its column: each figure traces to its remedies. */
  remedies: Array<{
    id: string;
    caseId: string;
    kind: string;
    countedBy: string;
    column: SectionFourColumn;
  }>;
}

/**
 * Section 四 for an agency (or its subtree) and year, counted from the remedies (D-16): the
 * column is each remedy's state at 31 Dec of its filing year, computed, never stored; R-AR-21
 * decides which agency counts a suit.
 */
@Injectable()
export class SectionFourService {
  constructor(
    private readonly remedies: RemediesRepository,
    private readonly agencies: AgenciesRepository,
  ) {}

  async report(
    p: Principal,
    input: { year: number; agencyCode: string; subtree: boolean },
  ): Promise<SectionFourReport> {
    const agency = await this.agencies.byCode(input.agencyCode);
    if (!agency || !p.can('reports.read', agency.path))
      throw new Refusal('agency-not-found', { agency: input.agencyCode });
    const rows = await this.remedies.forSectionFour(p.scope('reports.read'), input.year);
    const counted: Array<CountedRemedy & { id: string; caseId: string; countedBy: string }> = [];
    for (const { r, agencyCode, pathOf } of rows) {
      const by = countingAgencyCode(r.kind, agencyCode, r.defendants);
      const path = by ? pathOf.get(by) : undefined;
      if (!by || !path) continue;
      if (input.subtree ? !path.startsWith(agency.path) : by !== agency.code) continue;
      counted.push({
        id: r.id,
        caseId: r.caseId,
        countedBy: by,
        kind: r.kind,
        countedOn: r.docketedOn ?? r.appliedOn,
        outcomes: outcomesOf(r),
      });
    }
    return {
      year: input.year,
      agency: { code: agency.code, name: agency.name },
      subtree: input.subtree,
      figures: sectionFour(counted, input.year),
      remedies: counted.flatMap((c) => {
        const column = columnOf(c, input.year);
        return column
          ? [{ id: c.id, caseId: c.caseId, kind: c.kind, countedBy: c.countedBy, column }]
          : [];
      }),
    };
  }
}
