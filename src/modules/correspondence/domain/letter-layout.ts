import type { AgencyContact } from '../../agencies/domain/agency';
import { InvalidLetterInputError } from './correspondence-errors';
import { markup, type Html } from './html';
import type { LetterBase, RequestSummary } from './letter-context';
import { chineseDate, clause, documentNumber, requireText } from './letter-format';

export interface DocumentParts {
  readonly base: LetterBase;
  /** Chinese title (标题), e.g. 政府信息公开申请答复书. */
  readonly title: string;
  /** Optional short English line under the title. */
  readonly titleEn?: string;
  /** Name of the addressee (主送), printed followed by a full-width colon. */
  readonly addressee: string;
  readonly body: Html;
}

/** Checks the fields shared by every letter; returns the formatted 文号. */
function checkBase(base: LetterBase): string {
  requireText(base.agency.name, 'agency.name');
  requireText(base.referenceNumber, 'referenceNumber');
  if (typeof base.documentNumber === 'string') {
    return requireText(base.documentNumber, 'documentNumber');
  }
  return documentNumber(base.documentNumber);
}

function contactLine(contact: AgencyContact | null | undefined): Html {
  const items: Html[] = [];
  const add = (label: string, value: string | null | undefined): void => {
    if (value?.trim()) items.push(markup`<span class="item">${label}：${value.trim()}</span>`);
  };
  add('通讯地址', contact?.address);
  add('邮政编码', contact?.postcode);
  add('联系电话', contact?.phone);
  add('电子邮箱', contact?.email);
  add('网址', contact?.website);
  return markup`${items}`;
}

/**
 * A complete, printable A4 letter in the style of an official document (红头): agency name in
 * red over a red rule, 文号, title, case reference, addressee, body, dated signature and the
 * agency's contact details in the footer.
 */
export function renderDocument(parts: DocumentParts): string {
  const { base, title, titleEn } = parts;
  const docNo = checkBase(base);
  const addressee = requireText(parts.addressee, 'addressee');
  const agency = base.agency.name.trim();
  const issued = chineseDate(base.issuedOn, 'issuedOn');
  const page = markup`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
@page { size: A4; margin: 25mm 20mm; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: #000; background: #fff; font-family: "FangSong", "STFangsong", "Noto Serif CJK SC", "SimSun", serif; font-size: 16pt; line-height: 1.75; }
.letter { max-width: 170mm; margin: 0 auto; }
.letterhead { text-align: center; color: #d40000; }
.letterhead .agency { font-family: "FZXiaoBiaoSong-B05S", "Noto Serif CJK SC", "SimSun", serif; font-size: 30pt; font-weight: bold; letter-spacing: 0.1em; line-height: 1.3; margin: 0; }
.red-rule { border: 0; border-top: 2px solid #d40000; margin: 4mm 0 2mm; }
.doc-no { text-align: center; margin: 0 0 6mm; }
h1.title { font-family: "FZXiaoBiaoSong-B05S", "Noto Serif CJK SC", "SimSun", serif; font-size: 22pt; font-weight: bold; text-align: center; margin: 0; line-height: 1.5; }
.title-en { text-align: center; font-size: 11pt; color: #444; margin: 0; }
.ref { text-align: right; font-size: 12pt; margin: 4mm 0; }
.addressee { margin: 0; }
.body p { text-indent: 2em; margin: 0; text-align: justify; }
.body ol, .body ul { margin: 0 0 0 2em; padding-left: 1em; }
.body table { border-collapse: collapse; width: 100%; margin: 2mm 0; font-size: 12pt; line-height: 1.5; }
.body th, .body td { border: 1px solid #000; padding: 1mm 2mm; vertical-align: top; text-align: left; }
.body .remedy { margin-top: 2mm; }
.signature { margin: 12mm 0 0 auto; width: max-content; text-align: center; }
.signature p { margin: 0; }
.contact { margin-top: 12mm; border-top: 1px solid #000; padding-top: 2mm; font-size: 11pt; line-height: 1.6; }
.contact .item { margin-right: 2em; white-space: nowrap; }
@media print { .letter { max-width: none; } }
</style>
</head>
<body>
<article class="letter">
<header class="letterhead">
<p class="agency">${agency}</p>
<hr class="red-rule">
</header>
<p class="doc-no">${docNo}</p>
<h1 class="title">${title}</h1>
${titleEn ? markup`<p class="title-en" lang="en">${titleEn}</p>` : null}
<p class="ref">受理编号：${base.referenceNumber.trim()}</p>
<p class="addressee">${addressee}：</p>
<section class="body">
${parts.body}${provisionalNote(base.provisionalYears)}</section>
<div class="signature">
<p class="signer">${agency}</p>
<p class="date">${issued}</p>
</div>
<footer class="contact">
<span class="item">联系机关：${agency}</span>${contactLine(base.agency.contact)}
</footer>
</article>
</body>
</html>
`;
  return page.markup;
}

/**
 * R-WD-04: a date counted over a year whose holiday notice is not yet published rests on
 * weekends only; the letter says so and that it will be recounted.
 */
function provisionalNote(years: readonly number[] | null | undefined): Html | null {
  if (!years?.length) return null;
  const list = [...new Set(years)].sort((a, b) => a - b).map((y) => `${y}年`);
  return markup`<p class="provisional">注：本文书所列日期涉及的${list.join('、')}节假日安排国务院办公厅尚未公布，暂按周六、周日休息计算；节假日安排公布后日期如有变化，本机关将另行告知。</p>
`;
}

/** “标题”（文号：…）：描述 — what the applicant asked for (OGI-2019 Art 29(2)). */
export function requestedInformation(request: RequestSummary): Html {
  const title = request.title?.trim();
  const description = request.description ? clause(request.description) : undefined;
  const docNo = request.docNo?.trim();
  if (!title && !description) {
    throw new InvalidLetterInputError(
      'request',
      'give the title or a description of the information',
    );
  }
  const named = title ? markup`“${title}”${docNo ? markup`（文号：${docNo}）` : null}` : null;
  if (named && description) return markup`${named}（内容描述：${description}）`;
  return named ?? markup`“${description}”`;
}

/** A body paragraph (indented two characters). */
export function para(content: Html | string): Html {
  return markup`<p>${content}</p>\n`;
}
