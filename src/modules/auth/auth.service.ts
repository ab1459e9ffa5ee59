import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { AppConfig } from '../../infra/config/app-config';
import { AccountMails } from '../accounts/account-mails.service';
import { OneTimeTokens } from '../accounts/one-time-tokens.service';
import { Clock } from '../../infra/clock/clock';
import { UnitOfWork } from '../../infra/database/unit-of-work';
import { invalidField, Refusal } from '../../infra/http/domain-error';
import { LOCKOUT, passwordProblem } from '../accounts/domain/password-policy';
import { PasswordHasher } from '../accounts/password-hasher';
import { UsersRepository } from '../accounts/users.repository';
import { AuditService } from '../audit/audit.service';
import type { SessionKind } from './session.entity';
import { SessionsRepository } from './sessions.repository';
import { hashToken, newToken } from '../access/tokens';

/**
 * Failed sign-ins allowed per client address and minute. Only failures count: an office behind
 * one address signs everybody in at 9:00 (the per-account lockout still applies on top).
 */
export const SIGN_IN_FAILURES_PER_IP = { limit: 10, windowSeconds: 60 } as const;
const FAILED_SIGN_IN = ['auth.login-failed', 'auth.locked', 'auth.login-refused'] as const;

export interface IssuedSession {
  sessionId: string;
  accessToken: string;
  accessExpiresAt: Date;
  refreshToken: string | null;
  expiresAt: Date;
}

/** Sign-in, lockout, token refresh, sign-out, e-mail verification and password reset. */
@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly tokens: OneTimeTokens,
    private readonly mails: AccountMails,
    private readonly uow: UnitOfWork,
  ) {}

  async login(
    email: string,
    password: string,
    kind: SessionKind,
    ip: string | null,
  ): Promise<IssuedSession> {
    await this.refuseIfTooManyFailures(ip);
    const user = await this.users.byEmail(email);
    const now = this.clock.now();
    if (!user || !user.active) {
      await this.hasher.verify('$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$ZHVtbXk', password); // same timing
      await this.audit.record({
        actorId: null,
        action: 'auth.login-failed',
        ip,
        details: { reason: 'unknown-user' },
      });
      throw new Refusal('wrong-credentials');
    }
    if (user.lockedUntil && user.lockedUntil > now) {
      await this.audit.record({
        actorId: user.id,
        action: 'auth.login-refused',
        ip,
        details: { reason: 'locked' },
      });
      throw new Refusal('account-locked', { until: user.lockedUntil.toISOString() }, [], {
        lockedUntil: user.lockedUntil.toISOString(),
      });
    }
    if (!(await this.hasher.verify(user.passwordHash, password))) {
      const failures = user.failedLogins + 1;
      const lock =
        failures >= LOCKOUT.maxFailures
          ? new Date(now.getTime() + LOCKOUT.lockMinutes * 60_000)
          : null;
      await this.users.setLoginState(null, user.id, {
        failedLogins: lock ? 0 : failures,
        lockedUntil: lock,
      });
      await this.audit.record({
        actorId: user.id,
        action: lock ? 'auth.locked' : 'auth.login-failed',
        ip,
        details: { failures },
      });
      throw new Refusal('wrong-credentials');
    }
    if (!user.emailVerifiedAt) {
      throw new Refusal('email-not-verified');
    }
    return this.uow.run(async ({ m }) => {
      await this.users.setLoginState(m, user.id, { failedLogins: 0, lockedUntil: null });
      const session = await this.createSession(m, user.id, kind);
      await this.audit.record({ actorId: user.id, action: 'auth.login', ip, details: { kind } }, m);
      return session;
    });
  }

  /** Counted in the audit log, so every API process sees the same failures. */
  private async refuseIfTooManyFailures(ip: string | null): Promise<void> {
    if (!ip) return;
    const { limit, windowSeconds } = SIGN_IN_FAILURES_PER_IP;
    const failures = await this.audit.countRecentFromIp(FAILED_SIGN_IN, ip, windowSeconds);
    if (failures >= limit)
      throw new Refusal('rate-limited', { retryAfter: windowSeconds }, [], {
        retryAfterSeconds: windowSeconds,
      });
  }

  private async createSession(
    m: EntityManager,
    userId: string,
    kind: SessionKind,
  ): Promise<IssuedSession> {
    const now = this.clock.now().getTime();
    const accessToken = newToken();
    const refreshToken = kind === 'api' ? newToken() : null;
    const expiresAt = new Date(now + this.config.security.refreshTokenTtlDays * 86400_000);
    const accessExpiresAt =
      kind === 'api'
        ? new Date(now + this.config.security.accessTokenTtlSeconds * 1000)
        : expiresAt;
    const sessionId = randomUUID();
    await this.sessions.insert(m, {
      id: sessionId,
      userId,
      kind,
      accessHash: hashToken(accessToken),
      accessExpiresAt,
      refreshHash: refreshToken ? hashToken(refreshToken) : null,
      expiresAt,
      revokedAt: null,
    });
    return { sessionId, accessToken, accessExpiresAt, refreshToken, expiresAt };
  }

  /** Rotates both tokens of an API session; the old refresh token stops working. */
  async refresh(refreshToken: string): Promise<IssuedSession> {
    return this.uow.run(async ({ m }) => {
      const session = await this.sessions.lockByRefreshHash(m, hashToken(refreshToken));
      const now = this.clock.now();
      if (!session || session.revokedAt || session.expiresAt <= now) {
        throw new Refusal('invalid-refresh-token');
      }
      const accessToken = newToken();
      const next = newToken();
      const accessExpiresAt = new Date(
        now.getTime() + this.config.security.accessTokenTtlSeconds * 1000,
      );
      await this.sessions.rotate(m, session.id, {
        accessHash: hashToken(accessToken),
        accessExpiresAt,
        refreshHash: hashToken(next),
      });
      return {
        sessionId: session.id,
        accessToken,
        accessExpiresAt,
        refreshToken: next,
        expiresAt: session.expiresAt,
      };
    });
  }

  async logout(sessionId: string): Promise<void> {
    await this.sessions.revoke(sessionId, this.clock.now());
  }

  async verifyEmail(token: string): Promise<void> {
    await this.uow.run(async ({ m }) => {
      const userId = await this.tokens.consume(m, token, 'verify-email');
      if (!userId) throw new Refusal('invalid-token');
      await this.users.markVerified(m, userId, this.clock.now());
      await this.audit.record({ actorId: userId, action: 'auth.email-verified' }, m);
    });
  }

  /** Always answers the same way, whether or not the address is known. */
  async requestPasswordReset(email: string): Promise<void> {
    const user = await this.users.byEmail(email, true);
    if (!user) return;
    await this.uow.run(async (tx) => {
      await this.mails.resetPassword(
        tx,
        { id: user.id, email: user.email, name: user.displayName },
        false,
      );
      await this.audit.record({ actorId: user.id, action: 'auth.reset-requested' }, tx.m);
    });
  }

  /**
   * Whether a set-password code is a staff invitation: its account has no password of its own
   * yet (never verified). The page then says "set your password" rather than "a new one".
   */
  async isInvitation(token: string): Promise<boolean> {
    if (!token) return false;
    const userId = await this.uow.run(({ m }) => this.tokens.holder(m, token, 'reset-password'));
    const user = userId ? await this.users.byId(userId) : null;
    return user?.kind === 'staff' && user.emailVerifiedAt === null;
  }

  async resetPassword(token: string, password: string): Promise<void> {
    const problem = passwordProblem(password);
    if (problem) throw invalidField('password', problem);
    const hashed = await this.hasher.hash(password);
    await this.uow.run(async ({ m }) => {
      const userId = await this.tokens.consume(m, token, 'reset-password');
      if (!userId) throw new Refusal('invalid-token');
      const now = this.clock.now();
      await this.users.setPassword(m, userId, hashed, now);
      await this.sessions.revokeAllOf(m, userId, now);
      await this.audit.record({ actorId: userId, action: 'auth.password-reset' }, m);
    });
  }
}
