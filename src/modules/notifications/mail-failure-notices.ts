import { Inject, Injectable } from '@nestjs/common';
import type { Tx } from '../../infra/database/unit-of-work';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { AppConfig } from '../../infra/config/app-config';
import type { MailOutbox } from './mail-outbox.entity';
import { OutboxRepository } from './outbox.repository';
import { OutboxService } from './outbox.service';
import { mailUndeliverableTemplate } from './templates/mail-undeliverable.template';

/**
 * Tells people that a mail cannot be delivered, in the transaction that records it: the case's
 * clerks at once on a permanent refusal, the clerks and OPS_ALERT_EMAIL after the retry horizon.
 * A notice about a notice is never written (no loop when a clerk's own address is wrong).
 */
@Injectable()
export class MailFailureNotices {
  constructor(
    private readonly rows: OutboxRepository,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The addresses told (for the log). */
  async tell(
    tx: Tx,
    row: MailOutbox,
    reason: 'permanent' | 'horizon',
    detail: string,
  ): Promise<string[]> {
    if (row.template === mailUndeliverableTemplate.key) return [];
    const contacts = row.caseId ? await this.rows.caseContacts(tx.m, row.caseId) : null;
    const to = new Set(contacts?.emails ?? []);
    if (reason === 'horizon' && this.config.mail.opsAlertEmail)
      to.add(this.config.mail.opsAlertEmail);
    to.delete(row.toAddress);
    const subject = typeof row.params.subject === 'string' ? row.params.subject : row.template;
    for (const address of to) {
      await this.outbox.write(tx, {
        template: mailUndeliverableTemplate.key,
        to: address,
        caseId: row.caseId,
        params: {
          referenceNo: contacts?.referenceNo ?? '',
          recipient: row.toAddress,
          subject,
          reason,
          detail: detail.slice(0, 300),
          outboxId: row.id,
          hours: Math.round(this.config.mail.retry.horizonMs / 3600_000),
        },
      });
    }
    return [...to];
  }
}
