import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Agency } from '../agencies/agency.entity';
import { OutboxService } from '../notifications/outbox.service';
import { CaseHooks } from '../requests/case-hooks';
import type { RequestCase } from '../requests/request-case.entity';
import type { LetterKind } from './domain';
import { LettersService } from './letters.service';

/** Which action issues which letter to the applicant. */
const LETTER_OF: Record<string, LetterKind> = {
  file: 'receipt_acknowledgement',
  confirm_receipt: 'receipt_acknowledgement',
  request_correction: 'correction_notice',
  issue_fee_notice: 'fee_notice',
  record_deferral: 'deferral_notice',
  reply: 'reply',
  abandon_correction: 'reply',
  abandon_unpaid_fee: 'reply',
  withdraw: 'reply',
};

/** Plain text of a letter for the text/plain part (the HTML is the document itself). */
function textOf(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<(br|\/p|\/div|\/h\d|\/tr)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/\n\s*\n+/g, '\n\n')
    .trim();
}

/**
 * Applicants who chose e-mail delivery receive each statutory letter by e-mail, written to the
 * outbox in the same transaction as the case change that issues it.
 */
@Injectable()
export class LetterMailer implements OnModuleInit {
  constructor(
    private readonly hooks: CaseHooks,
    private readonly letters: LettersService,
    private readonly outbox: OutboxService,
  ) {}

  onModuleInit(): void {
    this.hooks.register((m, c, action, payload) => this.onChange(m, c, action, payload));
  }

  private async onChange(m: EntityManager, c: RequestCase, action: string, payload: Record<string, unknown>): Promise<string[]> {
    let kind: LetterKind | undefined = LETTER_OF[action];
    if (action === 'decide_extension' && payload.approved === true) kind = 'extension_notice';
    if (!kind || c.deliveryRoute !== 'email' || !c.applicantEmail) return [];
    if (kind === 'receipt_acknowledgement' && !c.receivedOn) return [];
    const agency = await m.getRepository(Agency).findOneByOrFail({ id: c.agencyId });
    const letter = await this.letters.renderCase(m, c, agency, kind);
    const id = await this.outbox.write(m, {
      template: 'statutory-letter',
      to: c.applicantEmail,
      params: { subject: `${letter.title}（${c.referenceNo}）· ${agency.name}`, html: letter.html, text: textOf(letter.html) },
    });
    return [id];
  }
}
