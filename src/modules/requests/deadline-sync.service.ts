import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { AppConfig } from '../../infra/config/app-config';
import { Clock } from '../../infra/clock/clock';
import { JobQueue } from '../../infra/queue/job-queue';
import { JobName, jobId } from '../../infra/queue/queue-names';
import { MetricsService } from '../../infra/metrics/metrics.service';
import { addDays, shanghaiDateOf } from '../calendar/domain/local-date';
import { momentOf, planEffects } from '../timers/domain/effect-schedule';
import type { DeadlineKind } from '../timers/domain/deadline-kind';
import { CaseCalendar } from './case-calendar';
import { CaseConsultation } from './case-consultation.entity';
import { CaseDeadline } from './case-deadline.entity';
import { CaseFeeNotice } from './case-fee-notice.entity';
import { isOpen } from './domain/case-status';
import type { RequestCase } from './request-case.entity';

/** Deterministic wake-up job id: one per deadline version and planned moment. */
export function tickJobId(d: Pick<CaseDeadline, 'caseId' | 'kind' | 'ref' | 'version'>, moment: Date): string {
  return jobId(JobName.DeadlineTick, d.caseId, d.kind, d.ref || 'case', `v${d.version}`, `t${Math.floor(moment.getTime() / 1000)}`);
}

interface Desired {
  kind: DeadlineKind;
  ref: string;
  dueOn: string;
}

/**
 * Keeps `case_deadline` in step with a case (inside the case's transaction), and after commit
 * arms one delayed BullMQ job per live deadline version at its next effect moment.
 */
@Injectable()
export class DeadlineSync {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobQueue,
    private readonly calendars: CaseCalendar,
    private readonly metrics: MetricsService,
  ) {}

  /** Upserts the desired deadlines; a moved or ended deadline gets a new version. */
  async sync(m: EntityManager, c: RequestCase): Promise<void> {
    const desired = await this.desired(m, c);
    const current = await m.getRepository(CaseDeadline).findBy({ caseId: c.id });
    const key = (k: { kind: string; ref: string }) => `${k.kind}/${k.ref}`;
    const byKey = new Map(current.map((d) => [key(d), d]));
    for (const want of desired) {
      const have = byKey.get(key(want));
      byKey.delete(key(want));
      if (!have) {
        await m.insert(CaseDeadline, { caseId: c.id, kind: want.kind, ref: want.ref, caseYear: c.year, agencyId: c.agencyId, dueOn: want.dueOn, version: 1, status: 'live', armedVersion: 0 });
      } else if (have.dueOn !== want.dueOn || have.status !== 'live') {
        await m.update(CaseDeadline, { caseId: c.id, kind: have.kind, ref: have.ref }, { dueOn: want.dueOn, status: 'live', version: have.version + 1 });
      }
    }
    for (const gone of byKey.values()) {
      if (gone.status === 'live') await m.update(CaseDeadline, { caseId: c.id, kind: gone.kind, ref: gone.ref }, { status: 'resolved', version: gone.version + 1 });
    }
  }

  private async desired(m: EntityManager, c: RequestCase): Promise<Desired[]> {
    if (c.status === 'submitted' && c.channel === 'online') {
      // D-2 manual confirmation: due the next working day after submission (Asia/Shanghai).
      const cal = await this.calendars.forAgency(c.agencyId, m);
      return [{ kind: 'receipt_confirmation', ref: '', dueOn: cal.firstWorkingDayOnOrAfter(addDays(shanghaiDateOf(c.submittedAt), 1)).date }];
    }
    if (!isOpen(c.status) || !c.receivedOn) return [];
    const out: Desired[] = [];
    if (c.replyDue && c.status !== 'correction_requested') out.push({ kind: 'reply', ref: '', dueOn: c.replyDue });
    if (c.correctionNoticeDue && !c.correctionRequestedOn && c.status !== 'correction_requested') out.push({ kind: 'correction_notice', ref: '', dueOn: c.correctionNoticeDue });
    if (c.status === 'correction_requested' && c.correctionPeriodEnd) out.push({ kind: 'correction_period', ref: '', dueOn: c.correctionPeriodEnd });
    for (const x of await m.getRepository(CaseConsultation).findBy({ caseId: c.id })) {
      if (!x.outcome && x.partyDue) out.push({ kind: 'consultation', ref: x.id, dueOn: x.partyDue });
    }
    for (const f of await m.getRepository(CaseFeeNotice).findBy({ caseId: c.id })) {
      if (!f.paidOn && f.paymentDue) out.push({ kind: 'fee_payment', ref: f.id, dueOn: f.paymentDue });
    }
    return out;
  }

  /** After commit: arms the live deadlines of a case whose current version has no job yet. */
  async armCase(caseId: string): Promise<void> {
    const rows = await this.db.getRepository(CaseDeadline).createQueryBuilder('d').where('d.case_id = :caseId', { caseId }).andWhere(`d.status = 'live' AND d.armed_version <> d.version`).getMany();
    for (const d of rows) await this.arm(d);
  }

  /** Adds the wake-up job for the deadline's next effect (if any) and records the armed version. */
  async arm(d: CaseDeadline, after: Date = this.clock.now(), busyJobId?: string, known?: Date | null): Promise<string | null> {
    const next = known !== undefined ? known : await this.nextMoment(d, after);
    if (next) {
      const delay = Math.max(0, next.getTime() - this.clock.now().getTime());
      let id = tickJobId(d, next);
      // Re-arming from inside the job that woke too early: its own id is still taken.
      if (id === busyJobId) id = `${id}_again${this.clock.now().getTime()}`;
      await this.jobs.add(JobName.DeadlineTick, { caseId: d.caseId, kind: d.kind, ref: d.ref, version: d.version, at: next.toISOString() }, { jobId: id, delay });
      this.metrics.timersArmed.inc({ kind: d.kind });
    }
    await this.db.getRepository(CaseDeadline).update({ caseId: d.caseId, kind: d.kind, ref: d.ref, version: d.version }, { armedVersion: d.version });
    return next ? next.toISOString() : null;
  }

  /** The first planned effect moment strictly after `after`, or the earliest unfired past one. */
  async nextMoment(d: CaseDeadline, after: Date): Promise<Date | null> {
    const cal = await this.calendars.forAgency(d.agencyId);
    const fired = new Set(
      (await this.db.query<Array<{ effect: string }>>(`SELECT effect FROM deadline_effect WHERE case_id = $1 AND kind = $2 AND ref = $3 AND version = $4`, [d.caseId, d.kind, d.ref, d.version])).map((r) => r.effect),
    );
    const pending = planEffects(cal, d.kind, d.dueOn, this.config.timers.reminderDays).filter((e) => !fired.has(e.effect)).map(momentOf).sort((a, b) => a.getTime() - b.getTime());
    const overdue = pending.find((t) => t.getTime() <= after.getTime());
    return overdue ?? pending[0] ?? null;
  }
}
