/** Public API of the correspondence domain: pure renderers of every statutory letter. */
export { escapeHtml, markup, multiline, type Html, type HtmlValue } from './html';
export {
  chineseDate,
  DEFAULT_DOCUMENT_CATEGORY,
  DEFAULT_DOCUMENT_WIDTH,
  documentNumber,
  documentNumberAround,
  REGULATION_NAME,
  regulationCitation,
  yuanInCapitals,
  type DocumentNumberParts,
} from './letter-format';
export type {
  ApplicantLetterBase,
  LetterAgency,
  LetterApplicant,
  LetterBase,
  RequestSummary,
} from './letter-context';
export {
  isLetterKind,
  LETTER_KINDS,
  LETTER_TITLES,
  type LetterKind,
  type LetterOutput,
} from './letter-titles';
export { renderLetter, type LetterInputs, type RenderedLetter } from './letters';
export {
  renderCorrectionNotice,
  renderReceiptAcknowledgement,
  receiptWithTrackingCode,
  type CorrectionNoticeInput,
  type ReceiptAcknowledgementInput,
} from './intake-letters';
export {
  renderDeferralNotice,
  renderExtensionNotice,
  renderReasonsRequest,
  type DeferralNoticeInput,
  type ExtensionNoticeInput,
  type ReasonsRequestInput,
} from './timing-letters';
export {
  CONSULTEE_KINDS,
  renderConsultationLetter,
  type ConsulteeKind,
  type ConsultationLetterInput,
} from './consultation-letter';
export { FEE_MEASURES, renderFeeNotice, type FeeCharge, type FeeNoticeInput } from './fee-notice';
export { renderReply, type ReplyLetterInput } from './reply-letter';
export {
  isTermination,
  TERMINATION_TYPES,
  replyBasis,
  replyLetterTitle,
  WITHHELD_TYPES,
  type AccessRoute,
  type ReplyDecision,
  type ResponsibleAgency,
  type WithheldPart,
  type WithheldType,
} from './reply-decisions';
export {
  GENERIC_COURT,
  GENERIC_RECONSIDERATION_BODY,
  reconsiderationFirst,
  remedyText,
} from './remedy-paragraph';
export { CorrespondenceErrorCode, InvalidLetterInputError } from './correspondence-errors';
export { chineseCount } from './letter-format';
