import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { AnnualReport } from '../domain/annual-report';
import { HEADINGS } from '../domain/report-format';
import {
  sectionFourGrid,
  sectionThreeGrid,
  sectionTwoGrid,
  type Grid,
} from '../domain/report-grid';

const FONT = 'SimSun';

/** A grid as a Word table: each merged cell once, with its row and column spans. */
function table(g: Grid): Table {
  const rows: TableRow[] = [];
  for (let y = 0; y < g.rows; y++) {
    const cells = g.cells
      .filter((c) => c.row === y)
      .sort((a, b) => a.col - b.col)
      .map(
        (c) =>
          new TableCell({
            rowSpan: c.rowSpan,
            columnSpan: c.colSpan,
            verticalAlign: VerticalAlign.CENTER,
            children: [
              new Paragraph({
                alignment: c.label && c.col < 3 ? AlignmentType.LEFT : AlignmentType.CENTER,
                children: [new TextRun({ text: String(c.value), font: FONT, size: 21 })],
              }),
            ],
          }),
      );
    rows.push(new TableRow({ children: cells }));
  }
  return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } });
}

const prose = (text: string | undefined): Paragraph[] =>
  (text ?? '（文字描述）').split('\n').map(
    (p) =>
      new Paragraph({
        indent: { firstLine: 480 },
        children: [new TextRun({ text: p, font: FONT, size: 24 })],
      }),
  );

const heading = (text: string) =>
  new Paragraph({
    heading: HeadingLevel.HEADING_2,
    children: [new TextRun({ text, font: FONT })],
  });

/**
 * The report as a Word document, which offices edit and file: the title, the six headings of
 * the format, the narrative, and the official tables with T30's merges (the 2008 report as
 * prose, like the 2013 seed).
 */
export async function renderReportDocx(r: AnnualReport): Promise<Buffer> {
  const h = HEADINGS[r.formatVersion];
  const n = r.narrative;
  const is2008 = r.formatVersion === '2008';
  const two = sectionTwoGrid(r);
  const children: Array<Paragraph | Table> = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      children: [
        new TextRun({ text: `${r.year}年${r.agency.name}政府信息公开工作年度报告`, font: FONT }),
      ],
    }),
  ];
  if (r.preview)
    children.push(...prose(`预览：本报告按${r.formatVersion}格式生成，非该年度规定格式。`));
  children.push(heading(h[0]), ...prose(n.overview));
  children.push(heading(h[1]), ...(is2008 || !two ? prose(n.proactive) : [table(two)]));
  children.push(heading(h[2]), ...(is2008 ? prose(n.applications) : [table(sectionThreeGrid(r))]));
  children.push(heading(h[3]), ...(is2008 ? prose(n.remedies) : [table(sectionFourGrid(r))]));
  children.push(heading(h[4]), ...prose(is2008 ? n.fees : n.problems));
  children.push(
    heading(h[5]),
    ...(is2008
      ? [...prose(`主要问题：${n.problems}`), ...prose(`改进措施：${n.improvements}`)]
      : prose(n.other)),
  );
  const doc = new Document({
    creator: 'govinfo',
    title: `${r.year}年${r.agency.name}政府信息公开工作年度报告`,
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
