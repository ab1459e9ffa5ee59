import { createHash, randomBytes } from 'node:crypto';
import type { Numbering, NumberFill, TakenNumbers } from '../../infra/database/json-insert';

/** A placeholder: letters and digits only, so no escaping (HTML, JSON, URL, text) alters it. */
const placeholder = (what: string) => `ZZ${what}${randomBytes(8).toString('hex')}ZZ`;

/** `column` as text, zero-padded to `width` digits (never cut, as `padStart`). */
const padded = (column: string, width: number) =>
  `lpad(${column}::text, greatest(${width}, length(${column}::text)), '0')`;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** What a transaction takes from the counter row of its agency and year. */
export interface CounterWants {
  /** A reference number (a filing), with this many digits. */
  readonly referenceWidth?: number;
  /** A document number (a letter), with this many digits. */
  readonly documentWidth?: number;
}

/** The numbers taken, and the placeholders replaced in a text the caller still holds. */
export interface SettledNumbers {
  readonly seq: number;
  readonly docSeq: number;
  /** The letter's SHA-256 as PostgreSQL computed it (null without a letter). */
  readonly letterSha: string | null;
  readonly fill: (text: string) => string;
}

/**
 * The numbers a transaction takes from `reference_counter` (reference and document numbers of
 * one agency and year, one row, so one row lock that serialises the agency's filings and
 * letters), taken in its LAST statement before COMMIT together with the rows that print them
 * (`insertMany(…, numbers.numbering())`), so that the lock is held for that statement only.
 * Until then those rows carry placeholders for the serial digits and for the letter's SHA-256
 * (its HTML is final only with the number); PostgreSQL fills them from the counter's
 * `RETURNING`, and `settle` fills the caller's copies the same way.
 */
export class CounterNumbers {
  /** Placeholder of the reference number's serial digits. */
  readonly referenceDigits: string | null;
  /** Placeholder of the document number's serial digits. */
  readonly documentDigits: string | null;
  /** Placeholder of the letter's SHA-256, set by `hashLater`. */
  private letter: { readonly token: string; readonly html: string } | null = null;

  constructor(
    readonly agencyId: string,
    readonly year: number,
    private readonly wants: CounterWants,
  ) {
    this.referenceDigits = wants.referenceWidth ? placeholder('R') : null;
    this.documentDigits = wants.documentWidth ? placeholder('D') : null;
  }

  /** The SHA-256 of a letter rendered with the placeholders: a placeholder itself. */
  hashLater(html: string): string {
    this.letter = { token: placeholder('H'), html };
    return this.letter.token;
  }

  numbering(): Numbering {
    const { referenceWidth, documentWidth } = this.wants;
    const ref = referenceWidth ? 1 : 0;
    const doc = documentWidth ? 1 : 0;
    const fills: NumberFill[] = [];
    if (this.referenceDigits && referenceWidth)
      fills.push({
        name: 'ref_digits',
        token: this.referenceDigits,
        sql: () => padded('last_seq', referenceWidth),
      });
    if (this.documentDigits && documentWidth)
      fills.push({
        name: 'doc_digits',
        token: this.documentDigits,
        sql: () => padded('last_doc_seq', documentWidth),
      });
    const letter = this.letter;
    if (letter)
      fills.push({
        name: 'letter_sha',
        token: letter.token,
        sql: (bind, filled) =>
          `encode(sha256(convert_to(${filled(`${bind(letter.html)}::text`)}, 'UTF8')), 'hex')`,
      });
    return {
      take: (bind) =>
        `INSERT INTO reference_counter (agency_id, year, last_seq, last_doc_seq)
         VALUES (${bind(this.agencyId)}, ${bind(this.year)}, ${ref}, ${doc})
         ON CONFLICT (agency_id, year) DO UPDATE SET last_seq = reference_counter.last_seq + ${ref},
           last_doc_seq = reference_counter.last_doc_seq + ${doc}
         RETURNING last_seq, last_doc_seq`,
      fills,
    };
  }

  /**
   * The caller's side of the statement: the numbers taken and its texts filled. The letter's
   * hash is checked against PostgreSQL's, so both fillings are known to agree before COMMIT.
   */
  settle(taken: TakenNumbers | null): SettledNumbers {
    if (!taken) throw new Error('the counter statement answered no row');
    const pairs: Array<[string, string]> = [];
    if (this.referenceDigits) pairs.push([this.referenceDigits, String(taken.ref_digits)]);
    if (this.documentDigits) pairs.push([this.documentDigits, String(taken.doc_digits)]);
    const digits = (text: string) => pairs.reduce((t, [token, v]) => t.replaceAll(token, v), text);
    const letterSha = this.letter ? String(taken.letter_sha) : null;
    if (this.letter && letterSha !== null) {
      if (sha256(digits(this.letter.html)) !== letterSha)
        throw new Error('the letter filled in PostgreSQL differs from its copy');
      pairs.push([this.letter.token, letterSha]);
    }
    const fill = digits;
    return {
      seq: Number(taken.last_seq),
      docSeq: Number(taken.last_doc_seq),
      letterSha,
      fill,
    };
  }
}
