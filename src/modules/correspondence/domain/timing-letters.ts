import { parseLocalDate, type LocalDate } from '../../calendar/domain/local-date';
import { Regime, REGIME_RULES } from '../../deadlines/domain/regime';
import { InvalidLetterInputError } from './correspondence-errors';
import { markup, multiline } from './html';
import type { ApplicantLetterBase } from './letter-context';
import {
  chineseDate,
  clause,
  REGULATION_SHORT,
  regulationCitation,
  requireText,
} from './letter-format';
import { para, renderDocument, requestedInformation } from './letter-layout';
import { LETTER_TITLES, type LetterOutput } from './letter-titles';

export interface ExtensionNoticeInput extends ApplicantLetterBase {
  /** Due date before the extension (R-DL-01). */
  readonly originalDueOn: LocalDate;
  /** N working days, 1 ≤ N ≤ 20 (15 under OGI-2008) (R-DL-02, D-5). */
  readonly extensionWorkingDays: number;
  /** Due date after the extension, computed by the deadline clock. */
  readonly newDueOn: LocalDate;
  /** Optional reason shown to the applicant (the Regulations do not require one). */
  readonly reason?: string | null;
}

export interface DeferralNoticeInput extends ApplicantLetterBase {
  /** The reasonable delayed reply date fixed by the agency (R-VOL-01, R-DL-05; no cap). */
  readonly delayedReplyOn: LocalDate;
  /** Why the reply cannot be given within the Art 33 limit. */
  readonly reason: string;
  /** Due date under Art 33 that cannot be met, when known. */
  readonly originalDueOn?: LocalDate | null;
}

function after(
  later: LocalDate,
  laterField: string,
  earlier: LocalDate,
  earlierField: string,
): void {
  if (parseLocalDate(later, laterField) <= parseLocalDate(earlier, earlierField)) {
    throw new InvalidLetterInputError(
      laterField,
      `${later} must lie after ${earlierField} ${earlier}`,
    );
  }
}

/**
 * 延长答复期限告知书 (OGI-2019 Art 33(2); OGI-2008 Art 24(2)): extension approved by the head of
 * the OGI work office and notified to the applicant. Whether it is dated in time (R-DL-03, D-5)
 * is checked by the deadline service, not here.
 */
export function renderExtensionNotice(input: ExtensionNoticeInput): LetterOutput {
  const { request, regime } = input;
  const max = REGIME_RULES[regime].maxExtensionWd;
  const n = input.extensionWorkingDays;
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new InvalidLetterInputError(
      'extensionWorkingDays',
      `expected a whole number of working days from 1 to ${max}, got ${n}`,
    );
  }
  after(input.newDueOn, 'newDueOn', input.originalDueOn, 'originalDueOn');
  const article = regime === Regime.Ogi2019 ? '第三十三条第二款' : '第二十四条第二款';
  const reason = input.reason?.trim();
  const body = [
    para(
      markup`本机关于${chineseDate(request.receivedOn, 'request.receivedOn')}收到您提出的政府信息公开申请，申请获取${requestedInformation(request)}。原答复期限为${chineseDate(input.originalDueOn, 'originalDueOn')}。`,
    ),
    para(
      markup`${reason ? markup`因${multiline(clause(reason))}，` : null}本机关不能在原答复期限内作出答复。根据${regulationCitation(regime)}${article}的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长${n}个工作日，本机关将于${chineseDate(input.newDueOn, 'newDueOn')}前作出答复。`,
    ),
    para(
      markup`延长的期限最长不超过${max}个工作日。征求第三方${regime === Regime.Ogi2019 ? '和其他机关' : ''}意见所需时间不计算在答复期限内。`,
    ),
    para('特此告知。'),
  ];
  const title = LETTER_TITLES.extension_notice;
  return {
    title,
    html: renderDocument({
      base: input,
      title,
      titleEn: 'Notice of Extension of the Reply Period',
      addressee: input.applicant.name,
      body: markup`${body}`,
    }),
  };
}

/**
 * 延迟答复告知书 (OGI-2019 Art 35): the applicant's reasons for a request of unreasonable number
 * or frequency were found reasonable, but the Art 33 limit cannot be met, so the agency fixes a
 * reasonable delayed reply date. OGI-2008 has no such article.
 */
export function renderDeferralNotice(input: DeferralNoticeInput): LetterOutput {
  const { request, regime } = input;
  if (regime !== Regime.Ogi2019) {
    throw new InvalidLetterInputError(
      'regime',
      'a delayed reply (Art 35) exists only under OGI-2019',
    );
  }
  const reason = requireText(input.reason, 'reason');
  const original = input.originalDueOn ?? null;
  if (original !== null) after(input.delayedReplyOn, 'delayedReplyOn', original, 'originalDueOn');
  else after(input.delayedReplyOn, 'delayedReplyOn', request.receivedOn, 'request.receivedOn');
  const body = [
    para(
      markup`本机关于${chineseDate(request.receivedOn, 'request.receivedOn')}收到您提出的政府信息公开申请，申请获取${requestedInformation(request)}。您申请公开政府信息的数量、频次明显超过合理范围，本机关已要求您说明理由。经审查，您的申请理由合理，但本机关无法在${regulationCitation(regime)}第三十三条规定的期限${original !== null ? markup`（${chineseDate(original, 'originalDueOn')}）` : null}内答复。`,
    ),
    para(markup`延迟答复的理由：${multiline(clause(reason))}。`),
    para(
      markup`根据${REGULATION_SHORT}第三十五条的规定，本机关确定延迟答复的合理期限，将于${chineseDate(input.delayedReplyOn, 'delayedReplyOn')}前作出答复。`,
    ),
    para('特此告知。'),
  ];
  const title = LETTER_TITLES.deferral_notice;
  return {
    title,
    html: renderDocument({
      base: input,
      title,
      titleEn: 'Notice of a Delayed Reply',
      addressee: input.applicant.name,
      body: markup`${body}`,
    }),
  };
}

export interface ReasonsRequestInput extends ApplicantLetterBase {
  /** A reasonable day by which the reasons are asked for, when the agency sets one. */
  readonly reasonsDueOn?: LocalDate | null;
}

/**
 * 要求说明理由通知书 (OGI-2019 Art 35, D-19): the number or frequency of the applicant's requests
 * clearly exceeds a reasonable range, so the agency asks for reasons. The reply period keeps
 * running meanwhile (the Regulations set no pause).
 */
export function renderReasonsRequest(input: ReasonsRequestInput): LetterOutput {
  const { request, regime } = input;
  if (regime !== Regime.Ogi2019) {
    throw new InvalidLetterInputError(
      'regime',
      'asking for reasons (Art 35) exists only under OGI-2019',
    );
  }
  const due = input.reasonsDueOn ?? null;
  if (due) after(due, 'reasonsDueOn', input.issuedOn, 'issuedOn');
  const body = [
    para(
      markup`本机关于${chineseDate(request.receivedOn, 'request.receivedOn')}收到您提出的政府信息公开申请，申请获取${requestedInformation(request)}。经审查，您申请公开政府信息的数量、频次明显超过合理范围。`,
    ),
    para(
      markup`根据${regulationCitation(regime)}第三十五条的规定，请您${due ? markup`于${chineseDate(due, 'reasonsDueOn')}前` : null}向本机关说明理由。`,
    ),
    para(
      markup`本机关认为申请理由不合理的，将告知您不予处理；认为申请理由合理，但是无法在${REGULATION_SHORT}第三十三条规定的期限内答复的，可以确定延迟答复的合理期限并告知您。`,
    ),
    para('特此告知。'),
  ];
  const title = LETTER_TITLES.reasons_request;
  return {
    title,
    html: renderDocument({
      base: input,
      title,
      titleEn: 'Request to State the Reasons for the Application',
      addressee: input.applicant.name,
      body: markup`${body}`,
    }),
  };
}
