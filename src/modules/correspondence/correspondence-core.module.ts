import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { RequestsModule } from '../requests/requests.module';
import { LetterMailer } from './letter-mailer';
import { LettersService } from './letters.service';

/** Letter rendering and letters by e-mail, for every role (workers issue letters too). */
@Module({ imports: [RequestsModule, NotificationsModule], providers: [LettersService, LetterMailer], exports: [LettersService] })
export class CorrespondenceCoreModule {}
