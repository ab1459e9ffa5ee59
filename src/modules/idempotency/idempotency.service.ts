import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../infra/clock/clock';
import type { Tx } from '../../infra/database/unit-of-work';
import { fieldProblem, Refusal } from '../../shared/domain/refusal';
import { IdempotencyKeysRepository } from './idempotency-keys.repository';

/** How long a key is kept: a retry within it returns the first result. */
export const IDEMPOTENCY_TTL_MS = 24 * 3600_000;

/** A creating request sent with an `Idempotency-Key`. */
export interface IdempotentCall {
  /** The signed-in user: keys are the user's own. */
  readonly userId: string;
  /** The operation (`requests.file-online`, `requests.intake`). */
  readonly scope: string;
  readonly key: string;
  /** The request body; the same key with another body is refused (422). */
  readonly body: unknown;
}

/** Another request with the same key committed first (the caller replays it). */
export class IdempotencyRace extends Error {}

/** JSON with object keys sorted, so the fingerprint does not depend on the client's key order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

export const fingerprintOf = (body: unknown): string =>
  createHash('sha256').update(canonical(body)).digest('hex');

/**
 * Idempotency in one place: `replay` before the work (the first result's id, or a 422 for
 * another body), `record` inside the creating transaction (so a committed result always has its
 * key, and a retry after a lost answer creates nothing twice), and `once` around both to turn a
 * lost race into a replay. No year in the key: a retry across New Year finds the same case.
 */
@Injectable()
export class IdempotencyService {
  constructor(
    private readonly keys: IdempotencyKeysRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** The resource the first request with this key created, or null when the key is new. */
  async replay(call: IdempotentCall | null): Promise<string | null> {
    if (!call) return null;
    const row = await this.keys.live(call.userId, call.scope, call.key, this.clock.now());
    if (!row) return null;
    if (row.fingerprint !== fingerprintOf(call.body))
      throw new Refusal('idempotency-key-reused', {}, [
        fieldProblem('Idempotency-Key', 'idempotency-key-reused'),
      ]);
    return row.resourceId;
  }

  /** Inside the creating transaction; throws IdempotencyRace when a live key already exists. */
  async record(tx: Tx, call: IdempotentCall | null, resourceId: string): Promise<void> {
    if (!call) return;
    const now = this.clock.now();
    const claimed = await this.keys.claim(
      tx.m,
      { ...call, fingerprint: fingerprintOf(call.body), resourceId },
      now,
      new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
    );
    if (!claimed) throw new IdempotencyRace(`idempotency key ${call.key} is taken`);
    await this.keys.forgetExpired(tx.m, now);
  }

  /**
   * Replays or runs `create` (which calls `record` in its transaction); a concurrent request
   * with the same key that committed first is replayed instead.
   */
  async once<T>(
    call: IdempotentCall | null,
    create: () => Promise<T>,
  ): Promise<{ created: T } | { replayed: string }> {
    const first = await this.replay(call);
    if (first) return { replayed: first };
    try {
      return { created: await create() };
    } catch (err) {
      if (!(err instanceof IdempotencyRace)) throw err;
      const winner = await this.replay(call);
      if (!winner) throw err;
      return { replayed: winner };
    }
  }
}
