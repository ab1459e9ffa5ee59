import { Inject, Injectable } from '@nestjs/common';
import { IsNull, MoreThan, type EntityManager } from 'typeorm';
import { Clock } from '../../infra/clock/clock';
import { OneTimeToken, type TokenPurpose } from './one-time-token.entity';
import { hashToken, newToken } from '../access/tokens';

export const TOKEN_HOURS: Record<TokenPurpose, number> = {
  'verify-email': 48,
  'reset-password': 24,
};

/** Single-use e-mailed tokens: issue (returns the secret once) and consume. */
@Injectable()
export class OneTimeTokens {
  constructor(@Inject(Clock) private readonly clock: Clock) {}

  async issue(
    m: EntityManager,
    userId: string,
    purpose: TokenPurpose,
    hours = TOKEN_HOURS[purpose],
  ): Promise<string> {
    const token = newToken();
    await m.insert(OneTimeToken, {
      tokenHash: hashToken(token),
      userId,
      purpose,
      expiresAt: new Date(this.clock.now().getTime() + hours * 3600_000),
      usedAt: null,
    });
    return token;
  }

  /** The user of a token still usable, without using it (null if unknown, used or expired). */
  async holder(m: EntityManager, token: string, purpose: TokenPurpose): Promise<string | null> {
    const row = await m.getRepository(OneTimeToken).findOneBy({
      tokenHash: hashToken(token),
      purpose,
      usedAt: IsNull(),
      expiresAt: MoreThan(this.clock.now()),
    });
    return row?.userId ?? null;
  }

  /** Marks the token used and returns its user, or null if unknown, used or expired. */
  async consume(m: EntityManager, token: string, purpose: TokenPurpose): Promise<string | null> {
    const now = this.clock.now();
    const result = await m
      .createQueryBuilder()
      .update(OneTimeToken)
      .set({ usedAt: now })
      .where(
        'token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now',
        {
          hash: hashToken(token),
          purpose,
          now,
        },
      )
      .returning('user_id')
      .execute();
    return (result.raw as Array<{ user_id: string }>)[0]?.user_id ?? null;
  }
}
