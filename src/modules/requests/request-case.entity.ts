import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Agency } from '../agencies/agency.entity';
import type { ApplicantCategory } from '../accounts/domain/applicant';
import type { IdProofType } from '../accounts/domain/identity';
import type { Channel } from '../agencies/domain/agency';
import type { Regime } from '../deadlines/domain/regime';
import type { CaseSource } from './domain/case-facts';
import type { CaseStatus } from './domain/case-status';
import type { ReplyType } from '../law/domain/reply-type';
import type {
  DeliveryRoute,
  InformationForm,
  ReplyDetail,
  ServiceMethod,
} from './domain/request-fields';

/**
 * One application for government information (依申请公开). Keyed by (year, id) so the table
 * can later be partitioned by filing year. The applicant's identity is a snapshot taken at
 * filing (the report counts the category at filing, D-11); personal data is encrypted.
 */
@Entity('request_case')
@Index('request_case_id_idx', ['id'])
@Index('request_case_agency_status_idx', ['agencyId', 'status'])
@Index('request_case_due_idx', ['replyDue'], {
  where: `status IN ('received', 'in_progress', 'paused', 'correction_requested', 'submitted', 'awaiting_reasons')`,
})
@Index('request_case_applicant_idx', ['applicantUserId'])
@Index('request_case_idempotency_key', ['applicantUserId', 'idempotencyKey', 'year'], {
  unique: true,
  where: 'idempotency_key IS NOT NULL',
})
@Index('request_case_reference_key', ['referenceNo', 'year'], { unique: true })
@Index('request_case_applicant_index_idx', ['agencyId', 'applicantIdIndex'])
// Art 36(6) repeat detector: the applicant's replied requests to the agency, newest first.
@Index('request_case_replied_repeat_idx', ['agencyId', 'applicantIdIndex', 'createdAt'], {
  where: `status = 'replied'`,
})
@Index('request_case_external_ref_key', ['agencyId', 'externalRef', 'year'], {
  unique: true,
  where: 'external_ref IS NOT NULL',
})
@Index('request_case_report_idx', ['agencyId', 'receivedOn'])
@Check('request_case_source_check', `source IN ('live', 'import')`)
@Check(
  'request_case_status_check',
  `status IN ('submitted', 'received', 'correction_requested', 'in_progress', 'paused', 'awaiting_reasons', 'replied', 'withdrawn', 'abandoned')`,
)
export class RequestCase {
  /** Filing year in Asia/Shanghai: the partition key. */
  @PrimaryColumn('smallint')
  year: number;

  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid') agencyId: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'request_case_agency_fk' })
  agency?: Agency;
  @Column('text') referenceNo: string;
  @Column('int') seq: number;

  // Applicant (snapshot at filing)
  @Column('uuid', { nullable: true }) applicantUserId: string | null;
  @Column('text') applicantCategory: ApplicantCategory;
  @Column('text') applicantName: string;
  /** Null only for imported historical cases that did not record the identity. */
  @Column('text', { nullable: true }) applicantIdType: IdProofType | null;
  @Column('text', { nullable: true }) applicantIdEnc: string | null;
  @Column('text', { nullable: true }) applicantIdIndex: string | null;
  @Column('text', { nullable: true }) applicantPhoneEnc: string | null;
  @Column('text', { nullable: true }) applicantEmail: string | null;
  @Column('text', { nullable: true }) applicantAddressEnc: string | null;
  @Column('text', { nullable: true }) applicantPostcode: string | null;

  // Intake (R-RCV-01…06)
  @Column('text') channel: Channel;
  @Column('text', { nullable: true }) postKind: 'signed' | 'ordinary' | null;
  @Column('timestamptz') submittedAt: Date;
  @Column('timestamptz', { nullable: true }) signedAt: Date | null;
  @Column('timestamptz', { nullable: true }) confirmedAt: Date | null;
  @Column('date', { nullable: true }) receivedOn: string | null;
  @Column('text', { nullable: true }) regime: Regime | null;

  // What is asked (Art 29)
  @Column('text') title: string;
  @Column('text', { nullable: true }) docNo: string | null;
  @Column('text') description: string;
  @Column('text') form: InformationForm;
  @Column('text') deliveryRoute: DeliveryRoute;

  @Column('text') status: CaseStatus;
  @Column('uuid', { nullable: true }) assigneeId: string | null;

  // Derived deadlines (recomputed by the deadline engine on every clock change)
  @Column('date', { nullable: true }) anchorOn: string | null;
  @Column('date', { nullable: true }) correctionNoticeDue: string | null;
  @Column('date', { nullable: true }) correctionPeriodEnd: string | null;
  @Column('date', { nullable: true }) correctionRequestedOn: string | null;
  @Column('date', { nullable: true }) correctionReceivedOn: string | null;
  @Column('date', { nullable: true }) baseDue: string | null;
  @Column('date', { nullable: true }) replyDue: string | null;
  @Column('boolean', { default: false }) paused: boolean;
  @Column('int', { nullable: true }) workingDaysLeft: number | null;
  @Column('boolean', { default: false }) provisional: boolean;
  @Column('int', { default: 0 }) extensionDays: number;
  @Column('date', { nullable: true }) deferralDue: string | null;
  @Column('int', { default: 0 }) deadlinesVersion: number;
  /**
   * The due date a step came after (a correction notice issued once the reply was due): from it
   * the case is late everywhere — overdue while open, never on time when concluded.
   */
  @Column('date', { nullable: true }) lateSince: string | null;
  /** Why the case is late (a reason code, e.g. `correction-after-due`). */
  @Column('text', { nullable: true }) lateReason: string | null;

  // Outcome
  @Column('text', { nullable: true }) replyType: ReplyType | null;
  @Column('text', { nullable: true }) replyBasis: string | null;
  @Column('jsonb', { nullable: true }) replyDetail: ReplyDetail | null;
  @Column('date', { nullable: true }) repliedOn: string | null;
  @Column('text', { nullable: true }) serviceMethod: ServiceMethod | null;
  @Column('date', { nullable: true }) servedOn: string | null;
  /** The day the applicant received the current reply (remedy windows run from it, DOMAIN §3.4). */
  @Column('date', { nullable: true }) deliveredOn: string | null;
  /** R-DL-04 for the FIRST conclusion: served (post: posted) on or before the effective due date. */
  @Column('boolean', { nullable: true }) onTime: boolean | null;
  /** D-11, D-17: the day of the first conclusion; never moved by a re-answer. */
  @Column('date', { nullable: true }) concludedOn: string | null;
  /** The reply type of the first conclusion (the report's row, D-17). */
  @Column('text', { nullable: true }) conclusionType: ReplyType | null;

  // Art 35 (D-19)
  @Column('date', { nullable: true }) reasonsRequestedOn: string | null;
  @Column('date', { nullable: true }) reasonsReceivedOn: string | null;

  // Reopening (D-18)
  /** The day the agency received the decision ordering a new answer (the new anchor). */
  @Column('date', { nullable: true }) reopenedOn: string | null;
  @Column('date', { nullable: true }) orderedDue: string | null;
  /** Set when this case repeats an earlier one of the same applicant and agency (Art 36(6)). */
  @Column('uuid', { nullable: true }) similarToId: string | null;

  @Column('text', { nullable: true }) idempotencyKey: string | null;
  /** Art 29, oral filing: why writing was difficult, and when the applicant confirmed the form. */
  @Column('text', { nullable: true }) oralWritingDifficulty: string | null;
  @Column('timestamptz', { nullable: true }) oralConfirmedAt: Date | null;

  /** `live` (filed here) or `import` (historical: no timers, letters, escalation or supervision). */
  @Column('text', { default: 'live' }) source: CaseSource;
  /** SHA-256 of the tracking code printed on the receipt (the code itself is never stored). */
  @Column('text', { nullable: true }) trackingCodeHash: string | null;
  /** Imported history: the source system's reference (unique per agency; re-import is a no-op). */
  @Column('text', { nullable: true }) externalRef: string | null;
  /** What the application is about, for the 2008 report's main topics (e.g. 档案文件查询). */
  @Column('text', { nullable: true }) topic: string | null;
  /** Imported history: information-processing fees collected (CNY). */
  @Column('numeric', { precision: 12, scale: 2, nullable: true }) importedFeeYuan: string | null;

  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
