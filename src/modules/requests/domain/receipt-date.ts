import { shanghaiDateOf, type LocalDate } from '../../calendar/domain/local-date';
import type { Channel, OnlineConfirmation } from '../../agencies/domain/agency';

export interface ReceiptFacts {
  channel: Channel;
  /** For post: signed for (registered, EMS…) or an ordinary letter. */
  postKind?: 'signed' | 'ordinary' | null;
  submittedAt: Date;
  signedAt?: Date | null;
  confirmedAt?: Date | null;
  onlineConfirmation: OnlineConfirmation;
}

export type ReceiptResult = { receivedOn: LocalDate } | { pending: string };

/**
 * The date of receipt (收到申请之日), OGI-2019 Art 31 and D-2/D-3:
 * in person / oral → the day of submission (R-RCV-01, R-RCV-06); post signed for → the day
 * the agency signed (R-RCV-02); ordinary letter → the day of confirmation with the applicant
 * (R-RCV-03); internet and fax → the day both sides confirm (R-RCV-04), which for an agency
 * with automatic online confirmation is the submission day; e-mail → confirmation day.
 * All dates in Asia/Shanghai; a non-working day stays the anchor (D-3).
 */
export function receiptDate(f: ReceiptFacts): ReceiptResult {
  const day = (d: Date) => shanghaiDateOf(d);
  switch (f.channel) {
    case 'in_person':
    case 'oral':
      return { receivedOn: day(f.submittedAt) };
    case 'post':
      if (f.postKind === 'signed')
        return f.signedAt ? { receivedOn: day(f.signedAt) } : { pending: 'signedAt' };
      return f.confirmedAt ? { receivedOn: day(f.confirmedAt) } : { pending: 'confirmedAt' };
    case 'online':
      if (f.onlineConfirmation === 'automatic') return { receivedOn: day(f.submittedAt) };
      return f.confirmedAt ? { receivedOn: day(f.confirmedAt) } : { pending: 'confirmedAt' };
    case 'fax':
    case 'email':
      return f.confirmedAt ? { receivedOn: day(f.confirmedAt) } : { pending: 'confirmedAt' };
  }
}
