import type {
  LetterBase,
  RequestSummary,
} from '../../../src/modules/correspondence/domain/letter-context';
import type { LetterInputs } from '../../../src/modules/correspondence/domain/letters';
import type { LetterKind } from '../../../src/modules/correspondence/domain/letter-titles';
import type { ReplyDecision } from '../../../src/modules/correspondence/domain/reply-decisions';
import type { ReplyType } from '../../../src/modules/law/domain/reply-type';

/** Letter inputs for tests: `build…(overrides)` returns a complete, valid input. */

export const AGENCY_NAME = '大庆市公安局';
export const REFERENCE = 'DQ-GA-2026-000123';
export const DOC_NO = '大庆市公安局〔2026〕依申请公开第000123号';
export const APPLICANT = '张三';

export function buildBase(overrides: Partial<LetterBase> = {}): LetterBase {
  return {
    agency: {
      name: AGENCY_NAME,
      contact: {
        address: '黑龙江省大庆市萨尔图区西宾路1号',
        postcode: '163311',
        phone: '0459-4661234',
        email: 'gongkai@example.gov.cn',
      },
      remedyBodies: { reconsiderationBody: '大庆市人民政府', court: '大庆市萨尔图区人民法院' },
    },
    documentNumber: { prefix: AGENCY_NAME, year: 2026, seq: 123 },
    referenceNumber: REFERENCE,
    issuedOn: '2026-03-02',
    regime: 'OGI-2019',
    ...overrides,
  };
}

export function buildRequest(overrides: Partial<RequestSummary> = {}): RequestSummary {
  return {
    title: '2025年度道路交通安全专项整治工作方案',
    docNo: '庆公通〔2025〕12号',
    description: '请提供该方案全文',
    receivedOn: '2026-02-02',
    ...overrides,
  };
}

const ACCESS = {
  means: '随本答复书附送纸质复印件',
  where: '本机关政府信息公开查阅室',
  when: '2026年3月16日前的工作日',
};

/** A complete decision of every reply type, with the content that type requires. */
export function buildDecision(type: ReplyType): ReplyDecision {
  switch (type) {
    case 'ALREADY_PUBLIC_ROUTE':
      return {
        type,
        access: {
          means: '登录大庆市公安局门户网站查阅',
          where: 'https://gaj.daqing.example/zwgk/2025/12',
        },
      };
    case 'DISCLOSED':
      return { type, access: ACCESS };
    case 'PARTIAL_REDACTED':
      return {
        type,
        access: ACCESS,
        withheld: [
          {
            part: '附件2中当事人的身份证号码',
            reason: '属于个人隐私，公开会损害第三方合法权益',
            basis: '《政府信息公开条例》第十五条',
          },
          {
            part: '第5页内部讨论意见',
            reason: '属于过程性信息',
            basis: '《政府信息公开条例》第十六条第二款',
          },
        ],
      };
    case 'WITHHELD_STATE_SECRET':
    case 'WITHHELD_LAW_PROHIBITS':
    case 'WITHHELD_3SAFETY_1STABILITY':
    case 'WITHHELD_THIRD_PARTY':
    case 'WITHHELD_INTERNAL_AFFAIRS':
    case 'WITHHELD_PROCESS_INFO':
    case 'WITHHELD_ENFORCEMENT_FILE':
    case 'WITHHELD_ADMIN_QUERY':
      return { type, reason: '经保密审查，该信息不宜公开' };
    case 'NOT_EXIST':
      return { type, search: '检索了2025年度全部发文登记' };
    case 'NOT_THIS_AGENCY':
      return {
        type,
        reason: '该方案由大庆市交通运输局制作',
        responsibleAgency: {
          name: '大庆市交通运输局',
          contact: { phone: '0459-4667788', address: '大庆市萨尔图区东风路2号' },
        },
      };
    case 'NEEDS_CREATION':
    case 'CONFIRM_OR_REISSUE_REQUEST':
      return { type };
    case 'STILL_UNCLEAR_AFTER_CORRECTION':
      return { type, correctionNoticeOn: '2026-02-05' };
    case 'PETITION_NOT_OGI':
      return { type, channel: '大庆市信访局' };
    case 'REPEAT_NOT_REPROCESSED':
      return {
        type,
        previousReplyOn: '2025-12-01',
        previousDocumentNumber: '大庆市公安局〔2025〕依申请公开第000045号',
      };
    case 'PUBLICATION_REQUEST':
      return { type, where: '大庆市图书馆' };
    case 'UNREASONABLE_VOLUME_NOT_PROCESSED':
      return { type, reason: '未能说明所需信息与申请人的关联' };
    case 'SPECIAL_PROCEDURE_REDIRECT':
      return { type, procedure: '《不动产登记资料查询暂行办法》规定的查询程序' };
    case 'OTHER':
      return { type, decision: '经协商，本机关已另行安排您查阅相关材料。' };
    case 'ABANDONED_NO_CORRECTION':
      return { type, correctionNoticeOn: '2026-02-05', correctionDueOn: '2026-02-20' };
    case 'ABANDONED_FEE_UNPAID':
      return { type, feeNoticeOn: '2026-02-05', paymentDueOn: '2026-03-02' };
    case 'WITHDRAWN':
      return { type, withdrawnOn: '2026-02-26' };
  }
}

/** A complete input of every letter kind. */
export function buildInput<K extends LetterKind>(kind: K): LetterInputs[K];
export function buildInput(kind: LetterKind): LetterInputs[LetterKind] {
  const applicantLetter = {
    ...buildBase(),
    applicant: { name: APPLICANT },
    request: buildRequest(),
  };
  switch (kind) {
    case 'receipt_acknowledgement':
      return {
        ...applicantLetter,
        issuedOn: '2026-02-02',
        channel: 'in_person',
        replyDueOn: '2026-03-03',
      };
    case 'correction_notice':
      return {
        ...applicantLetter,
        issuedOn: '2026-02-05',
        items: ['请写明所需信息的名称或者文号', '请提供身份证明'],
        correctionDueOn: '2026-02-20',
        guidance: '可以参照本机关政府信息公开指南填写',
      };
    case 'extension_notice':
      return {
        ...applicantLetter,
        originalDueOn: '2026-03-03',
        extensionWorkingDays: 20,
        newDueOn: '2026-03-31',
        reason: '需要调取档案并进行保密审查',
      };
    case 'consultation_letter':
      return {
        ...buildBase(),
        consultee: { kind: 'third_party', name: '大庆某某运输有限公司' },
        request: buildRequest(),
        replyDueOn: '2026-03-24',
        reason: '可能涉及贵公司的商业秘密',
        replyTo: '本机关政府信息公开办公室，电话0459-4661234',
      };
    case 'fee_notice':
      return {
        ...applicantLetter,
        charge: { method: 'per-volume', pages: 250 },
        amountYuan: 4700,
        calculation: '70页×10元＋100页×20元＋50页×40元',
        paymentMethod: '通过“黑龙江省非税收入缴费平台”缴纳',
        paymentDueOn: '2026-03-31',
      };
    case 'deferral_notice':
      return {
        ...applicantLetter,
        originalDueOn: '2026-03-03',
        delayedReplyOn: '2026-04-30',
        reason: '申请涉及2015年以来的全部执法档案，共计3000余卷',
      };
    case 'reasons_request':
      return { ...applicantLetter, reasonsDueOn: '2026-03-16' };
    case 'reply':
      return { ...applicantLetter, decision: buildDecision('DISCLOSED') };
  }
}
