import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../infra/clock/clock';
import { UnitOfWork } from '../../infra/database/unit-of-work';
import { regimeFor } from '../deadlines/domain/regime';
import { REPLY_TYPE_INFO } from '../law/domain/reply-type';
import type { CaseStatus } from './domain/case-status';
import {
  parseCaseLine,
  type CaseImportProblem,
  type CaseImportRecord,
} from './domain/historical-case';
import { HistoricalCasesRepository } from './historical-cases.repository';
import type { RequestCase } from './request-case.entity';

export type CaseImportOutcome =
  | { ok: true; created: number; unchanged: number; seconds: number }
  | { ok: false; problems: CaseImportProblem[] };

const ENDED: Partial<Record<string, CaseStatus>> = {
  WITHDRAWN: 'withdrawn',
  ABANDONED_NO_CORRECTION: 'abandoned',
  ABANDONED_FEE_UNPAID: 'abandoned',
};

/**
 * `cli import cases --file F.jsonl`: historical cases for the annual report. Every line is
 * checked first (bad lines reported with their numbers, nothing of a bad file imported), then
 * all rows are written in one transaction in batches. A line's identity is (agencyCode,
 * externalRef): re-importing the same line changes nothing. Imported cases are `source: import`:
 * no timers, letters or escalations, live-case preconditions not applied; their year is the year
 * of `receivedOn`; reference numbers `<agency>-<year>-H<seq>`.
 */
@Injectable()
export class HistoricalImport {
  constructor(
    @Inject(Clock) private readonly clock: Clock,
    private readonly uow: UnitOfWork,
    private readonly repo: HistoricalCasesRepository,
  ) {}

  async import(
    text: string,
    progress?: (done: number, total: number) => void,
  ): Promise<CaseImportOutcome> {
    const started = Date.now();
    const today = this.clock.today();
    const agencies = new Map((await this.repo.agencies()).map((a) => [a.code, a.id]));
    const lines = text.split(/\r?\n/);
    const problems: CaseImportProblem[] = [];
    const records: CaseImportRecord[] = [];
    const seen = new Set<string>();
    lines.forEach((raw, i) => {
      if (!raw.trim()) return;
      const r = parseCaseLine(raw, i + 1, today, seen);
      problems.push(...r.problems);
      if (r.record && !agencies.has(r.record.agencyCode))
        problems.push({
          line: i + 1,
          field: 'agencyCode',
          message: `no agency ${r.record.agencyCode} · 未找到该机构`,
        });
      else if (r.record) records.push(r.record);
    });
    if (problems.length) return { ok: false, problems };
    return this.uow.run(async (tx) => {
      const existing = await this.repo.existing(tx.m, [
        ...new Set(records.map((r) => agencies.get(r.agencyCode) as string)),
      ]);
      const seq = await this.repo.importedSeq(tx.m);
      const rows: Array<Partial<RequestCase>> = [];
      let unchanged = 0;
      for (const r of records) {
        const agencyId = agencies.get(r.agencyCode) as string;
        if (existing.get(agencyId)?.has(r.externalRef)) {
          unchanged++;
          continue;
        }
        rows.push(this.row(r, agencyId, seq));
      }
      for (let i = 0; i < rows.length; i += 5_000) {
        await this.repo.insert(tx.m, rows.slice(i, i + 5_000));
        progress?.(Math.min(i + 5_000, rows.length), rows.length);
      }
      return {
        ok: true as const,
        created: rows.length,
        unchanged,
        seconds: (Date.now() - started) / 1000,
      };
    });
  }

  private row(
    r: CaseImportRecord,
    agencyId: string,
    seqs: Map<string, number>,
  ): Partial<RequestCase> {
    const year = Number(r.receivedOn.slice(0, 4));
    const prefix = `${r.agencyCode}-${year}-H`;
    const seq = (seqs.get(prefix) ?? 0) + 1;
    seqs.set(prefix, seq);
    const concludedOn = r.replyType ? (r.servedOn ?? r.repliedOn) : null;
    return {
      year,
      id: randomUUID(),
      agencyId,
      referenceNo: `${prefix}${String(seq).padStart(6, '0')}`,
      seq,
      applicantUserId: null,
      applicantCategory: r.applicantType,
      applicantName: '（历史数据）',
      channel: r.channel,
      submittedAt: new Date(`${r.receivedOn}T09:00:00+08:00`),
      receivedOn: r.receivedOn,
      regime: regimeFor(r.receivedOn),
      title: r.subject,
      description: r.subject,
      form: 'either',
      deliveryRoute: 'post',
      status: r.replyType ? (ENDED[r.replyType] ?? 'replied') : 'in_progress',
      anchorOn: r.receivedOn,
      replyDue: r.dueOn,
      replyType: r.replyType,
      replyBasis: r.replyType ? REPLY_TYPE_INFO[r.replyType].basis : null,
      repliedOn: r.repliedOn,
      servedOn: r.replyType ? r.servedOn : null,
      deliveredOn: null,
      onTime: r.onTime,
      concludedOn,
      conclusionType: r.replyType,
      source: 'import',
      externalRef: r.externalRef,
      topic: r.topic,
      importedFeeYuan: r.feeYuan === null ? null : r.feeYuan.toFixed(2),
      version: 1,
    };
  }
}
