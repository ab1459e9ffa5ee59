import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../../infra/clock/clock';
import { AuditLog } from './audit-log.entity';

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
    @InjectDataSource() private readonly db: DataSource,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async record(entry: AuditEntry, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.insert(AuditLog, {
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
}
