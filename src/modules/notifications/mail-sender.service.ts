import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { Clock } from '../../infra/clock/clock';
import { MailTransport } from '../../infra/mail/mail-transport';
import { MetricsService } from '../../infra/metrics/metrics.service';
import { MailOutbox } from './mail-outbox.entity';
import { MAIL_TEMPLATES } from './templates';
import type { Locale } from './templates/mail-template';

export type SendOutcome = 'sent' | 'already-done' | 'missing';

/**
 * Sends one outbox row. The row is locked for the duration of the send, so two workers
 * never send the same row; a row already sent is skipped, so a retried job sends nothing.
 */
@Injectable()
export class MailSenderService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(MailTransport) private readonly transport: MailTransport,
    @Inject(Clock) private readonly clock: Clock,
    private readonly metrics: MetricsService,
  ) {}

  async send(outboxId: string): Promise<SendOutcome> {
    try {
      return await this.db.transaction(async (m) => {
        const row = await m.findOne(MailOutbox, {
          where: { id: outboxId },
          lock: { mode: 'pessimistic_write' },
        });
        if (!row) return 'missing';
        if (row.status !== 'pending') return 'already-done';
        const template = MAIL_TEMPLATES.get(row.template);
        if (!template) throw new UnrecoverableError(`unknown mail template "${row.template}"`);
        const rendered = template.render(row.params, row.locale as Locale);
        const { messageId } = await this.transport.send({
          to: row.toAddress,
          ...rendered,
          messageId: `<outbox-${row.id}@govinfo>`,
        });
        await m.update(MailOutbox, row.id, {
          status: 'sent',
          messageId,
          sentAt: this.clock.now(),
          attempts: row.attempts + 1,
          lastError: null,
        });
        this.metrics.mailSent.inc({ template: row.template, transport: this.transport.kind });
        return 'sent';
      });
    } catch (err) {
      await this.recordFailure(outboxId, err, err instanceof UnrecoverableError);
      throw err;
    }
  }

  /** Called for every failed attempt; `final` marks the row failed for good. */
  async recordFailure(outboxId: string, err: unknown, final: boolean): Promise<void> {
    const message = err instanceof Error ? err.message : String(err);
    await this.db
      .createQueryBuilder()
      .update(MailOutbox)
      .set({
        attempts: () => 'attempts + 1',
        lastError: message.slice(0, 2000),
        ...(final ? { status: 'failed' as const } : {}),
      })
      .where('id = :id AND status = :pending', { id: outboxId, pending: 'pending' })
      .execute();
  }

  async markFailed(outboxId: string): Promise<void> {
    await this.db
      .createQueryBuilder()
      .update(MailOutbox)
      .set({ status: 'failed' })
      .where('id = :id AND status = :pending', { id: outboxId, pending: 'pending' })
      .execute();
  }
}
