import type { RequestDetailView, TimelineEntryView } from './request.views';

/** What the applicant learns of a consultation: that it is under way, never who or where. */
export interface ApplicantConsultationView {
  partyKind: 'third_party' | 'other_agency';
  underWay: boolean;
  label: string;
}

const CONSULTATION_LABEL = {
  third_party: ['正在征求第三方意见', '已征求第三方意见'],
  other_agency: ['正在征求其他机关意见', '已征求其他机关意见'],
} as const;

/** Internal steps the applicant is not told of (an approved extension reaches them as a letter). */
const INTERNAL_ACTIONS = new Set(['assign', 'request_extension']);
/** Payload members that name staff or say what a consulted party answered. */
const STAFF_KEYS = new Set(['assigneeId', 'actorId', 'requestedBy', 'decidedBy', 'outcome']);

interface ConsultationRow {
  partyKind: 'third_party' | 'other_agency';
  answeredOn: string | null;
}

function consultationsForApplicant(rows: readonly unknown[]): ApplicantConsultationView[] {
  return (rows as ConsultationRow[]).map((k) => {
    const underWay = k.answeredOn === null;
    return {
      partyKind: k.partyKind,
      underWay,
      label: CONSULTATION_LABEL[k.partyKind][underWay ? 0 : 1],
    };
  });
}

function timelineForApplicant(events: readonly TimelineEntryView[]): TimelineEntryView[] {
  return events
    .filter((e) => !INTERNAL_ACTIONS.has(e.action))
    .filter((e) => e.action !== 'decide_extension' || e.payload.approved === true)
    .map((e) => {
      const consultation = e.action === 'start_consultation' || e.action === 'close_consultation';
      const payload = consultation
        ? { partyKind: e.payload.partyKind ?? null }
        : Object.fromEntries(Object.entries(e.payload).filter(([k]) => !STAFF_KEYS.has(k)));
      // The supervisor's note on a decision and the clerk's reasons for a consultation stay inside.
      const internalReason = consultation || e.action === 'decide_extension';
      return { ...e, reason: internalReason ? null : e.reason, payload };
    });
}

/**
 * The applicant's view of their case: no third parties' identities or addresses, no internal
 * approvals (extension requests and decisions, who decided), no supervisors' notes, no staff ids.
 * Staff see the full view.
 */
export function applicantView(v: RequestDetailView): RequestDetailView {
  return {
    ...v,
    assigneeId: null,
    consultations: consultationsForApplicant(v.consultations),
    extensions: [],
    timeline: timelineForApplicant(v.timeline),
  };
}
