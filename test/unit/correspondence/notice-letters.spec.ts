import { CHANNELS } from '../../../src/modules/agencies/domain/agency';
import { FeeNotApplicableError } from '../../../src/modules/fees/domain/fee-errors';
import { renderConsultationLetter } from '../../../src/modules/correspondence/domain/consultation-letter';
import { InvalidLetterInputError } from '../../../src/modules/correspondence/domain/correspondence-errors';
import { renderFeeNotice } from '../../../src/modules/correspondence/domain/fee-notice';
import {
  renderCorrectionNotice,
  renderReceiptAcknowledgement,
} from '../../../src/modules/correspondence/domain/intake-letters';
import {
  renderDeferralNotice,
  renderExtensionNotice,
} from '../../../src/modules/correspondence/domain/timing-letters';
import { textOf } from './html-structure';
import { APPLICANT, buildInput, buildRequest } from './letter-fixtures';

describe(renderReceiptAcknowledgement.name, () => {
  const build = buildInput.bind(null, 'receipt_acknowledgement') as () => ReturnType<
    typeof buildInput<'receipt_acknowledgement'>
  >;

  it('states the date of receipt, the reply due date and what was requested when the case is under OGI-2019', () => {
    const t = textOf(renderReceiptAcknowledgement(build()).html);
    expect(t).toContain('政府信息公开申请登记回执');
    expect(t).toContain('本机关收到您申请之日为2026年2月2日');
    expect(t).toContain('自收到申请之日起20个工作日内作出答复，答复期限为2026年3月3日');
    expect(t).toContain(
      '申请获取“2025年度道路交通安全专项整治工作方案”（文号：庆公通〔2025〕12号）（内容描述：请提供该方案全文）',
    );
    expect(t).toContain('征求第三方和其他机关意见所需时间不计算在上述期限内');
    expect(t).toContain('答复期限自本机关收到补正的申请之日起计算');
    expect(t).not.toContain('信息处理费');
  });

  it.each([
    ['in_person', '第三十一条第（一）项'],
    ['post', '第三十一条第（二）项'],
    ['fax', '第三十一条第（三）项'],
    ['online', '第三十一条第（三）项'],
    ['email', '第三十一条第（三）项'],
    ['oral', '第三十一条第（一）项'],
  ] as const)(
    'cites how the date of receipt is fixed when the application came by %s',
    (channel, article) => {
      expect(textOf(renderReceiptAcknowledgement({ ...build(), channel }).html)).toContain(article);
    },
  );

  it('covers every channel an agency can announce', () => {
    for (const channel of CHANNELS) {
      expect(() => renderReceiptAcknowledgement({ ...build(), channel })).not.toThrow();
    }
  });

  it('mentions the fee pause when statesFeePause is set (D-7)', () => {
    expect(
      textOf(renderReceiptAcknowledgement({ ...build(), statesFeePause: true }).html),
    ).toContain('自发出收费通知至您缴纳费用期间不计算在上述期限内');
  });

  it('uses 15 working days and the 2007 text when the case is under OGI-2008', () => {
    const input = {
      ...build(),
      regime: 'OGI-2008' as const,
      request: buildRequest({ receivedOn: '2018-03-01' }),
      issuedOn: '2018-03-01',
      replyDueOn: '2018-03-22',
    };
    const t = textOf(renderReceiptAcknowledgement(input).html);
    expect(t).toContain('《中华人民共和国政府信息公开条例》（2007年公布）');
    expect(t).toContain(
      '第二十四条的规定，自收到申请之日起15个工作日内作出答复，答复期限为2018年3月22日',
    );
    expect(t).toContain('延长的期限最长不超过15个工作日');
  });

  it('throws naming replyDueOn when the due date lies before the date of receipt', () => {
    expect(() => renderReceiptAcknowledgement({ ...build(), replyDueOn: '2026-01-30' })).toThrow(
      'replyDueOn',
    );
  });
});

describe(renderCorrectionNotice.name, () => {
  const build = (): ReturnType<typeof buildInput<'correction_notice'>> =>
    buildInput('correction_notice');

  it('tells once what to correct, by when, the restart and the deemed abandonment under OGI-2019 Art 30', () => {
    const { html } = renderCorrectionNotice(build());
    const t = textOf(html);
    expect(html).toContain('<li>请写明所需信息的名称或者文号</li>\n<li>请提供身份证明</li>');
    expect(t).toContain('第三十条的规定，现一次性告知您需要补正的事项如下');
    expect(t).toContain('请您于2026年2月20日前（补正期限届满之日）向本机关提交补正后的申请');
    expect(t).toContain('答复期限自本机关收到补正的申请之日起重新计算');
    expect(t).toContain('您无正当理由逾期不补正的，视为放弃申请');
    expect(t).toContain('可以参照本机关政府信息公开指南填写');
  });

  it('cites Art 21(4) without deemed abandonment when the case is under OGI-2008', () => {
    const t = textOf(renderCorrectionNotice({ ...build(), regime: 'OGI-2008' }).html);
    expect(t).toContain('第二十一条第（四）项');
    expect(t).not.toContain('视为放弃申请');
  });

  it('throws when no item to correct is listed', () => {
    expect(() => renderCorrectionNotice({ ...build(), items: [] })).toThrow(
      InvalidLetterInputError,
    );
  });

  it('throws naming correctionDueOn when the period ends before the letter date', () => {
    expect(() => renderCorrectionNotice({ ...build(), correctionDueOn: '2026-02-04' })).toThrow(
      'correctionDueOn',
    );
  });
});

describe(renderExtensionNotice.name, () => {
  const build = (): ReturnType<typeof buildInput<'extension_notice'>> =>
    buildInput('extension_notice');

  it('states the original date, the extension, the new date and the office head approval', () => {
    const t = textOf(renderExtensionNotice(build()).html);
    expect(t).toContain('延长答复期限告知书');
    expect(t).toContain('原答复期限为2026年3月3日');
    expect(t).toContain('因需要调取档案并进行保密审查，本机关不能在原答复期限内作出答复');
    expect(t).toContain(
      '第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长20个工作日，本机关将于2026年3月31日前作出答复',
    );
  });

  it.each([
    ['OGI-2019', 21],
    ['OGI-2008', 16],
    ['OGI-2019', 0],
  ] as const)('throws under %s when the extension is %d working days', (regime, n) => {
    expect(() => renderExtensionNotice({ ...build(), regime, extensionWorkingDays: n })).toThrow(
      'extensionWorkingDays',
    );
  });

  it('throws naming newDueOn when the new date is not after the original one', () => {
    expect(() => renderExtensionNotice({ ...build(), newDueOn: '2026-03-03' })).toThrow('newDueOn');
  });
});

describe(renderConsultationLetter.name, () => {
  const build = (): ReturnType<typeof buildInput<'consultation_letter'>> =>
    buildInput('consultation_letter');

  it('asks a third party for its opinion within 15 working days and says the agency decides on silence (Art 32)', () => {
    const t = textOf(renderConsultationLetter(build()).html);
    expect(t).toContain('大庆某某运输有限公司：');
    expect(t).toContain('可能涉及贵公司的商业秘密');
    expect(t).toContain('第三十二条的规定，现书面征求贵方意见');
    expect(t).toContain(
      '请贵方自收到本函之日起15个工作日内（即2026年3月24日前）提出是否同意公开的书面意见',
    );
    expect(t).toContain('贵方逾期未提出意见的，由本机关依照《政府信息公开条例》的规定决定是否公开');
    expect(t).not.toContain('视为同意公开');
  });

  it('never names the applicant when writing to the consulted party', () => {
    expect(renderConsultationLetter(build()).html).not.toContain(APPLICANT);
  });

  it('treats silence as consent when another agency is consulted (Art 34)', () => {
    const input = {
      ...build(),
      consultee: { kind: 'other_agency' as const, name: '大庆市交通运输局' },
      reason: null,
    };
    const t = textOf(renderConsultationLetter(input).html);
    expect(t).toContain('由本机关与贵机关共同制作');
    expect(t).toContain('第三十四条');
    expect(t).toContain(
      '请贵机关自收到本函之日起15个工作日内（即2026年3月24日前）提出是否同意公开的意见。逾期未提出意见的，视为同意公开',
    );
  });

  it('cites Art 23 without the 15-working-day rule when the case is under OGI-2008', () => {
    const t = textOf(renderConsultationLetter({ ...build(), regime: 'OGI-2008' }).html);
    expect(t).toContain('第二十三条');
    expect(t).not.toContain('15个工作日');
  });
});

describe(renderFeeNotice.name, () => {
  const build = (): ReturnType<typeof buildInput<'fee_notice'>> => buildInput('fee_notice');

  it('states method, basis, standard, amount, payment, the 20-WD deadline and non-payment (109号)', () => {
    const t = textOf(renderFeeNotice(build()).html);
    expect(t).toContain('收费方式：按量计收');
    expect(t).toContain('收费依据：《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）');
    expect(t).toContain('30页以下（含30页）的，不收费');
    expect(t).toContain('您申请提供的政府信息共计250页');
    expect(t).toContain(
      '收费金额：人民币4,700元（大写：肆仟柒佰元整），计算方法：70页×10元＋100页×20元＋50页×40元',
    );
    expect(t).toContain('缴费方式：通过“黑龙江省非税收入缴费平台”缴纳');
    expect(t).toContain(
      '请您自收到本通知次日起20个工作日内（即2026年3月31日前）缴纳。逾期未缴纳的，视为放弃申请',
    );
  });

  it('uses the per-piece standard when the fee is charged per piece', () => {
    const input = {
      ...build(),
      charge: { method: 'per-piece' as const, cumulativePiecesInMonth: 12 },
      amountYuan: 100,
      calculation: null,
    };
    const t = textOf(renderFeeNotice(input).html);
    expect(t).toContain('收费方式：按件计收');
    expect(t).toContain('本自然月内向本机关累计提出政府信息公开申请12件');
    expect(t).toContain('11—30件（含30件）的部分，收费标准为100元/件');
    expect(t).toContain('收费金额：人民币100元（大写：壹佰元整）。');
  });

  it('throws FeeNotApplicableError when the application was received before 2021-01-01', () => {
    expect(() =>
      renderFeeNotice({ ...build(), request: buildRequest({ receivedOn: '2020-12-31' }) }),
    ).toThrow(FeeNotApplicableError);
  });

  it.each([
    ['amountYuan', { amountYuan: 0 }],
    ['regime', { regime: 'OGI-2008' as const }],
    ['paymentDueOn', { paymentDueOn: '2026-03-02' }],
    ['paymentMethod', { paymentMethod: ' ' }],
    ['charge.pages', { charge: { method: 'per-volume' as const, pages: 0 } }],
  ])('throws naming %s when it is invalid', (field, overrides) => {
    expect(() => renderFeeNotice({ ...build(), ...overrides })).toThrow(field);
  });
});

describe(renderDeferralNotice.name, () => {
  const build = (): ReturnType<typeof buildInput<'deferral_notice'>> =>
    buildInput('deferral_notice');

  it('states the reason and the reasonable delayed reply date under Art 35', () => {
    const t = textOf(renderDeferralNotice(build()).html);
    expect(t).toContain('延迟答复告知书');
    expect(t).toContain('第三十三条规定的期限（2026年3月3日）内答复');
    expect(t).toContain('延迟答复的理由：申请涉及2015年以来的全部执法档案，共计3000余卷');
    expect(t).toContain(
      '第三十五条的规定，本机关确定延迟答复的合理期限，将于2026年4月30日前作出答复',
    );
  });

  it('throws when the case is under OGI-2008, which has no Art 35', () => {
    expect(() => renderDeferralNotice({ ...build(), regime: 'OGI-2008' })).toThrow('regime');
  });

  it('throws naming delayedReplyOn when the delayed date is not after the original due date', () => {
    expect(() => renderDeferralNotice({ ...build(), delayedReplyOn: '2026-03-03' })).toThrow(
      'delayedReplyOn',
    );
  });
});
