import { Inject, Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import { Clock } from '../../infra/clock/clock';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { AppConfig } from '../../infra/config/app-config';
import { UnitOfWork } from '../../infra/database/unit-of-work';
import { MailSendError, MailTransport, type SentMail } from '../../infra/mail/mail-transport';
import { MetricsService } from '../../infra/metrics/metrics.service';
import { classifyFailure } from './domain/mail-outcome';
import { nextRetry } from './domain/retry-schedule';
import { MailFailureNotices } from './mail-failure-notices';
import { MailJournal } from './mail-journal';
import type { MailOutbox, MailParams } from './mail-outbox.entity';
import { OutboxRepository } from './outbox.repository';
import { OutboxService } from './outbox.service';
import { MAIL_TEMPLATES } from './templates';
import type { Locale } from './templates/mail-template';

export type SendOutcome =
  'sent' | 'journalled' | 'already-done' | 'missing' | 'retry-scheduled' | 'failed' | 'unconfirmed';

export const UNCONFIRMED =
  'accepted-unconfirmed: the whole message went out and no answer came back; the server may have delivered it, so it is never resent automatically (`cli mail resend` refuses it)';

/** The params with every occurrence of `secret` replaced, and the redaction marker dropped. */
function redacted(params: MailParams, secret: string): MailParams {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) {
    if (k === 'redactAfterSend') continue;
    out[k] = typeof v === 'string' ? v.split(secret).join('（已隐去 · redacted）') : v;
  }
  return out as MailParams;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Sends one outbox row, at most once. The row is claimed (`sending`, committed) before the SMTP
 * conversation, and `data_sent_at` is committed just before the final "."; the server's 250 is
 * journalled under DATA_DIR before the `sent` update. A row found still `sending` (its worker
 * died) is settled from those facts: journalled → sent; `data_sent_at` set → accepted-unconfirmed
 * (never resent); neither → the server has nothing, so it is sent again.
 * Failures by class (domain/mail-outcome.ts): 5xx → failed and the case's clerks told; 4xx or a
 * connection error → retried with capped backoff over the horizon (then failed, clerks and ops
 * told); no answer after the final "." → unconfirmed.
 */
@Injectable()
export class MailSenderService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly rows: OutboxRepository,
    private readonly outbox: OutboxService,
    private readonly notices: MailFailureNotices,
    private readonly journal: MailJournal,
    @Inject(MailTransport) private readonly transport: MailTransport,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: MetricsService,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(MailSenderService.name);
  }

  /** A `sending` claim older than this was interrupted (its worker died mid-conversation). */
  get staleClaimSeconds(): number {
    return Math.ceil((4 * this.config.mail.smtpTimeoutMs + this.config.worker.lockMs) / 1000);
  }

  async send(outboxId: string): Promise<SendOutcome> {
    const claim = await this.uow.run(async ({ m }) => {
      const row = await this.rows.lockForSend(m, outboxId);
      if (!row) return 'missing' as const;
      if (row.status !== 'pending' && row.status !== 'sending') return 'already-done' as const;
      if (row.status === 'sending') {
        const settled = await this.settleInterrupted(m, row);
        if (settled) return settled;
      }
      const template = MAIL_TEMPLATES.get(row.template);
      if (!template) {
        await this.rows.update(m, row.id, {
          status: 'failed',
          failure: 'template',
          failedAt: this.clock.now(),
          attempts: row.attempts + 1,
          lastError: `unknown mail template "${row.template}"`,
        });
        return 'unknown-template' as const;
      }
      await this.rows.claim(m, row.id);
      return { row, rendered: template.render(row.params, row.locale as Locale) };
    });
    if (claim === 'unknown-template') throw new UnrecoverableError('unknown mail template');
    if (typeof claim === 'string') return claim;
    const { row, rendered } = claim;
    let sent: SentMail;
    try {
      sent = await this.transport.send(
        { to: row.toAddress, ...rendered, messageId: `<outbox-${row.id}@govinfo>` },
        { beforeFinalDot: () => this.rows.markDataSent(row.id) },
      );
    } catch (err) {
      return this.failed(row, err);
    }
    return this.accepted(row, sent);
  }

  /**
   * A row found `sending`: null when it is to be sent again (the server never had the whole
   * message), else what it was settled as. A claim younger than a conversation can last may
   * still be in flight on another worker: try later.
   */
  private async settleInterrupted(
    m: Parameters<OutboxRepository['lockForSend']>[0],
    row: MailOutbox,
  ): Promise<'sent' | 'unconfirmed' | null> {
    const journalled = this.journal.find(row.id);
    if (journalled) {
      await this.rows.update(m, row.id, {
        status: 'sent',
        messageId: journalled.messageId,
        sentAt: new Date(journalled.acceptedAt),
        lastError: null,
      });
      this.journal.applied(row.id);
      return 'sent';
    }
    if (!(await this.rows.claimOlderThan(m, row.id, this.staleClaimSeconds)))
      throw new Error(`outbox row ${row.id} is being sent by another attempt; trying later`);
    if (row.dataSentAt) {
      await this.rows.update(m, row.id, {
        status: 'unconfirmed',
        failure: 'unconfirmed',
        failedAt: this.clock.now(),
        resolvedAt: null,
        lastError: `${UNCONFIRMED} (the worker stopped after the final ".")`,
      });
      this.metrics.mailOutcomes.inc({ outcome: 'unconfirmed', template: row.template });
      this.logger.logger.warn({ outboxId: row.id }, 'interrupted after the final dot: unconfirmed');
      return 'unconfirmed';
    }
    this.logger.logger.info(
      { outboxId: row.id, attempts: row.attempts },
      'send interrupted before the server had the whole message; sending again',
    );
    this.metrics.mailOutcomes.inc({ outcome: 'interrupted', template: row.template });
    return null;
  }

  private async accepted(row: MailOutbox, sent: SentMail): Promise<SendOutcome> {
    const sentAt = this.clock.now();
    await this.journal.append({
      outboxId: row.id,
      messageId: sent.messageId,
      response: sent.response ?? null,
      acceptedAt: sentAt.toISOString(),
    });
    this.metrics.mailSent.inc({ template: row.template, transport: this.transport.kind });
    const changes = {
      messageId: sent.messageId,
      sentAt,
      // A secret shown once (the receipt's tracking code) does not stay in the row once sent.
      ...(typeof row.params.redactAfterSend === 'string'
        ? { params: redacted(row.params, row.params.redactAfterSend) }
        : {}),
    };
    const until = Date.now() + this.config.mail.sentUpdateRetryMs;
    for (let wait = 250; ; wait = Math.min(wait * 2, 5_000)) {
      try {
        await this.rows.markSent(row.id, changes);
        this.journal.applied(row.id);
        return 'sent';
      } catch (err) {
        if (Date.now() + wait > until) {
          this.logger.logger.warn(
            { outboxId: row.id, err: (err as Error).message, journal: this.journal.dir },
            'accepted by the server but the sent update failed; kept in the journal and replayed at worker start',
          );
          return 'journalled';
        }
        await sleep(wait);
      }
    }
  }

  private async failed(row: MailOutbox, err: unknown): Promise<SendOutcome> {
    const e =
      err instanceof MailSendError
        ? err
        : new MailSendError(String((err as Error)?.message ?? err), undefined, undefined, false);
    const kind = classifyFailure(e);
    const detail = e.message.slice(0, 2000);
    const now = this.clock.now();
    if (kind === 'unconfirmed') {
      await this.rows.settleClaim(null, row.id, {
        status: 'unconfirmed',
        failure: 'unconfirmed',
        failedAt: now,
        resolvedAt: null,
        lastError: `${UNCONFIRMED}: ${detail}`,
      });
      this.metrics.mailOutcomes.inc({ outcome: 'unconfirmed', template: row.template });
      return 'unconfirmed';
    }
    const attempts = row.attempts + 1;
    const firstFailedAt = row.firstFailedAt ?? now;
    const decision =
      kind === 'transient' ? nextRetry(attempts, firstFailedAt, now, this.config.mail.retry) : null;
    if (decision?.kind === 'retry') {
      await this.rows.settleClaim(null, row.id, {
        status: 'pending',
        firstFailedAt,
        nextAttemptAt: decision.at,
        lastError: detail,
      });
      await this.outbox.dispatch(row.id, attempts, decision.delayMs);
      this.metrics.mailOutcomes.inc({ outcome: 'retried', template: row.template });
      return 'retry-scheduled';
    }
    const reason = kind === 'permanent' ? 'permanent' : 'horizon';
    const told = await this.uow.run(async (tx) => {
      const settled = await this.rows.settleClaim(tx.m, row.id, {
        status: 'failed',
        failure: reason,
        failedAt: now,
        resolvedAt: null,
        firstFailedAt,
        nextAttemptAt: null,
        lastError: detail,
      });
      return settled ? this.notices.tell(tx, row, reason, detail) : [];
    });
    this.metrics.mailOutcomes.inc({ outcome: `failed-${reason}`, template: row.template });
    this.logger.logger.warn(
      { outboxId: row.id, reason, told: told.length, caseId: row.caseId },
      'mail failed for good',
    );
    return 'failed';
  }
}
