import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { MailJournal } from './mail-journal';
import { OutboxRepository } from './outbox.repository';

/** At worker start: the SMTP answers journalled under DATA_DIR become `sent` rows. */
@Injectable()
export class MailJournalReplay implements OnApplicationBootstrap {
  constructor(
    private readonly journal: MailJournal,
    private readonly rows: OutboxRepository,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(MailJournalReplay.name);
  }

  async onApplicationBootstrap(): Promise<void> {
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
