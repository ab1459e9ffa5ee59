import ExcelJS from 'exceljs';
import type { AnnualReport } from '../domain/annual-report';
import { HEADINGS } from '../domain/report-format';
import {
  sectionFourGrid,
  sectionThreeGrid,
  sectionTwoGrid,
  type Grid,
} from '../domain/report-grid';

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Writes a grid from `top` (1-based row): values, merges, borders; returns the next free row. */
function writeGrid(ws: ExcelJS.Worksheet, g: Grid, top: number): number {
  for (const c of g.cells) {
    const r = top + c.row;
    const k = 1 + c.col;
    if (c.rowSpan > 1 || c.colSpan > 1) ws.mergeCells(r, k, r + c.rowSpan - 1, k + c.colSpan - 1);
    const cell = ws.getCell(r, k);
    cell.value = c.value;
    cell.alignment = {
      vertical: 'middle',
      horizontal: c.label && c.col < 3 ? 'left' : 'center',
      wrapText: true,
    };
    for (let y = r; y < r + c.rowSpan; y++)
      for (let x = k; x < k + c.colSpan; x++) ws.getCell(y, x).border = BORDER;
  }
  return top + g.rows;
}

function sheet(wb: ExcelJS.Workbook, name: string, heading: string, grid: Grid, widths: number[]) {
  const ws = wb.addWorksheet(name, { pageSetup: { paperSize: 9, orientation: 'landscape' } });
  ws.getCell(1, 1).value = heading;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  writeGrid(ws, grid, 2);
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return ws;
}

/**
 * The report's tables as offices fill them in (one sheet per section, the heading in A1 and the
 * official table from row 2, with T30's merged cells and exact labels). Figures are numbers.
 */
export async function renderReportXlsx(r: AnnualReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'govinfo';
  wb.title = `${r.year}年${r.agency.name}政府信息公开工作年度报告`;
  const h = HEADINGS[r.formatVersion];
  const two = sectionTwoGrid(r);
  if (two) sheet(wb, '二', h[1], two, [24, 18, 18, 18]);
  sheet(wb, '三', h[2], sectionThreeGrid(r), [14, 18, 36, 8, 8, 8, 8, 8, 8, 8]);
  sheet(wb, '四', h[3], sectionFourGrid(r), Array<number>(15).fill(9));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
