import { Module } from '@nestjs/common';
import { OutboxService } from './outbox.service';

/** Producer side: write outbox rows and dispatch their send jobs. */
@Module({ providers: [OutboxService], exports: [OutboxService] })
export class NotificationsModule {}
