import { Regime } from '../../deadlines/domain/regime';
import { REPLY_TYPE_INFO, REPLY_TYPES } from '../../law/domain/reply-type';
import { InvalidLetterInputError } from './correspondence-errors';
import { markup, multiline } from './html';
import type { ApplicantLetterBase } from './letter-context';
import { chineseDate, regulationCitation } from './letter-format';
import { para, renderDocument, requestedInformation } from './letter-layout';
import type { LetterOutput } from './letter-titles';
import { isTermination, replyLetterTitle, type ReplyDecision } from './reply-decisions';
import { decisionParagraphs } from './reply-wording';
import { remedyText } from './remedy-paragraph';

export interface ReplyLetterInput extends ApplicantLetterBase {
  readonly decision: ReplyDecision;
  /** Optional further explanation by the clerk, printed after the decision. */
  readonly remarks?: string | null;
}

const ENGLISH_TITLE: Readonly<Record<string, string>> = {
  政府信息公开申请答复书: 'Reply to a Government Information Disclosure Application',
  政府信息公开申请终止办理告知书:
    'Notice of Termination of a Government Information Disclosure Application',
  政府信息公开申请撤回确认书:
    'Acknowledgement of Withdrawal of a Government Information Disclosure Application',
};

/**
 * 政府信息公开申请答复书 (and the 终止办理告知书 / 撤回确认书 variants): request, decision in the
 * wording of its reply type, legal basis, and the remedy paragraph (D-15). Every decision states
 * the remedies, so the 60-day / 6-month windows run (R-RV-05, R-LT-14 would otherwise apply);
 * the confirmation of the applicant's own withdrawal decides nothing and carries none.
 */
export function renderReply(input: ReplyLetterInput): LetterOutput {
  const { request, regime, decision } = input;
  const type = decision.type;
  if (!(REPLY_TYPES as readonly string[]).includes(type)) {
    throw new InvalidLetterInputError('decision.type', `unknown reply type '${String(type)}'`);
  }
  if (regime === Regime.Ogi2008 && isTermination(type)) {
    throw new InvalidLetterInputError(
      'decision.type',
      `${type} rests on a rule that OGI-2008 does not have (Art 30 / 国办函〔2020〕109号)`,
    );
  }
  const title = replyLetterTitle(type);
  const answer = type === 'WITHDRAWN' || isTermination(type) ? '现告知如下' : '现答复如下';
  const remarks = input.remarks?.trim();
  // The applicant's own withdrawal is confirmed, not decided: no remedy lies against it.
  const remedy =
    type === 'WITHDRAWN'
      ? null
      : remedyText({
          replyOn: input.issuedOn,
          nonDisclosure: REPLY_TYPE_INFO[type].nonDisclosure,
          bodies: input.agency.remedyBodies,
        });
  const body = [
    para(
      markup`本机关于${chineseDate(request.receivedOn, 'request.receivedOn')}收到您提出的政府信息公开申请，申请获取${requestedInformation(request)}。根据${regulationCitation(regime)}的规定，${answer}：`,
    ),
    ...decisionParagraphs(decision, regime),
    remarks ? para(multiline(remarks)) : null,
    remedy ? markup`<p class="remedy">${remedy}</p>\n` : null,
    para('特此告知。'),
  ];
  return {
    title,
    html: renderDocument({
      base: input,
      title,
      titleEn: ENGLISH_TITLE[title],
      addressee: input.applicant.name,
      body: markup`${body}`,
    }),
  };
}
