import { InvalidLetterInputError } from '../../../src/modules/correspondence/domain/correspondence-errors';
import {
  renderReply,
  type ReplyLetterInput,
} from '../../../src/modules/correspondence/domain/reply-letter';
import {
  replyLetterTitle,
  type ReplyDecision,
} from '../../../src/modules/correspondence/domain/reply-decisions';
import {
  GENERIC_COURT,
  GENERIC_RECONSIDERATION_BODY,
} from '../../../src/modules/correspondence/domain/remedy-paragraph';
import {
  REPLY_TYPE_INFO,
  REPLY_TYPES,
  type ReplyType,
} from '../../../src/modules/law/domain/reply-type';
import { structureProblems, textOf } from './html-structure';
import {
  AGENCY_NAME,
  APPLICANT,
  buildBase,
  buildDecision,
  buildRequest,
  REFERENCE,
} from './letter-fixtures';

function build(overrides: Partial<ReplyLetterInput> = {}): ReplyLetterInput {
  return {
    ...buildBase(),
    applicant: { name: APPLICANT },
    request: buildRequest(),
    decision: buildDecision('DISCLOSED'),
    ...overrides,
  };
}

const text = (input: ReplyLetterInput): string => textOf(renderReply(input).html);
const withType = (type: ReplyType, overrides: Partial<ReplyLetterInput> = {}): string =>
  text(build({ decision: buildDecision(type), ...overrides }));

const BOTH_ROUTES =
  '如对本答复不服，可以在收到本答复之日起六十日内向大庆市人民政府申请行政复议，或者在六个月内向大庆市萨尔图区人民法院提起行政诉讼。';
const AFTER_RECONSIDERATION = '应当先申请行政复议，对复议决定不服的再提起行政诉讼';
const NON_DISCLOSURE = REPLY_TYPES.filter((t) => REPLY_TYPE_INFO[t].nonDisclosure);
const OTHERS = REPLY_TYPES.filter((t) => !REPLY_TYPE_INFO[t].nonDisclosure && t !== 'WITHDRAWN');

describe(renderReply.name, () => {
  it.each(REPLY_TYPES)(
    'renders a complete %s letter with title, request, basis and dates',
    (type) => {
      const { title, html } = renderReply(build({ decision: buildDecision(type) }));
      const t = textOf(html);
      expect(structureProblems(html)).toEqual([]);
      expect(title).toBe(replyLetterTitle(type));
      expect(t).toContain(title);
      expect(t).toContain(`受理编号：${REFERENCE}`);
      expect(t).toContain(`${APPLICANT}：`);
      expect(t).toContain(
        `本机关于2026年2月2日收到您提出的政府信息公开申请，申请获取“2025年度道路交通安全专项整治工作方案”（文号：庆公通〔2025〕12号）`,
      );
      expect(t).toContain(
        '《中华人民共和国政府信息公开条例》（2019年修订）（以下简称《政府信息公开条例》）',
      );
      const basis = REPLY_TYPE_INFO[type].basis;
      if (basis !== '—') expect(t).toContain(`根据${basis}的规定`);
      expect(t).toContain(`${AGENCY_NAME}2026年3月2日`);
      const remedy = '如对本答复不服，可以在收到本答复之日起六十日内向大庆市人民政府申请行政复议';
      if (type === 'WITHDRAWN') expect(t).not.toContain(remedy);
      else expect(t).toContain(remedy);
    },
  );

  it.each(NON_DISCLOSURE)(
    'names reconsideration first and only then a lawsuit when a %s reply is dated from 2024-01-01 (D-15)',
    (type) => {
      const t = withType(type);
      expect(t).toContain(AFTER_RECONSIDERATION);
      expect(t).toContain('《中华人民共和国行政复议法》第二十三条第一款第（四）项');
      expect(t).toContain(
        '可以在收到行政复议决定书之日起十五日内向大庆市萨尔图区人民法院提起行政诉讼',
      );
      expect(t).not.toContain('或者在六个月内');
      expect(t.indexOf('申请行政复议')).toBeLessThan(t.indexOf('提起行政诉讼'));
    },
  );

  it.each(OTHERS)('names both routes when a %s reply is not a refusal (D-15)', (type) => {
    const t = withType(type);
    expect(t).toContain(BOTH_ROUTES);
    expect(t).not.toContain(AFTER_RECONSIDERATION);
  });

  it.each([
    ['2023-12-31', false],
    ['2024-01-01', true],
  ])(
    'decides reconsideration-first by the reply date when a refusal is dated %s',
    (issuedOn, first) => {
      const t = withType('WITHHELD_THIRD_PARTY', { issuedOn });
      expect(t.includes(AFTER_RECONSIDERATION)).toBe(first);
      expect(t.includes(BOTH_ROUTES)).toBe(!first);
    },
  );

  it('uses generic bodies when the agency has no reconsideration body or court configured', () => {
    const agency = { ...buildBase().agency, remedyBodies: null };
    expect(withType('DISCLOSED', { agency })).toContain(
      `可以在收到本答复之日起六十日内向${GENERIC_RECONSIDERATION_BODY}申请行政复议，或者在六个月内向${GENERIC_COURT}提起行政诉讼。`,
    );
    expect(
      withType('WITHHELD_STATE_SECRET', { agency: { ...agency, remedyBodies: { court: ' ' } } }),
    ).toContain(`十五日内向${GENERIC_COURT}提起行政诉讼`);
  });

  it('lists each withheld part with its reason and basis when the reply is PARTIAL_REDACTED', () => {
    const { html } = renderReply(build({ decision: buildDecision('PARTIAL_REDACTED') }));
    expect(html).toContain(
      '<tr><td>1</td><td>附件2中当事人的身份证号码</td><td>属于个人隐私，公开会损害第三方合法权益</td><td>《政府信息公开条例》第十五条</td></tr>',
    );
    expect(html).toContain(
      '<tr><td>2</td><td>第5页内部讨论意见</td><td>属于过程性信息</td><td>《政府信息公开条例》第十六条第二款</td></tr>',
    );
    expect(textOf(html)).toContain('获取方式：随本答复书附送纸质复印件');
  });

  it('throws naming the field when a PARTIAL_REDACTED reply lists no withheld part or a blank reason', () => {
    const access = { means: '邮寄' };
    expect(() =>
      renderReply(build({ decision: { type: 'PARTIAL_REDACTED', access, withheld: [] } })),
    ).toThrow('decision.withheld');
    const blank: ReplyDecision = {
      type: 'PARTIAL_REDACTED',
      access,
      withheld: [{ part: '第2页', reason: ' ', basis: '第十五条' }],
    };
    expect(() => renderReply(build({ decision: blank }))).toThrow('decision.withheld[0].reason');
  });

  it('names the responsible agency and its contact when a NOT_THIS_AGENCY reply knows it', () => {
    const t = withType('NOT_THIS_AGENCY');
    expect(t).toContain('不属于本机关负责公开，理由是：该方案由大庆市交通运输局制作');
    expect(t).toContain(
      '负责公开该政府信息的行政机关为大庆市交通运输局（通讯地址：大庆市萨尔图区东风路2号；联系电话：0459-4667788）',
    );
  });

  it('says the responsible agency cannot be identified when a NOT_THIS_AGENCY reply does not know it', () => {
    const decision: ReplyDecision = { type: 'NOT_THIS_AGENCY', reason: '不属于本机关职责。' };
    const t = text(build({ decision }));
    expect(t).toContain(
      '经审查，您所申请公开的政府信息不属于本机关负责公开，理由是：不属于本机关职责。根据《政府信息公开条例》第三十六条第（五）项的规定，现告知您上述情况。本机关无法确定负责公开该信息的行政机关。',
    );
    expect(t.match(/特此告知/g)).toHaveLength(1);
  });

  it('leaves out what the clerk did not write, and never prints a report row label', () => {
    const withheld = text(build({ decision: { type: 'WITHHELD_STATE_SECRET', reason: null } }));
    expect(withheld).toContain('属于依法确定为国家秘密的政府信息。根据');
    expect(withheld).not.toContain('不予公开的理由');
    const notOurs = text(build({ decision: { type: 'NOT_THIS_AGENCY' } }));
    expect(notOurs).toContain('不属于本机关负责公开。根据');
    expect(notOurs).not.toContain('理由是');
    for (const type of REPLY_TYPES) {
      const t = withType(type);
      for (const label of ['不予处理：', '不予公开：', '其他处理', '申请人撤回申请']) {
        expect(t).not.toContain(label);
      }
    }
  });

  it('confirms a withdrawal as such, without a remedy paragraph (the applicant decided, not the agency)', () => {
    const t = withType('WITHDRAWN');
    expect(t).toContain('政府信息公开申请撤回确认书');
    expect(t).not.toContain('行政复议');
    expect(t).not.toContain('行政诉讼');
  });

  it.each([
    [
      'ALREADY_PUBLIC_ROUTE',
      [
        '已经主动公开',
        '获取方式：登录大庆市公安局门户网站查阅',
        '获取途径：https://gaj.daqing.example/zwgk/2025/12',
      ],
    ],
    [
      'DISCLOSED',
      [
        '本机关决定予以公开',
        '获取途径：本机关政府信息公开查阅室',
        '获取时间：2026年3月16日前的工作日',
      ],
    ],
    [
      'WITHHELD_STATE_SECRET',
      [
        '属于依法确定为国家秘密的政府信息',
        '本机关决定不予公开',
        '不予公开的理由：经保密审查，该信息不宜公开',
      ],
    ],
    ['NOT_EXIST', ['告知您该政府信息不存在', '检索情况：检索了2025年度全部发文登记']],
    ['PETITION_NOT_OGI', ['不作为政府信息公开申请处理，您可以通过大庆市信访局提出']],
    [
      'REPEAT_NOT_REPROCESSED',
      ['本机关已于2025年12月1日就您申请公开的相同政府信息作出答复', '不予重复处理'],
    ],
    ['SPECIAL_PROCEDURE_REDIRECT', ['请您依照《不动产登记资料查询暂行办法》规定的查询程序办理']],
    ['ABANDONED_NO_CORRECTION', ['补正期限至2026年2月20日', '视为您放弃申请', '终止办理']],
    ['ABANDONED_FEE_UNPAID', ['缴费期限至2026年3月2日', '逾期未缴纳信息处理费', '视为您放弃申请']],
    ['WITHDRAWN', ['您于2026年2月26日申请撤回', '对该申请终止办理']],
  ] as const)('words the decision of a %s reply as the law requires', (type, phrases) => {
    const t = withType(type);
    for (const phrase of phrases) expect(t).toContain(phrase);
  });

  it('titles deemed-abandonment replies 终止办理告知书 and a withdrawal 撤回确认书', () => {
    expect(replyLetterTitle('ABANDONED_FEE_UNPAID')).toBe('政府信息公开申请终止办理告知书');
    expect(replyLetterTitle('ABANDONED_NO_CORRECTION')).toBe('政府信息公开申请终止办理告知书');
    expect(replyLetterTitle('WITHDRAWN')).toBe('政府信息公开申请撤回确认书');
    expect(replyLetterTitle('NOT_EXIST')).toBe('政府信息公开申请答复书');
  });

  it.each([
    ['DISCLOSED', '《政府信息公开条例》第二十一条第（一）项'],
    ['PARTIAL_REDACTED', '《政府信息公开条例》第二十二条'],
    ['WITHHELD_STATE_SECRET', '《政府信息公开条例》第十四条、第二十一条第（二）项'],
    ['NOT_EXIST', '《政府信息公开条例》第二十一条第（三）项'],
    ['NOT_THIS_AGENCY', '《政府信息公开条例》第二十一条第（三）项'],
    ['STILL_UNCLEAR_AFTER_CORRECTION', '《政府信息公开条例》第二十一条第（四）项'],
  ] as const)('cites the OGI-2008 article when a %s case is under OGI-2008', (type, basis) => {
    const t = withType(type, { regime: 'OGI-2008' });
    expect(t).toContain(
      '《中华人民共和国政府信息公开条例》（2007年公布）（以下简称《政府信息公开条例》）',
    );
    expect(t).toContain(`根据${basis}的规定`);
    expect(t).not.toContain('2019年修订');
  });

  it.each(['ABANDONED_NO_CORRECTION', 'ABANDONED_FEE_UNPAID'] as const)(
    'refuses a %s letter when the case is under OGI-2008',
    (type) => {
      expect(() => withType(type, { regime: 'OGI-2008' })).toThrow(InvalidLetterInputError);
    },
  );

  it('prints the clerk remarks escaped after the decision when remarks are given', () => {
    const { html } = renderReply(build({ remarks: '如需纸质件，请到窗口领取 <b>' }));
    expect(html).toContain('<p>如需纸质件，请到窗口领取 &lt;b&gt;</p>');
  });

  it('throws InvalidLetterInputError when the reply type is unknown', () => {
    const decision = { type: 'GRANTED' } as unknown as ReplyDecision;
    expect(() => renderReply(build({ decision }))).toThrow(InvalidLetterInputError);
  });
});
