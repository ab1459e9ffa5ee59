import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { MailJournal } from './mail-journal';
import { OutboxRepository } from './outbox.repository';

/**
 * At worker start: the SMTP answers journalled under DATA_DIR become `sent` rows. In the
 * background: a locked or unreachable outbox must not hold the worker's start (the redelivered
 * jobs and the outbox reconcile read the journal too).
 */
@Injectable()
export class MailJournalReplay implements OnApplicationBootstrap {
  constructor(
    private readonly journal: MailJournal,
    private readonly rows: OutboxRepository,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(MailJournalReplay.name);
  }

  onApplicationBootstrap(): void {
    void this.replay().catch((err: unknown) =>
      this.logger.logger.warn({ err }, 'mail journal replay failed; the outbox reconcile retries'),
    );
  }

  async replay(): Promise<void> {
    const { applied, left } = await this.journal.replay(async (e) => {
      await this.rows.markSent(e.outboxId, {
        messageId: e.messageId,
        sentAt: new Date(e.acceptedAt),
      });
      return true;
    });
    if (applied || left)
      this.logger.logger.info(
        { applied, left, dir: this.journal.dir },
        'mail journal replayed: accepted e-mails recorded as sent',
      );
  }
}
