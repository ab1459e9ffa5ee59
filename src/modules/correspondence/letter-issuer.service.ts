import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { LocalDate } from '../calendar/domain/local-date';
import type { CounterNumbers } from './counter-numbers';
import { documentNumberAround, renderLetter, type LetterInputs, type LetterKind } from './domain';
import { IssuedLetter } from './issued-letter.entity';

/** Who a letter belongs to and who issues it. */
export interface LetterOwner {
  readonly caseId: string;
  readonly caseYear: number;
  readonly agencyId: string;
  /** The agency's full name: the prefix of the document number. */
  readonly agencyName: string;
  readonly actorId: string | null;
}

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Composes statutory letters: renders the letter once, with its document number's serial digits
 * and its SHA-256 as placeholders of `numbers` (the agency's counter, taken in the statement that
 * stores the letter, the transaction's last). A stored letter is what the applicant sees,
 * prints and is e-mailed, for ever.
 */
@Injectable()
export class LetterIssuer {
  /**
   * The letter rendered, not yet numbered nor stored: the caller inserts the row in its unit of
   * work (with the letter's event and e-mail in one statement, `insertMany`, which takes the
   * number), `doc_seq` computed there as `v.last_doc_seq`, and fills its copy (`settle`).
   */
  compose<K extends LetterKind>(
    owner: LetterOwner,
    kind: K,
    input: Omit<LetterInputs[K], 'documentNumber' | 'issuedOn'> & { readonly issuedOn: LocalDate },
    numbers: CounterNumbers,
    opts: { readonly ref?: string; readonly toApplicant?: boolean } = {},
  ): IssuedLetter {
    const year = Number(input.issuedOn.slice(0, 4));
    if (!numbers.documentDigits || numbers.year !== year || numbers.agencyId !== owner.agencyId)
      throw new Error(`a letter of ${year} needs its agency's document number of ${year}`);
    const number = documentNumberAround({ prefix: owner.agencyName, year }, numbers.documentDigits);
    const { title, html } = renderLetter(kind, {
      ...input,
      documentNumber: number,
    } as LetterInputs[K]);
    return {
      year,
      id: randomUUID(),
      caseId: owner.caseId,
      caseYear: owner.caseYear,
      agencyId: owner.agencyId,
      kind,
      ref: opts.ref ?? '',
      title,
      // Computed in the storing statement from the counter's RETURNING.
      docSeq: 0,
      documentNumber: number,
      issuedOn: input.issuedOn,
      html,
      sha256: numbers.hashLater(html),
      toApplicant: opts.toApplicant ?? true,
      actorId: owner.actorId,
      createdAt: new Date(),
    };
  }

  /** The stored letter's copy, numbered: after the storing statement. */
  settle(letter: IssuedLetter, docSeq: number, sha: string, fill: (t: string) => string): void {
    letter.docSeq = docSeq;
    letter.documentNumber = fill(letter.documentNumber);
    letter.title = fill(letter.title);
    letter.html = fill(letter.html);
    letter.sha256 = sha;
  }
}
