import { Module } from '@nestjs/common';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { AppConfig } from '../../infra/config/app-config';
import { MailFailureNotices } from './mail-failure-notices';
import { MailJournal } from './mail-journal';
import { MailJournalReplay } from './mail-journal.replay';
import { MailProcessor } from './mail.processor';
import { MailSenderService } from './mail-sender.service';
import { MaintenanceProcessor } from './maintenance.processor';
import { NotificationsModule } from './notifications.module';
import { OutboxReconciler } from './outbox-reconciler.service';

/** Worker side: processors for the mail and maintenance queues, and the SMTP answer journal. */
@Module({
  imports: [NotificationsModule],
  providers: [
    {
      provide: MailJournal,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new MailJournal(config.dataDir),
    },
    MailJournalReplay,
    MailFailureNotices,
    MailSenderService,
    MailProcessor,
    OutboxReconciler,
    MaintenanceProcessor,
  ],
  exports: [MailSenderService, OutboxReconciler],
})
export class NotificationsWorkerModule {}
