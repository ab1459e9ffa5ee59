import { Injectable, type OnModuleInit } from '@nestjs/common';
import { In } from 'typeorm';
import type { Tx } from '../../infra/database/unit-of-work';
import type { Agency } from '../agencies/agency.entity';
import { AgencySuccession, type AgencyWorkHandler } from '../agencies/agency-succession';
import { Deadline } from '../timers/deadline.entity';
import { CaseChanges } from './case-changes.service';
import { CasesRepository } from './cases.repository';
import { OPEN_STATUSES } from './domain/case-status';
import { RequestCase } from './request-case.entity';

/**
 * The open cases of an agency being deactivated move to its successor: same reference number,
 * same dates and letters, their deadlines re-scoped to the successor, and a `transferred` event
 * on each case — all in the deactivation's unit of work.
 */
@Injectable()
export class CaseSuccessionHandler implements AgencyWorkHandler, OnModuleInit {
  readonly kind = 'cases';

  constructor(
    private readonly succession: AgencySuccession,
    private readonly cases: CasesRepository,
    private readonly changes: CaseChanges,
  ) {}

  onModuleInit(): void {
    this.succession.register(this);
  }

  openCount(tx: Tx, agencyId: string): Promise<number> {
    return tx.m.getRepository(RequestCase).countBy({ agencyId, status: In([...OPEN_STATUSES]) });
  }

  async transfer(tx: Tx, from: Agency, to: Agency, actorId: string | null): Promise<number> {
    const open = await tx.m.getRepository(RequestCase).find({
      where: { agencyId: from.id, status: In([...OPEN_STATUSES]) },
      order: { year: 'ASC', id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    for (const c of open) {
      c.agencyId = to.id;
      await this.cases.save(tx.m, c);
      await tx.m.update(Deadline, { subjectType: 'case', subjectId: c.id }, { agencyId: to.id });
      await this.changes.note(tx, c, {
        actorId,
        actor: 'system',
        action: 'transferred',
        reason: `${from.name}停用，移交${to.name}办理`,
        payload: { fromAgency: from.code, toAgency: to.code },
      });
    }
    return open.length;
  }
}
