import { Inject, Injectable } from '@nestjs/common';
import type { Tx } from '../../infra/database/unit-of-work';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { AppConfig } from '../../infra/config/app-config';
import { OutboxService } from '../notifications/outbox.service';
import { OneTimeTokens, TOKEN_HOURS } from './one-time-tokens.service';

const INVITATION_HOURS = 7 * 24;

/** Account e-mails (verification, reset, invitation), written to the outbox in the caller's unit of work. */
@Injectable()
export class AccountMails {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: OneTimeTokens,
    private readonly outbox: OutboxService,
  ) {}

  async verifyEmail(tx: Tx, user: { id: string; email: string; name: string }): Promise<string> {
    const token = await this.tokens.issue(tx.m, user.id, 'verify-email');
    return this.outbox.write(tx, {
      template: 'verify-email',
      to: user.email,
      params: {
        name: user.name,
        token,
        link: `${this.config.http.publicUrl}/verify-email?token=${token}`,
        expiresHours: TOKEN_HOURS['verify-email'],
      },
    });
  }

  /** A reset code; `invitation` for new staff setting their first password (valid 7 days). */
  async resetPassword(
    tx: Tx,
    user: { id: string; email: string; name: string },
    invitation: boolean,
  ): Promise<string> {
    const hours = invitation ? INVITATION_HOURS : TOKEN_HOURS['reset-password'];
    const token = await this.tokens.issue(tx.m, user.id, 'reset-password', hours);
    return this.outbox.write(tx, {
      template: 'reset-password',
      to: user.email,
      params: {
        name: user.name,
        token,
        link: `${this.config.http.publicUrl}/reset-password?token=${token}`,
        expiresHours: hours,
        invitation,
      },
    });
  }
}
