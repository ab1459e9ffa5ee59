import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Tx } from '../../infra/database/unit-of-work';
import type { LocalDate } from '../calendar/domain/local-date';
import { documentNumber, renderLetter, type LetterInputs, type LetterKind } from './domain';
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
 * Composes statutory letters: takes the next document number of the agency and year (the same
 * counter row, and lock, as the reference numbers), renders the letter once and stores it with
 * its SHA-256 for the caller to store. A stored letter is what the applicant sees, prints and is e-mailed, for ever.
 */
@Injectable()
export class LetterIssuer {
  /**
   * The letter numbered and rendered, not yet stored: the caller inserts the row in its unit of
   * work (with the letter's event and e-mail in one statement, `insertMany`).
   * `docSeq`: a document number already taken (intake takes the reference number and the
   * receipt's document number in one statement); otherwise the next one is taken here.
   */
  async compose<K extends LetterKind>(
    tx: Tx,
    owner: LetterOwner,
    kind: K,
    input: Omit<LetterInputs[K], 'documentNumber' | 'issuedOn'> & { readonly issuedOn: LocalDate },
    opts: { readonly ref?: string; readonly toApplicant?: boolean; readonly docSeq?: number } = {},
  ): Promise<IssuedLetter> {
    const year = Number(input.issuedOn.slice(0, 4));
    const docSeq = opts.docSeq ?? (await this.nextDocSeq(tx.m, owner.agencyId, year));
    const number = documentNumber({ prefix: owner.agencyName, year, seq: docSeq });
    const { title, html } = renderLetter(kind, {
      ...input,
      documentNumber: number,
    } as LetterInputs[K]);
    const row: IssuedLetter = {
      year,
      id: randomUUID(),
      caseId: owner.caseId,
      caseYear: owner.caseYear,
      agencyId: owner.agencyId,
      kind,
      ref: opts.ref ?? '',
      title,
      docSeq,
      documentNumber: number,
      issuedOn: input.issuedOn,
      html,
      sha256: sha256(html),
      toApplicant: opts.toApplicant ?? true,
      actorId: owner.actorId,
      createdAt: new Date(),
    };
    return row;
  }

  private async nextDocSeq(m: EntityManager, agencyId: string, year: number): Promise<number> {
    const [{ last_doc_seq }] = await m.query<Array<{ last_doc_seq: number }>>(
      `INSERT INTO reference_counter (agency_id, year, last_seq, last_doc_seq) VALUES ($1, $2, 0, 1)
       ON CONFLICT (agency_id, year) DO UPDATE SET last_doc_seq = reference_counter.last_doc_seq + 1
       RETURNING last_doc_seq`,
      [agencyId, year],
    );
    return last_doc_seq;
  }
}
