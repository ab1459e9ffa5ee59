import {
  dayOfMonth,
  monthOf,
  parseLocalDate,
  yearOf,
  type LocalDate,
} from '../../calendar/domain/local-date';
import { Regime } from '../../deadlines/domain/regime';
import { InvalidLetterInputError } from './correspondence-errors';

/** '2026-03-02' → '2026年3月2日' (成文日期 in Arabic numerals, GB/T 9704-2012 §7.3.5.3). */
export function chineseDate(date: LocalDate, field = 'date'): string {
  const d = parseLocalDate(date, field);
  return `${yearOf(d)}年${monthOf(d)}月${dayOfMonth(d)}日`;
}

/** Parts of a document number (文号), e.g. 大庆市公安局〔2026〕依申请公开第000123号. */
export interface DocumentNumberParts {
  /** Issuing-agency prefix (机关代字), e.g. '大庆市公安局'. */
  readonly prefix: string;
  readonly year: number;
  /** Serial number within the year; printed zero-padded. */
  readonly seq: number;
  /** Category word between the year and the serial number; default '依申请公开'. */
  readonly category?: string;
  /** Digits of the padded serial number; default 6. */
  readonly width?: number;
}

export const DEFAULT_DOCUMENT_CATEGORY = '依申请公开';

/** Digits of the padded serial number unless a width is given. */
export const DEFAULT_DOCUMENT_WIDTH = 6;

/** Builds the 文号 line: `${prefix}〔${year}〕${category}第${seq padded}号` (year in 六角括号). */
export function documentNumber(parts: DocumentNumberParts): string {
  const { prefix, year, seq } = parts;
  const width = parts.width ?? DEFAULT_DOCUMENT_WIDTH;
  if (prefix.trim() === '') {
    throw new InvalidLetterInputError('documentNumber.prefix', 'must not be empty');
  }
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new InvalidLetterInputError(
      'documentNumber.year',
      `expected a 4-digit year, got ${year}`,
    );
  }
  if (!Number.isInteger(seq) || seq < 1) {
    throw new InvalidLetterInputError(
      'documentNumber.seq',
      `expected a positive whole number, got ${seq}`,
    );
  }
  if (!Number.isInteger(width) || width < 1 || width > 12) {
    throw new InvalidLetterInputError('documentNumber.width', `expected 1 to 12, got ${width}`);
  }
  return documentNumberAround(parts, String(seq).padStart(width, '0'));
}

/**
 * The 文号 around its serial digits, given as text: the padded number, or a placeholder that
 * PostgreSQL replaces when the number is taken in the transaction's last statement.
 */
export function documentNumberAround(
  parts: Omit<DocumentNumberParts, 'seq' | 'width'>,
  digits: string,
): string {
  const category = parts.category ?? DEFAULT_DOCUMENT_CATEGORY;
  return `${parts.prefix.trim()}〔${parts.year}〕${category.trim()}第${digits}号`;
}

/** Formal names of the two versions of the Regulations, as cited in letters (R-REG-01). */
export const REGULATION_NAME: Readonly<Record<Regime, string>> = {
  [Regime.Ogi2008]: '《中华人民共和国政府信息公开条例》（2007年公布）',
  [Regime.Ogi2019]: '《中华人民共和国政府信息公开条例》（2019年修订）',
};

/** The short name used after the first citation (以下简称). */
export const REGULATION_SHORT = '《政府信息公开条例》';

/** First citation in a letter: full name with version, then the short name used afterwards. */
export function regulationCitation(regime: Regime): string {
  return `${REGULATION_NAME[regime]}（以下简称${REGULATION_SHORT}）`;
}

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const GROUP_UNITS = ['', '万', '亿', '万亿'];

/** A 4-digit group in capitals; `leadingZero` marks a gap before it (壹万零壹拾). */
function group4(n: number): string {
  let out = '';
  let zero = false;
  for (let pos = 3; pos >= 0; pos -= 1) {
    const digit = Math.floor(n / 10 ** pos) % 10;
    if (digit === 0) {
      zero = out !== '';
    } else {
      out += (zero ? '零' : '') + DIGITS[digit] + SMALL_UNITS[pos];
      zero = false;
    }
  }
  return out;
}

/** Whole yuan in financial capitals (大写金额): 4700 → '肆仟柒佰元整', 10010 → '壹万零壹拾元整'. */
export function yuanInCapitals(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount < 0 || amount >= 1e16) {
    throw new InvalidLetterInputError('amountYuan', `expected whole yuan, got ${amount}`);
  }
  if (amount === 0) return '零元整';
  const groups: number[] = [];
  for (let rest = amount; rest > 0; rest = Math.floor(rest / 10_000)) groups.push(rest % 10_000);
  let out = '';
  let gap = false;
  for (let i = groups.length - 1; i >= 0; i -= 1) {
    const g = groups[i] ?? 0;
    if (g === 0) {
      gap = out !== '';
      continue;
    }
    const needsZero = out !== '' && (gap || g < 1000);
    out += (needsZero ? '零' : '') + group4(g) + GROUP_UNITS[i];
    gap = false;
  }
  return `${out}元整`;
}

/** 4700 → '4,700' (grouped Arabic numerals for amounts). */
export function groupedYuan(amount: number): string {
  return String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Rejects blank required text with a field-named error; returns the trimmed text. */
/**
 * Free text set inside a sentence of the letter: trimmed, without the sentence-ending
 * punctuation the clerk may have typed (the letter adds its own).
 */
export function clause(value: string): string {
  return value.trim().replace(/[。．.；;，,、\s]+$/u, '');
}

export function requireText(value: string | null | undefined, field: string): string {
  const text = value?.trim() ?? '';
  if (text === '') throw new InvalidLetterInputError(field, 'must not be empty');
  return text;
}

const LOWER_DIGITS = '零一二三四五六七八九';

/** A count 1–99 in Chinese numerals as letters print periods (六十日, 十五日, 六个月). */
export function chineseCount(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const units = n % 10;
  return `${tens === 0 ? '' : tens === 1 ? '十' : `${LOWER_DIGITS[tens]}十`}${units ? LOWER_DIGITS[units] : ''}`;
}
