import { CHANNEL_LABELS, type Channel } from '../../agencies/domain/agency';
import { parseLocalDate, type LocalDate } from '../../calendar/domain/local-date';
import { Regime, REGIME_RULES } from '../../deadlines/domain/regime';
import { InvalidLetterInputError } from './correspondence-errors';
import { markup, multiline, type Html } from './html';
import type { ApplicantLetterBase } from './letter-context';
import { chineseDate, REGULATION_SHORT, regulationCitation, requireText } from './letter-format';
import { para, renderDocument, requestedInformation } from './letter-layout';
import { LETTER_TITLES, type LetterOutput } from './letter-titles';

export interface ReceiptAcknowledgementInput extends ApplicantLetterBase {
  /** How the application arrived; decides how 收到申请之日 was fixed (R-RCV-01 … R-RCV-06). */
  readonly channel: Channel;
  /** 答复期限: the reply due date computed by the deadline clock (R-DL-01). */
  readonly replyDueOn: LocalDate;
  /** A corrected receipt: the date of receipt stated before (the earlier letter stays as issued). */
  readonly correctedFrom?: LocalDate | null;
  /**
   * D-7: say that the time from the fee notice to payment is not counted. Off by default: the
   * rule is an engine default (R-FEE-06 UNCONFIRMED), not statutory text.
   */
  readonly statesFeePause?: boolean;
  /**
   * The tracking code (查询码), printed only on the copy handed out at intake; the stored copy
   * says where to find it (the code itself is never stored, only its hash).
   */
  readonly trackingCode?: string | null;
}

const CODE_NOT_KEPT = markup`查询码已在登记时随本回执告知您（为保护您的信息，系统不保存查询码原文）。`;
const codeShown = (code: string) =>
  markup`查询码：<strong class="tracking-code">${code}</strong>。凭受理编号和查询码，无需登录即可查询办理进度。`;

/**
 * The applicant's copy of a stored receipt: the same document with the tracking code printed
 * where the stored one says it is not kept (the letter is rendered once, when issued).
 */
export function receiptWithTrackingCode(storedHtml: string, trackingCode: string): string {
  const stored = para(CODE_NOT_KEPT).markup;
  if (!storedHtml.includes(stored)) {
    throw new InvalidLetterInputError('html', 'not a stored receipt acknowledgement');
  }
  return storedHtml.replace(stored, para(codeShown(trackingCode)).markup);
}

export interface CorrectionNoticeInput extends ApplicantLetterBase {
  /** Everything that must be corrected, told once (一次性告知, OGI-2019 Art 30). */
  readonly items: readonly string[];
  /** Last day of the reasonable correction period set by the agency (R-COR-02). */
  readonly correctionDueOn: LocalDate;
  /** Optional guidance and explanation (指导和释明). */
  readonly guidance?: string | null;
}

/** How 收到申请之日 is fixed for each channel under OGI-2019 Art 31 (R-RCV-01 … R-RCV-06). */
const RECEIPT_RULE: Readonly<Record<Channel, string>> = {
  in_person:
    '第三十一条第（一）项的规定，申请人当面提交政府信息公开申请的，以提交之日为收到申请之日',
  post:
    '第三十一条第（二）项的规定，以邮寄方式提交政府信息公开申请的，以行政机关签收之日为收到申请之日；' +
    '以平常信函等无需签收的邮寄方式提交的，以政府信息公开工作机构与申请人确认之日为收到申请之日',
  fax: '第三十一条第（三）项的规定，通过政府信息公开工作机构的传真提交政府信息公开申请的，以双方确认之日为收到申请之日',
  online:
    '第三十一条第（三）项的规定，通过互联网渠道提交政府信息公开申请的，以双方确认之日为收到申请之日',
  email:
    '第三十一条第（三）项的规定，通过互联网渠道提交政府信息公开申请的，以双方确认之日为收到申请之日',
  oral: '第二十九条、第三十一条第（一）项的规定，申请人口头提出申请、由政府信息公开工作机构代为填写的，以代为填写之日为收到申请之日',
};

function notBefore(date: LocalDate, field: string, earliest: LocalDate, what: string): LocalDate {
  const d = parseLocalDate(date, field);
  if (d < parseLocalDate(earliest, 'date')) {
    throw new InvalidLetterInputError(field, `${d} lies before ${what} ${earliest}`);
  }
  return d;
}

/** 政府信息公开申请登记回执: receipt registered, date of receipt, reply due date (OGI-2019 Arts 31, 33). */
export function renderReceiptAcknowledgement(input: ReceiptAcknowledgementInput): LetterOutput {
  const { request, regime } = input;
  const rules = REGIME_RULES[regime];
  const received = chineseDate(request.receivedOn, 'request.receivedOn');
  const due = chineseDate(
    notBefore(input.replyDueOn, 'replyDueOn', request.receivedOn, 'the date of receipt'),
    'replyDueOn',
  );
  const is2019 = regime === Regime.Ogi2019;
  const article = is2019 ? '第三十三条' : '第二十四条';
  const body: Html[] = [
    para(
      markup`您通过${CHANNEL_LABELS[input.channel].zh}方式提出的政府信息公开申请已收悉，申请获取${requestedInformation(request)}。本机关已予登记，受理编号为${input.referenceNumber}，请妥善保管本回执，以便查询办理进度。`,
    ),
    para(input.trackingCode ? codeShown(input.trackingCode) : CODE_NOT_KEPT),
    para(
      is2019
        ? markup`根据${regulationCitation(regime)}${RECEIPT_RULE[input.channel]}。本机关收到您申请之日为${received}。`
        : markup`本机关收到您申请之日为${received}。`,
    ),
    para(
      markup`本机关将依照${is2019 ? REGULATION_SHORT : regulationCitation(regime)}${article}的规定，自收到申请之日起${rules.replyLimitWd}个工作日内作出答复，答复期限为${due}。需要延长答复期限的，经政府信息公开工作机构负责人同意，本机关将另行告知您，延长的期限最长不超过${rules.maxExtensionWd}个工作日。`,
    ),
    para(
      is2019
        ? markup`征求第三方和其他机关意见所需时间不计算在上述期限内；申请内容不明确需要补正的，答复期限自本机关收到补正的申请之日起计算${input.statesFeePause ? '；本机关依法收取信息处理费的，自发出收费通知至您缴纳费用期间不计算在上述期限内' : ''}。出现上述情形的，本机关将另行书面告知。`
        : markup`征求第三方意见所需时间不计算在上述期限内。出现该情形的，本机关将另行书面告知。`,
    ),
  ];
  if (input.correctedFrom)
    body.unshift(
      para(
        markup`本机关此前告知您的收到申请之日（${chineseDate(input.correctedFrom, 'correctedFrom')}）有误，现予更正。收到申请之日和答复期限以本回执为准。`,
      ),
    );
  const title = input.correctedFrom
    ? `${LETTER_TITLES.receipt_acknowledgement}（更正）`
    : LETTER_TITLES.receipt_acknowledgement;
  return {
    title,
    html: renderDocument({
      base: input,
      title,
      titleEn: input.correctedFrom
        ? 'Corrected Acknowledgement of Receipt of a Government Information Disclosure Application'
        : 'Acknowledgement of Receipt of a Government Information Disclosure Application',
      addressee: input.applicant.name,
      body: markup`${body}`,
    }),
  };
}

/** 补正申请告知书: one-time notice of what to correct (OGI-2019 Art 30; OGI-2008 Art 21(4)). */
export function renderCorrectionNotice(input: CorrectionNoticeInput): LetterOutput {
  const { request, regime } = input;
  const items = input.items.map((item, i) => requireText(item, `items[${i}]`));
  if (items.length === 0) {
    throw new InvalidLetterInputError('items', 'list at least one matter to correct (一次性告知)');
  }
  const dueOn = notBefore(
    input.correctionDueOn,
    'correctionDueOn',
    input.issuedOn,
    'the letter date',
  );
  const due = chineseDate(dueOn, 'correctionDueOn');
  const is2019 = regime === Regime.Ogi2019;
  const guidance = input.guidance?.trim();
  const body: Html[] = [
    para(
      markup`本机关于${chineseDate(request.receivedOn, 'request.receivedOn')}收到您提出的政府信息公开申请，申请获取${requestedInformation(request)}。经审查，您的申请内容不明确。根据${regulationCitation(regime)}${is2019 ? '第三十条' : '第二十一条第（四）项'}的规定，现${is2019 ? '一次性告知您需要补正的事项' : '告知您需要更改、补充的事项'}如下：`,
    ),
    markup`<ol class="items">\n${items.map((item) => markup`<li>${multiline(item)}</li>\n`)}</ol>\n`,
    guidance ? para(multiline(guidance)) : null,
    para(markup`请您于${due}前（补正期限届满之日）向本机关提交补正后的申请。`),
  ].filter((x): x is Html => x !== null);
  if (is2019) {
    body.push(
      para(markup`答复期限自本机关收到补正的申请之日起重新计算。`),
      para(markup`您无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。`),
    );
  } else {
    body.push(
      para(markup`本机关收到您更改、补充后的申请后，将依照《政府信息公开条例》的规定予以答复。`),
    );
  }
  body.push(para('特此告知。'));
  const title = LETTER_TITLES.correction_notice;
  return {
    title,
    html: renderDocument({
      base: input,
      title,
      titleEn: 'Notice to Correct the Application',
      addressee: input.applicant.name,
      body: markup`${body}`,
    }),
  };
}
