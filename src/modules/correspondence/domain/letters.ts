import { renderConsultationLetter, type ConsultationLetterInput } from './consultation-letter';
import { renderFeeNotice, type FeeNoticeInput } from './fee-notice';
import {
  renderCorrectionNotice,
  renderReceiptAcknowledgement,
  type CorrectionNoticeInput,
  type ReceiptAcknowledgementInput,
} from './intake-letters';
import { isLetterKind, type LetterKind, type LetterOutput } from './letter-titles';
import { InvalidLetterInputError } from './correspondence-errors';
import { renderReply, type ReplyLetterInput } from './reply-letter';
import {
  renderDeferralNotice,
  renderExtensionNotice,
  renderReasonsRequest,
  type DeferralNoticeInput,
  type ExtensionNoticeInput,
  type ReasonsRequestInput,
} from './timing-letters';

/** The input of each letter kind. */
export interface LetterInputs {
  receipt_acknowledgement: ReceiptAcknowledgementInput;
  correction_notice: CorrectionNoticeInput;
  extension_notice: ExtensionNoticeInput;
  consultation_letter: ConsultationLetterInput;
  fee_notice: FeeNoticeInput;
  deferral_notice: DeferralNoticeInput;
  reasons_request: ReasonsRequestInput;
  reply: ReplyLetterInput;
}

export interface RenderedLetter<K extends LetterKind = LetterKind> extends LetterOutput {
  readonly kind: K;
}

const RENDERERS: { readonly [K in LetterKind]: (input: LetterInputs[K]) => LetterOutput } = {
  receipt_acknowledgement: renderReceiptAcknowledgement,
  correction_notice: renderCorrectionNotice,
  extension_notice: renderExtensionNotice,
  consultation_letter: renderConsultationLetter,
  fee_notice: renderFeeNotice,
  deferral_notice: renderDeferralNotice,
  reasons_request: renderReasonsRequest,
  reply: renderReply,
};

/** Renders any statutory letter as a complete printable HTML document (zh-CN, A4). */
export function renderLetter<K extends LetterKind>(
  kind: K,
  input: LetterInputs[K],
): RenderedLetter<K> {
  if (!isLetterKind(kind)) {
    throw new InvalidLetterInputError('kind', `unknown letter kind '${String(kind)}'`);
  }
  const render: (input: LetterInputs[K]) => LetterOutput = RENDERERS[kind];
  const { title, html } = render(input);
  return { kind, title, html };
}
