import type { Agency } from '../agencies/agency.entity';
import { FEE_METHOD_LABELS } from '../fees/domain/fee-calculator';
import { REPLY_TYPE_INFO, type ReplyType } from '../law/domain/reply-type';
import { WINDOW_REMEDY, type ApplicantWindow } from '../remedies/domain/applicant-windows';
import { remedyBodyOf } from '../remedies/domain/remedy';
import type { CaseAttachment } from '../requests/case-attachment.entity';
import type { CaseFeeNotice } from '../requests/case-fee-notice.entity';
import type { RequestDetailView } from '../requests/request.views';

type Lang = 'zh' | 'en';

/** Who hears the remedy a window opens: the remedies module's rule on the agency's data. */
function bodyOf(w: ApplicantWindow, agency: Agency | null, lang: Lang): string | null {
  const kind = WINDOW_REMEDY[w.id];
  if (kind === 'appeal') return lang === 'zh' ? '上一级人民法院' : 'the court one level up';
  return agency ? remedyBodyOf(kind, agency) : null;
}

/**
 * What the applicant's request page shows beyond the case view: the fee notice with the
 * agency's payment instructions, the reply and its documents, and the remedy windows with their
 * bodies and last days (computed by the remedies module, never here).
 */
export function caseExtras(
  v: RequestDetailView,
  agency: Agency | null,
  files: readonly CaseAttachment[],
  windows: readonly ApplicantWindow[],
  lang: Lang,
) {
  const f = v.feeNotice as CaseFeeNotice | null;
  const pendingReport = Boolean(f?.reportedOn && !f.rejectedOn);
  return {
    fee: f
      ? {
          amountYuan: f.amountYuan,
          method: FEE_METHOD_LABELS[f.method][lang],
          quantity: f.quantity,
          sentOn: f.sentOn,
          paymentDue: f.paymentDue,
          paidOn: f.paidOn,
          reportedPaidOn: pendingReport ? f.reportedPaidOn : null,
          rejectionReason: f.rejectedOn ? f.rejectionReason : null,
          instructions: agency?.paymentInstructions ?? null,
          open: !f.paidOn && !pendingReport,
        }
      : null,
    // A withdrawal or a deemed abandonment is recorded like a reply but is none (no remedy).
    reply:
      v.reply && v.status === 'replied'
        ? {
            label: REPLY_TYPE_INFO[v.reply.type as ReplyType].label,
            basis: v.reply.basis ?? REPLY_TYPE_INFO[v.reply.type as ReplyType].basis,
            repliedOn: v.reply.repliedOn,
            deliveredOn: v.reply.deliveredOn,
          }
        : null,
    files: files.map((a) => ({
      name: a.filename,
      kind: a.kind,
      size: a.size,
      href: `/api/v1/requests/${v.id}/attachments/${a.id}`,
    })),
    windows: windows.map((w) => ({
      label: w.label,
      // The legal basis without the engine's rule ids, e.g. "(R-RV-03)".
      basis: w.basis.replace(/\s*\(R-[A-Z]+-\d+[A-Za-z]?\)/g, ''),
      due: w.due,
      provisional: w.provisional,
      body: bodyOf(w, agency, lang),
    })),
  };
}
