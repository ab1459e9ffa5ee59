import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class RequestSummaryView {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'DQ-GA-2026-000123' }) referenceNo: string;
  @ApiProperty() agencyCode: string;
  @ApiProperty() agencyName: string;
  @ApiProperty() title: string;
  @ApiProperty() status: string;
  @ApiProperty() statusLabel: string;
  @ApiProperty() channel: string;
  @ApiPropertyOptional({ nullable: true }) receivedOn: string | null;
  @ApiPropertyOptional({ nullable: true }) regime: string | null;
  @ApiPropertyOptional({ nullable: true }) replyDue: string | null;
  @ApiProperty() paused: boolean;
  @ApiPropertyOptional({ nullable: true }) workingDaysLeft: number | null;
  @ApiProperty() provisional: boolean;
  @ApiProperty() overdue: boolean;
  @ApiPropertyOptional({
    nullable: true,
    description:
      'Late whatever the clock says: a step came after a due date (D-4); `since` is that due date',
  })
  late: { since: string; reason: string; message: string } | null;
  @ApiProperty({ enum: ['live', 'import'] }) source: string;
  @ApiPropertyOptional({ nullable: true, description: 'Day of the first conclusion (D-11, D-17)' })
  concludedOn: string | null;
  @ApiPropertyOptional({ nullable: true }) assigneeId: string | null;
  @ApiPropertyOptional({ nullable: true }) replyType: string | null;
  @ApiProperty() applicantName: string;
  @ApiProperty() applicantCategory: string;
  @ApiProperty() version: number;
}

export class TimelineEntryView {
  @ApiProperty() at: string;
  @ApiProperty() action: string;
  @ApiProperty() actorRole: string;
  @ApiPropertyOptional({ nullable: true }) fromStatus: string | null;
  @ApiProperty() toStatus: string;
  @ApiPropertyOptional({ nullable: true }) reason: string | null;
  @ApiProperty({ type: Object }) payload: Record<string, unknown>;
}

export class RequestDetailView extends RequestSummaryView {
  @ApiPropertyOptional({ nullable: true }) docNo: string | null;
  @ApiProperty() description: string;
  @ApiProperty() form: string;
  @ApiProperty() deliveryRoute: string;
  @ApiPropertyOptional({
    nullable: true,
    description: 'Oral filing (Art 29): why writing was difficult; when the applicant confirmed',
  })
  oral: { writingDifficulty: string; confirmedAt: string | null } | null;
  @ApiProperty({
    description: 'Personal data, masked unless you are the applicant or handle the case',
  })
  applicant: {
    category: string;
    name: string;
    idNumber: string | null;
    phone: string | null;
    email: string | null;
    address: string | null;
    masked: boolean;
  };
  @ApiProperty() deadlines: {
    anchorOn: string | null;
    correctionNoticeDue: string | null;
    correctionPeriodEnd: string | null;
    baseDue: string | null;
    replyDue: string | null;
    extensionDays: number;
    deferralDue: string | null;
    paused: boolean;
    workingDaysLeft: number | null;
    provisional: boolean;
    version: number;
  };
  @ApiPropertyOptional({ nullable: true }) reply: {
    type: string;
    basis: string | null;
    repliedOn: string | null;
    servedOn: string | null;
    serviceMethod: string | null;
    deliveredOn: string | null;
    onTime: boolean | null;
    detail: unknown;
  } | null;
  @ApiPropertyOptional({
    nullable: true,
    description: 'The first conclusion, as the annual report counts it',
  })
  conclusion: { concludedOn: string; type: string | null; onTime: boolean | null } | null;
  @ApiProperty({
    isArray: true,
    description: 'Every reply in order (round 2… after a remedy ordered a new answer)',
  })
  replies: Array<{
    round: number;
    type: string;
    basis: string;
    repliedOn: string;
    dueOn: string | null;
    letterId: string | null;
  }>;
  @ApiProperty({
    isArray: true,
    description: 'Service records (for post: posting day and delivery day)',
  })
  services: Array<{
    method: string;
    servedOn: string;
    deliveredOn: string | null;
    trackingNo: string | null;
    proofAttachmentId: string | null;
    letterId: string | null;
  }>;
  @ApiProperty({ isArray: true, description: 'Letters as issued (document number, date, SHA-256)' })
  letters: Array<{
    id: string;
    kind: string;
    title: string;
    documentNumber: string;
    issuedOn: string;
    sha256: string;
  }>;
  @ApiProperty({ isArray: true }) consultations: unknown[];
  @ApiPropertyOptional({ nullable: true }) feeNotice: unknown;
  @ApiProperty({ isArray: true }) extensions: unknown[];
  @ApiPropertyOptional({
    nullable: true,
    description: 'Earlier similar request of the same applicant (Art 36(6))',
  })
  similarTo: {
    id: string;
    referenceNo: string;
    title: string;
    replyType: string | null;
    repliedOn: string | null;
  } | null;
  @ApiProperty({ type: TimelineEntryView, isArray: true }) timeline: TimelineEntryView[];
}

/** What a filing answers: the case, plus what is shown only this once. */
export class FiledRequestView extends RequestDetailView {
  @ApiPropertyOptional({
    nullable: true,
    description:
      'The tracking code (查询码), shown once (only its hash is stored); null on an idempotent replay',
  })
  trackingCode: string | null;
  @ApiPropertyOptional({
    nullable: true,
    description: 'The receipt with the tracking code, printable HTML (not stored)',
  })
  receiptWithTrackingCode: string | null;
}
