import type { AnnualReport } from '../../reports/domain/annual-report';
import { HEADINGS } from '../../reports/domain/report-format';
import {
  sectionFourGrid,
  sectionThreeGrid,
  sectionTwoGrid,
  type Grid,
} from '../../reports/domain/report-grid';
import { gridTable, type HtmlTable } from './grid-table';

/** One section of a published report: its heading, then its paragraphs or its official table. */
export interface ReportSection {
  readonly heading: string;
  readonly paragraphs: readonly string[];
  readonly table: HtmlTable | null;
}

const paragraphs = (text: string | undefined) => (text ?? '（文字描述）').split('\n');

/**
 * The six sections of a published report as its HTML lays them out (render-html.ts): the
 * official headings, the narrative, and sections 二 三 四 drawn from the report's own grids (the
 * 2008 format in prose). Pure.
 */
export function sectionsOf(r: AnnualReport): ReportSection[] {
  const h = HEADINGS[r.formatVersion];
  const n = r.narrative;
  const is2008 = r.formatVersion === '2008';
  const prose = (heading: string, text: string | undefined): ReportSection => ({
    heading,
    paragraphs: paragraphs(text),
    table: null,
  });
  const table = (heading: string, grid: Grid | null): ReportSection => ({
    heading,
    paragraphs: [],
    table: grid ? gridTable(grid) : null,
  });
  return [
    prose(h[0], n.overview),
    is2008 ? prose(h[1], n.proactive) : table(h[1], sectionTwoGrid(r)),
    is2008 ? prose(h[2], n.applications) : table(h[2], sectionThreeGrid(r)),
    is2008 ? prose(h[3], n.remedies) : table(h[3], sectionFourGrid(r)),
    is2008 ? prose(h[4], n.fees) : prose(h[4], n.problems),
    is2008
      ? {
          heading: h[5],
          paragraphs: [`主要问题：${n.problems}`, `改进措施：${n.improvements}`],
          table: null,
        }
      : prose(h[5], n.other),
  ];
}
