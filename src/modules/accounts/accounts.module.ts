import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { AccountMails } from './account-mails.service';
import { AccountsService } from './accounts.service';
import { MeController } from './me.controller';
import { OneTimeTokens } from './one-time-tokens.service';
import { PasswordHasher } from './password-hasher';
import { UsersController } from './users.controller';
import { UsersQueryService } from './users-query.service';
import { UsersRepository } from './users.repository';

@Module({
  imports: [NotificationsModule],
  controllers: [MeController, UsersController],
  providers: [
    AccountsService,
    UsersQueryService,
    UsersRepository,
    PasswordHasher,
    OneTimeTokens,
    AccountMails,
  ],
  exports: [
    AccountsService,
    UsersQueryService,
    UsersRepository,
    PasswordHasher,
    OneTimeTokens,
    AccountMails,
  ],
})
export class AccountsModule {}
