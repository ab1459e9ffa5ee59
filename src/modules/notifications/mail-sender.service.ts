import { Inject, Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { Clock } from '../../infra/clock/clock';
import { UnitOfWork } from '../../infra/database/unit-of-work';
import { MailTransport } from '../../infra/mail/mail-transport';
import { MetricsService } from '../../infra/metrics/metrics.service';
import type { MailParams } from './mail-outbox.entity';
import { OutboxRepository } from './outbox.repository';
import { MAIL_TEMPLATES } from './templates';
import type { Locale } from './templates/mail-template';

export type SendOutcome = 'sent' | 'already-done' | 'missing' | 'interrupted';

export const INTERRUPTED =
  'interrupted while sending (the worker stopped after claiming the message): it may or may not have been delivered; check and use `cli mail resend`';

/**
 * Sends one outbox row, at most once. The row is claimed (`sending`, committed) before the SMTP
 * conversation; a definite refusal puts it back to `pending` for a retry; success marks it `sent`.
 * A row found still `sending` means an earlier attempt died mid-send: it is not resent
 * automatically (that could duplicate the e-mail) but marked failed for an operator.
 */
/** The params with every occurrence of `secret` replaced, and the redaction marker dropped. */
function redacted(params: MailParams, secret: string): MailParams {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) {
    if (k === 'redactAfterSend') continue;
    out[k] = typeof v === 'string' ? v.split(secret).join('（已隐去 · redacted）') : v;
  }
  return out as MailParams;
}

@Injectable()
export class MailSenderService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly rows: OutboxRepository,
    @Inject(MailTransport) private readonly transport: MailTransport,
    @Inject(Clock) private readonly clock: Clock,
    private readonly metrics: MetricsService,
  ) {}

  async send(outboxId: string): Promise<SendOutcome> {
    const claim = await this.uow.run(async ({ m }) => {
      const row = await this.rows.lockForSend(m, outboxId);
      if (!row) return 'missing' as const;
      if (row.status === 'sent' || row.status === 'failed') return 'already-done' as const;
      if (row.status === 'sending') {
        await this.rows.update(m, row.id, { status: 'failed', lastError: INTERRUPTED });
        return 'interrupted' as const;
      }
      const template = MAIL_TEMPLATES.get(row.template);
      if (!template) {
        await this.rows.update(m, row.id, {
          status: 'failed',
          attempts: row.attempts + 1,
          lastError: `unknown mail template "${row.template}"`,
        });
        return 'unknown-template' as const;
      }
      await this.rows.update(m, row.id, { status: 'sending', attempts: row.attempts + 1 });
      return { row, rendered: template.render(row.params, row.locale as Locale) };
    });
    if (claim === 'unknown-template') throw new UnrecoverableError('unknown mail template');
    if (typeof claim === 'string') return claim;
    const { row, rendered } = claim;
    let messageId: string;
    try {
      ({ messageId } = await this.transport.send({
        to: row.toAddress,
        ...rendered,
        messageId: `<outbox-${row.id}@govinfo>`,
      }));
    } catch (err) {
      // A definite failure from the server or the connection: safe to try again later.
      await this.rows.releaseClaim(
        row.id,
        (err instanceof Error ? err.message : String(err)).slice(0, 2000),
      );
      throw err;
    }
    await this.rows.update(null, row.id, {
      status: 'sent',
      messageId,
      sentAt: this.clock.now(),
      lastError: null,
      // A secret shown once (the receipt's tracking code) does not stay in the row once sent.
      ...(typeof row.params.redactAfterSend === 'string'
        ? { params: redacted(row.params, row.params.redactAfterSend) }
        : {}),
    });
    this.metrics.mailSent.inc({ template: row.template, transport: this.transport.kind });
    return 'sent';
  }

  /** After the last retry: the row is failed for good (the operator may resend it). */
  async markFailed(outboxId: string): Promise<void> {
    await this.rows.failPending(outboxId);
  }
}
