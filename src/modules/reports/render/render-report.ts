import type { AnnualReport } from '../domain/annual-report';
import { renderReportHtml, type HtmlOptions } from '../domain/render-html';
import { renderReportMarkdown } from '../domain/render-md';
import { renderReportDocx } from './render-docx';
import { renderReportXlsx } from './render-xlsx';

/** Every output of the annual report (the API's `format`, the CLI's `--format`). */
export const OUTPUT_FORMATS = ['json', 'html', 'md', 'xlsx', 'docx'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export const CONTENT_TYPES: Record<OutputFormat, string> = {
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** The report in one output format, as bytes. */
export async function renderReport(
  r: AnnualReport,
  format: OutputFormat,
  html: HtmlOptions = {},
): Promise<Buffer> {
  switch (format) {
    case 'json':
      return Buffer.from(JSON.stringify(r));
    case 'html':
      return Buffer.from(renderReportHtml(r, html));
    case 'md':
      return Buffer.from(renderReportMarkdown(r));
    case 'xlsx':
      return renderReportXlsx(r);
    case 'docx':
      return renderReportDocx(r);
  }
}

/** `2026-DQ-GA.xlsx` (the agency's code, and `-subtree` for the whole subtree). */
export function fileNameOf(r: AnnualReport, format: OutputFormat): string {
  return `${r.year}-${r.agency.code}${r.subtree ? '-subtree' : ''}.${format}`;
}
