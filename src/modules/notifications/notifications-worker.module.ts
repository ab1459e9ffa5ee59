import { Module } from '@nestjs/common';
import { MailProcessor } from './mail.processor';
import { MailSenderService } from './mail-sender.service';
import { MaintenanceProcessor } from './maintenance.processor';
import { NotificationsModule } from './notifications.module';
import { OutboxReconciler } from './outbox-reconciler.service';

/** Worker side: processors for the mail and maintenance queues. */
@Module({
  imports: [NotificationsModule],
  providers: [MailSenderService, MailProcessor, OutboxReconciler, MaintenanceProcessor],
  exports: [MailSenderService, OutboxReconciler],
})
export class NotificationsWorkerModule {}
