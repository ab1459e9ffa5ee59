import { parseLocalDate, type LocalDate } from '../../calendar/domain/local-date';
import { LEGAL_PERIODS } from '../../deadlines/domain/legal-periods';
import { Regime } from '../../deadlines/domain/regime';
import { assertFeesApplicable, FEE_METHOD_LABELS } from '../../fees/domain/fee-calculator';
import { InvalidLetterInputError } from './correspondence-errors';
import { markup, multiline } from './html';
import type { ApplicantLetterBase } from './letter-context';
import {
  chineseDate,
  groupedYuan,
  regulationCitation,
  requireText,
  yuanInCapitals,
} from './letter-format';
import { para, renderDocument, requestedInformation } from './letter-layout';
import { LETTER_TITLES, type LetterOutput } from './letter-titles';

export const FEE_MEASURES = '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）';

/** The one method charged (R-FEE-01) and the count it was computed on. */
export type FeeCharge =
  | {
      readonly method: 'per-piece';
      /** The applicant's cumulative pieces to this agency in the calendar month, this one included (D-8). */
      readonly cumulativePiecesInMonth: number;
    }
  | {
      readonly method: 'per-volume';
      /** Pages of the information to be provided (R-FEE D-8). */
      readonly pages: number;
    };

export interface FeeNoticeInput extends ApplicantLetterBase {
  readonly charge: FeeCharge;
  /** Whole yuan, computed by the fee calculator (D-8). */
  readonly amountYuan: number;
  /** Optional breakdown, e.g. 70页×10元＋100页×20元＋50页×40元. */
  readonly calculation?: string | null;
  /** How to pay: payee, account, place, online route (R-FEE-03). */
  readonly paymentMethod: string;
  /**
   * 20 WD counted from the day after the applicant RECEIVES this notice (R-FEE-04, D-7): known
   * only once the receipt is (e.g. handed over); null prints the period without a date.
   */
  readonly paymentDueOn?: LocalDate | null;
}

/** 109号 Art 4 (per piece) and Art 5 (per volume), progressive excess basis (超额累进). */
const STANDARD = {
  'per-piece':
    '同一申请人一个自然月内累计申请10件以下（含10件）的，不收费；11—30件（含30件）的部分，收费标准为100元/件；' +
    '30件以上的部分，以10件为一档，每增加一档，收费标准提高100元/件。',
  'per-volume':
    '同一政府信息公开申请中，30页以下（含30页）的，不收费；31—100页（含100页）的部分，收费标准为10元/页；' +
    '101—200页（含200页）的部分，收费标准为20元/页；200页以上的部分，收费标准为40元/页。',
} as const;

const ARTICLE = { 'per-piece': '第三条、第四条', 'per-volume': '第三条、第五条' } as const;

function chargeFacts(charge: FeeCharge): string {
  const count = charge.method === 'per-piece' ? charge.cumulativePiecesInMonth : charge.pages;
  const field = charge.method === 'per-piece' ? 'charge.cumulativePiecesInMonth' : 'charge.pages';
  if (!Number.isInteger(count) || count < 1) {
    throw new InvalidLetterInputError(field, `expected a positive whole number, got ${count}`);
  }
  return charge.method === 'per-piece'
    ? `截至本申请，您本自然月内向本机关累计提出政府信息公开申请${count}件`
    : `您申请提供的政府信息共计${count}页`;
}

/**
 * 收费通知 (OGI-2019 Art 42; 国办函〔2020〕109号): method, basis, standard, amount, how to pay,
 * the 20-WD payment deadline and the consequence of not paying (视为放弃申请, R-FEE-03 … 05).
 */
export function renderFeeNotice(input: FeeNoticeInput): LetterOutput {
  const { request, regime, charge } = input;
  if (regime !== Regime.Ogi2019) {
    throw new InvalidLetterInputError(
      'regime',
      'the information-processing fee exists only under OGI-2019',
    );
  }
  assertFeesApplicable(request.receivedOn, 'request.receivedOn');
  const amount = input.amountYuan;
  if (!Number.isSafeInteger(amount) || amount < 1) {
    throw new InvalidLetterInputError(
      'amountYuan',
      `expected a positive whole number of yuan, got ${amount}`,
    );
  }
  const dueOn = input.paymentDueOn ? parseLocalDate(input.paymentDueOn, 'paymentDueOn') : null;
  if (dueOn && dueOn <= parseLocalDate(input.issuedOn, 'issuedOn')) {
    throw new InvalidLetterInputError('paymentDueOn', `${dueOn} must lie after the notice date`);
  }
  const payment = requireText(input.paymentMethod, 'paymentMethod');
  const calculation = input.calculation?.trim();
  const method = FEE_METHOD_LABELS[charge.method].zh;
  const body = [
    para(
      markup`本机关于${chineseDate(request.receivedOn, 'request.receivedOn')}收到您提出的政府信息公开申请，申请获取${requestedInformation(request)}。`,
    ),
    para(
      markup`经审查，${chargeFacts(charge)}，超出了免费范围。根据${regulationCitation(regime)}第四十二条和${FEE_MEASURES}${ARTICLE[charge.method]}的规定，本机关决定对该申请${method}信息处理费。`,
    ),
    para(markup`收费方式：${method}。`),
    para(markup`收费依据：${FEE_MEASURES}。`),
    para(markup`收费标准：${STANDARD[charge.method]}`),
    para(
      markup`收费金额：人民币${groupedYuan(amount)}元（大写：${yuanInCapitals(amount)}）${calculation ? markup`，计算方法：${calculation}` : null}。`,
    ),
    para(markup`缴费方式：${multiline(payment)}`),
    para(
      markup`缴费期限：请您自收到本通知次日起${LEGAL_PERIODS.feePayment.length}个工作日内${dueOn ? markup`（即${chineseDate(dueOn, 'paymentDueOn')}前）` : null}缴纳。逾期未缴纳的，视为放弃申请，本机关将不再处理该政府信息公开申请。`,
    ),
    para(
      markup`信息处理费作为行政事业性收费，全额缴入国库。本机关收到费用后出具财政票据，并继续办理您的申请。`,
    ),
    para('特此通知。'),
  ];
  const title = LETTER_TITLES.fee_notice;
  return {
    title,
    html: renderDocument({
      base: input,
      title,
      titleEn: 'Notice of Information-Processing Fee',
      addressee: input.applicant.name,
      body: markup`${body}`,
    }),
  };
}
