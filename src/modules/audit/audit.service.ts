import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../infra/clock/clock';
import { AuditRepository } from './audit.repository';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  agencyId?: string | null;
  ip?: string | null;
  details?: Record<string, string | number | boolean | null>;
}

/** Appends to the security audit log, inside the caller's transaction when given one. */
@Injectable()
export class AuditService {
  constructor(
    private readonly log: AuditRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async record(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    await this.log.append(manager ?? null, {
      at: this.clock.now(),
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      agencyId: entry.agencyId ?? null,
      ip: entry.ip ?? null,
      details: entry.details ?? {},
    });
  }

  /** Entries with one of `actions` from `ip` in the last `seconds` (by the injected clock). */
  countRecentFromIp(actions: readonly string[], ip: string, seconds: number): Promise<number> {
    return this.log.countFromIpSince(
      actions,
      ip,
      new Date(this.clock.now().getTime() - seconds * 1000),
    );
  }
}
