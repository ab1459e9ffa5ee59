import { Injectable } from '@nestjs/common';
import { formatForYear, resultRows, ROWS, type RowDef } from '../../reports/domain/report-format';
import { outcomeMix, type OutcomeGroup } from '../../reports/domain/outcome-mix';
import { sectionThreeOfGroups } from '../../reports/domain/section-three';
import { ReportsRepository } from '../../reports/reports.repository';
import {
  publicStatistics,
  type PublicStatistics,
} from '../../supervision/domain/public-statistics';
import { PublicStatisticsService } from '../../supervision/public-statistics.service';

export interface OutcomeRow {
  readonly id: string;
  /** The row's labels in the year's format (DOMAIN §2.3), e.g. （三）不予公开 › 1.属于国家秘密. */
  readonly labels: readonly string[];
  readonly n: number;
  readonly share: number | null;
}

export interface StatisticsPage {
  readonly figures: PublicStatistics;
  readonly outcomes: readonly OutcomeRow[];
  /** The label of the results' total row (（七）总计), from the format. */
  readonly totalLabel: string;
  /** The result rows summed by their group (（一）予以公开 … （六）其他处理; none in 2008). */
  readonly groups: readonly OutcomeGroup[];
}

/**
 * The public statistics of an agency's year: section 三 as the annual report counts it (its own
 * GROUP BY, `ReportsRepository.caseGroups`, and `sectionThreeOfGroups` — so 新收 and every row of
 * 办理结果 are the report's), with the supervisors' net working days to reply.
 */
@Injectable()
export class PublicStatisticsPage {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly supervision: PublicStatisticsService,
  ) {}

  /** Figures being computed, by agency, scope and year: concurrent visitors share one count. */
  private readonly running = new Map<string, Promise<StatisticsPage>>();

  of(agencyPath: string, subtree: boolean, year: number): Promise<StatisticsPage> {
    const key = `${agencyPath} ${subtree} ${year}`;
    const running = this.running.get(key);
    if (running) return running;
    const counting = this.count(agencyPath, subtree, year).finally(() => this.running.delete(key));
    this.running.set(key, counting);
    return counting;
  }

  private async count(agencyPath: string, subtree: boolean, year: number): Promise<StatisticsPage> {
    const format = formatForYear(year);
    const [groups, netDays] = await Promise.all([
      this.reports.caseGroups(agencyPath, subtree, year),
      this.supervision.netDays(agencyPath, subtree, year),
    ]);
    const three = sectionThreeOfGroups(groups, format);
    const t = three.table;
    // The 2008 format has no result rows: only the total.
    const rows = format === '2008' ? [] : resultRows(format);
    const figures = publicStatistics({
      received: t.new.tot,
      concluded: t.r_total.tot,
      onTime: three.onTime,
      late: three.late,
      netDays,
      outcomes: rows.map((id) => ({ id, n: t[id].tot })),
    });
    const defs = new Map<string, RowDef>(ROWS[format].map((r) => [r.id, r]));
    return {
      figures,
      groups: format === '2008' ? [] : outcomeMix(t, format),
      totalLabel: defs.get('r_total')?.l2 ?? defs.get('r_total')?.l1 ?? '',
      outcomes: figures.outcomes.map((o) => {
        const d = defs.get(o.id);
        return {
          ...o,
          labels: d ? [d.l2, d.l3].filter((l): l is string => l !== null) : [o.id],
        };
      }),
    };
  }
}
