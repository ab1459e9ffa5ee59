import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { SessionsRepository } from './sessions.repository';

/** Sign-in, tokens, e-mail verification and password reset (api role). */
@Module({
  imports: [AccountsModule],
  controllers: [AuthController],
  providers: [AuthService, SessionsRepository],
  exports: [AuthService],
})
export class AuthModule {}
