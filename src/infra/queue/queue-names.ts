import type { DeadlineKind, DeadlineSubject } from '../../shared/domain/deadline-kind';

/**
 * The one registry of queues, jobs and their payloads (STYLE.md point 5).
 * Values are stable kebab-case strings: they live in Redis, so never derive them from
 * class names and never rename one that has shipped.
 */
export const QueueName = {
  Mail: 'mail',
  Maintenance: 'maintenance',
  Deadlines: 'deadlines',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const JobName = {
  SendMail: 'send-mail',
  ReconcileOutbox: 'reconcile-outbox',
  DeadlineTick: 'deadline-tick',
  ReconcileDeadlines: 'reconcile-deadlines',
  RecomputeDeadlines: 'recompute-deadlines',
  SupervisorDigest: 'supervisor-digest',
  SupervisorWeekly: 'supervisor-weekly',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];

/** Payloads carry ids and ISO strings only: no personal data, no rendered content. */
export interface JobPayloads {
  [JobName.SendMail]: { outboxId: string };
  [JobName.ReconcileOutbox]: { requestedAt: string };
  /** `at`: the planned moment (ISO), so an early wake-up is recognised. */
  [JobName.DeadlineTick]: {
    subjectType: DeadlineSubject;
    subjectId: string;
    kind: DeadlineKind;
    ref: string;
    version: number;
    at: string;
  };
  [JobName.ReconcileDeadlines]: { requestedAt: string };
  /** A calendar change (R-WD-04): recompute the deadlines of every open subject. */
  [JobName.RecomputeDeadlines]: { changeId: string };
  [JobName.SupervisorDigest]: { requestedAt: string };
  [JobName.SupervisorWeekly]: { requestedAt: string };
}

/** Which queue each job runs on. */
export const JOB_QUEUE = {
  [JobName.SendMail]: QueueName.Mail,
  [JobName.ReconcileOutbox]: QueueName.Maintenance,
  [JobName.DeadlineTick]: QueueName.Deadlines,
  [JobName.ReconcileDeadlines]: QueueName.Deadlines,
  [JobName.RecomputeDeadlines]: QueueName.Deadlines,
  [JobName.SupervisorDigest]: QueueName.Deadlines,
  [JobName.SupervisorWeekly]: QueueName.Deadlines,
} as const satisfies { readonly [J in JobName]: QueueName };

export type JobsOf<Q extends QueueName> = {
  [J in JobName]: (typeof JOB_QUEUE)[J] extends Q ? J : never;
}[JobName];

export const ALL_QUEUES: readonly QueueName[] = Object.values(QueueName);

/** Deterministic job ids: no ':' (BullMQ separator) and never purely numeric. */
export function jobId(job: JobName, ...parts: Array<string | number>): string {
  return [job, ...parts].join('_').replace(/:/g, '-');
}
