import { parseLocalDate, type LocalDate } from '../../calendar/domain/local-date';
import { LEGAL_PERIODS } from '../../deadlines/domain/legal-periods';
import { Regime } from '../../deadlines/domain/regime';
import { InvalidLetterInputError } from './correspondence-errors';
import { markup, multiline, type Html } from './html';
import type { LetterBase, RequestSummary } from './letter-context';
import { chineseDate, REGULATION_SHORT, regulationCitation, requireText } from './letter-format';
import { para, renderDocument, requestedInformation } from './letter-layout';
import { LETTER_TITLES, type LetterOutput } from './letter-titles';

/** Art 32: a third party whose rights disclosure may harm; Art 34: a co-author agency. */
export const CONSULTEE_KINDS = ['third_party', 'other_agency'] as const;
export type ConsulteeKind = (typeof CONSULTEE_KINDS)[number];

/**
 * 征求意见函. Addressed to the consulted party, never naming the applicant (the applicant's
 * personal data is not the consultee's business).
 */
export interface ConsultationLetterInput extends LetterBase {
  readonly consultee: { readonly kind: ConsulteeKind; readonly name: string };
  /** The information asked for and the date the application was received. */
  readonly request: RequestSummary;
  /**
   * Last day for the opinion: 15 WD from the party's receipt of the letter (R-TP-02) — known only
   * once the receipt is; null prints the period without a date. Under OGI-2008 (no statutory
   * period) a date the agency sets, or none.
   */
  readonly replyDueOn?: LocalDate | null;
  /** Why the party is consulted, e.g. 可能涉及贵公司商业秘密. */
  readonly reason?: string | null;
  /** Where and how to send the opinion (contact person, address, e-mail). */
  readonly replyTo?: string | null;
}

const PARTY_WD = LEGAL_PERIODS.consultationReply.length;

/** 自收到本函之日起15个工作日内（即…前）, from the table and the engine's date when known. */
function within(due: string | null): Html {
  return due
    ? markup`自收到本函之日起${PARTY_WD}个工作日内（即${due}前）`
    : markup`自收到本函之日起${PARTY_WD}个工作日内`;
}

function thirdPartyBody(input: ConsultationLetterInput, due: string | null): Html[] {
  const reason = input.reason?.trim();
  const is2019 = input.regime === Regime.Ogi2019;
  return [
    para(
      markup`经审查，该政府信息${reason ? markup`${multiline(reason)}，` : '涉及贵方的商业秘密、个人隐私等合法权益，'}公开后可能损害贵方合法权益。根据${regulationCitation(input.regime)}${is2019 ? '第三十二条' : '第二十三条'}的规定，现书面征求贵方意见。`,
    ),
    para(
      is2019
        ? markup`请贵方${within(due)}提出是否同意公开的书面意见；不同意公开的，请说明理由。`
        : markup`请贵方${due ? markup`于${due}前` : '尽快'}提出是否同意公开的书面意见；不同意公开的，请说明理由。`,
    ),
    para(
      is2019
        ? markup`贵方逾期未提出意见的，由本机关依照${REGULATION_SHORT}的规定决定是否公开。贵方不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知贵方。`
        : markup`贵方不同意公开的，本机关不予公开；但本机关认为不公开可能对公共利益造成重大影响的，将予以公开，并将决定公开的政府信息内容和理由书面通知贵方。贵方逾期未提出意见的，由本机关依照${REGULATION_SHORT}的规定决定是否公开。`,
    ),
  ];
}

function otherAgencyBody(input: ConsultationLetterInput, due: string | null): Html[] {
  const reason = input.reason?.trim();
  if (input.regime !== Regime.Ogi2019) {
    return [
      para(
        markup`经审查，该政府信息${reason ? multiline(reason) : '涉及贵机关'}。依照${regulationCitation(input.regime)}的有关规定，现征求贵机关意见。`,
      ),
      para(markup`请贵机关${due ? markup`于${due}前` : '尽快'}提出是否同意公开的书面意见。`),
    ];
  }
  return [
    para(
      markup`经审查，该政府信息${reason ? multiline(reason) : '由本机关与贵机关共同制作'}。根据${regulationCitation(input.regime)}第三十四条的规定，现征求贵机关意见。`,
    ),
    para(markup`请贵机关${within(due)}提出是否同意公开的意见。逾期未提出意见的，视为同意公开。`),
  ];
}

/** 征求意见函 (OGI-2019 Art 32 third party / Art 34 other agency; OGI-2008 Art 23). */
export function renderConsultationLetter(input: ConsultationLetterInput): LetterOutput {
  const { request, consultee } = input;
  const name = requireText(consultee.name, 'consultee.name');
  const replyDueOn = input.replyDueOn ?? null;
  if (
    replyDueOn &&
    parseLocalDate(replyDueOn, 'replyDueOn') < parseLocalDate(input.issuedOn, 'issuedOn')
  ) {
    throw new InvalidLetterInputError('replyDueOn', `${replyDueOn} lies before the letter date`);
  }
  const due = replyDueOn ? chineseDate(replyDueOn, 'replyDueOn') : null;
  const replyTo = input.replyTo?.trim();
  const body: Html[] = [
    para(
      markup`本机关于${chineseDate(request.receivedOn, 'request.receivedOn')}收到一份政府信息公开申请，申请获取${requestedInformation(request)}。`,
    ),
    ...(consultee.kind === 'third_party'
      ? thirdPartyBody(input, due)
      : otherAgencyBody(input, due)),
    replyTo ? para(markup`意见请反馈至：${multiline(replyTo)}`) : markup``,
    para('特此函询，请予函复。'),
  ];
  const title = LETTER_TITLES.consultation_letter;
  return {
    title,
    html: renderDocument({
      base: input,
      title,
      titleEn: 'Letter Seeking Opinion on Disclosure',
      addressee: name,
      body: markup`${body}`,
    }),
  };
}
