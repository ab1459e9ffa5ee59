import type { AgencyContact } from '../../agencies/domain/agency';
import type { Regime } from '../../deadlines/domain/regime';
import { InvalidLetterInputError } from './correspondence-errors';
import { markup, multiline, type Html } from './html';
import { chineseDate, clause, requireText } from './letter-format';
import { para } from './letter-layout';
import {
  replyBasis,
  type AccessRoute,
  type ReplyDecision,
  type WithheldPart,
  type WithheldType,
} from './reply-decisions';

/** What the withheld information is, in the words of OGI-2019 Arts 14–16 and the 2021 report form. */
const WITHHELD_FACT: Readonly<Record<WithheldType, string>> = {
  WITHHELD_STATE_SECRET: '属于依法确定为国家秘密的政府信息',
  WITHHELD_LAW_PROHIBITS: '属于法律、行政法规禁止公开的政府信息',
  WITHHELD_3SAFETY_1STABILITY: '公开后可能危及国家安全、公共安全、经济安全、社会稳定',
  WITHHELD_THIRD_PARTY:
    '涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害，且不存在第三方同意公开或者不公开会对公共利益造成重大影响的情形',
  WITHHELD_INTERNAL_AFFAIRS: '属于行政机关的人事管理、后勤管理、内部工作流程等方面的内部事务信息',
  WITHHELD_PROCESS_INFO:
    '属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息',
  WITHHELD_ENFORCEMENT_FILE: '属于行政执法案卷信息',
  WITHHELD_ADMIN_QUERY: '属于行政查询事项',
};

function accessList(access: AccessRoute): Html {
  const means = requireText(access.means, 'decision.access.means');
  const where = access.where?.trim();
  const when = access.when?.trim();
  return markup`<ul class="access">
<li>获取方式：${multiline(means)}</li>
${where ? markup`<li>获取途径：${multiline(where)}</li>\n` : null}${when ? markup`<li>获取时间：${multiline(when)}</li>\n` : null}</ul>
`;
}

function withheldTable(parts: readonly WithheldPart[]): Html {
  if (parts.length === 0) {
    throw new InvalidLetterInputError(
      'decision.withheld',
      'list every withheld part with its reason and basis (Art 37)',
    );
  }
  const rows = parts.map((p, i) => {
    const part = requireText(p.part, `decision.withheld[${i}].part`);
    const reason = requireText(p.reason, `decision.withheld[${i}].reason`);
    const basis = requireText(p.basis, `decision.withheld[${i}].basis`);
    return markup`<tr><td>${i + 1}</td><td>${multiline(part)}</td><td>${multiline(reason)}</td><td>${basis}</td></tr>\n`;
  });
  return markup`<table class="withheld">
<thead><tr><th>序号</th><th>不予公开的内容</th><th>不予公开的理由</th><th>依据</th></tr></thead>
<tbody>
${rows}</tbody>
</table>
`;
}

function contactText(contact: AgencyContact | null | undefined): string {
  const items = [
    contact?.address?.trim() ? `通讯地址：${contact.address.trim()}` : null,
    contact?.postcode?.trim() ? `邮政编码：${contact.postcode.trim()}` : null,
    contact?.phone?.trim() ? `联系电话：${contact.phone.trim()}` : null,
    contact?.email?.trim() ? `电子邮箱：${contact.email.trim()}` : null,
    contact?.website?.trim() ? `网址：${contact.website.trim()}` : null,
  ].filter((x): x is string => x !== null);
  return items.join('；');
}

const optionalDate = (date: string | null | undefined, field: string): string | null =>
  date ? chineseDate(date, field) : null;

/**
 * The decision paragraphs of a reply, in the wording of OGI-2019 Arts 30, 35–39, 42 and
 * 国办函〔2020〕109号 (or OGI-2008 Art 21/22 via `replyBasis`). `by` is “根据…的规定”.
 */
export function decisionParagraphs(decision: ReplyDecision, regime: Regime): Html[] {
  const basis = replyBasis(decision.type, regime);
  const by = basis ? `根据${basis}的规定，` : '';
  switch (decision.type) {
    case 'ALREADY_PUBLIC_ROUTE':
      return [
        para(
          `经审查，您申请获取的政府信息本机关已经主动公开。${by}现告知您获取该政府信息的方式和途径：`,
        ),
        accessList(decision.access),
      ];
    case 'DISCLOSED':
      return [
        para(
          `经审查，您申请获取的政府信息属于可以公开的政府信息。${by}本机关决定予以公开，现告知您获取该政府信息的方式、途径和时间：`,
        ),
        accessList(decision.access),
      ];
    case 'PARTIAL_REDACTED':
      return [
        para(
          `经审查，您申请获取的政府信息中含有不应当公开或者不属于政府信息的内容，但能够作区分处理。${by}本机关决定部分公开：向您提供可以公开的政府信息内容，对不予公开的内容说明理由如下：`,
        ),
        withheldTable(decision.withheld),
        para('可以公开部分的获取方式、途径和时间：'),
        accessList(decision.access),
      ];
    case 'WITHHELD_STATE_SECRET':
    case 'WITHHELD_LAW_PROHIBITS':
    case 'WITHHELD_3SAFETY_1STABILITY':
    case 'WITHHELD_THIRD_PARTY':
    case 'WITHHELD_INTERNAL_AFFAIRS':
    case 'WITHHELD_PROCESS_INFO':
    case 'WITHHELD_ENFORCEMENT_FILE':
    case 'WITHHELD_ADMIN_QUERY':
      return [
        para(
          `经审查，您申请获取的政府信息${WITHHELD_FACT[decision.type]}。${by}本机关决定不予公开。`,
        ),
        decision.reason?.trim()
          ? para(markup`不予公开的理由：${multiline(clause(decision.reason))}。`)
          : null,
      ].filter((x): x is Html => x !== null);
    case 'NOT_EXIST': {
      const search = decision.search?.trim();
      return [
        para(
          markup`经检索，本机关没有您所申请公开的政府信息${search ? markup`（检索情况：${multiline(clause(search))}）` : null}。${by}现告知您该政府信息不存在。`,
        ),
      ];
    }
    case 'NOT_THIS_AGENCY': {
      const reason = decision.reason?.trim();
      const responsible = decision.responsibleAgency;
      const name = responsible?.name.trim();
      const contact = contactText(responsible?.contact);
      return [
        para(
          markup`经审查，您所申请公开的政府信息不属于本机关负责公开${reason ? markup`，理由是：${multiline(clause(reason))}` : null}。${by}${
            name
              ? markup`现告知您：负责公开该政府信息的行政机关为${name}${contact ? markup`（${contact}）` : null}，您可以向该机关提出申请。`
              : '现告知您上述情况。本机关无法确定负责公开该信息的行政机关。'
          }`,
        ),
      ];
    }
    case 'NEEDS_CREATION':
      return [
        para(
          `经审查，您申请获取的信息需要本机关对现有政府信息进行加工、分析后方能形成，不属于本机关已制作或者获取的政府信息。${by}本机关不予提供。`,
        ),
      ];
    case 'STILL_UNCLEAR_AFTER_CORRECTION': {
      const noticeOn = optionalDate(decision.correctionNoticeOn, 'decision.correctionNoticeOn');
      return [
        para(
          `本机关已${noticeOn ? `于${noticeOn}` : ''}向您发出补正申请告知书。经审查，您补正后的申请内容仍不明确，本机关无法确定您所申请公开的政府信息。${by}本机关无法向您提供。您可以在明确所需信息的名称、文号或者其他特征性描述后重新提出申请。`,
        ),
      ];
    }
    case 'PETITION_NOT_OGI': {
      const channel = decision.channel?.trim();
      return [
        para(
          markup`经审查，您的申请系以政府信息公开申请的形式进行信访、投诉、举报等活动。${by}本机关不作为政府信息公开申请处理${channel ? markup`，您可以通过${clause(channel)}提出` : null}。`,
        ),
      ];
    }
    case 'REPEAT_NOT_REPROCESSED': {
      const previousOn = optionalDate(decision.previousReplyOn, 'decision.previousReplyOn');
      const previousNo = decision.previousDocumentNumber?.trim();
      const previousRef = decision.previousReferenceNo?.trim();
      return [
        para(
          markup`本机关已${previousOn ? `于${previousOn}` : ''}就您申请公开的相同政府信息${previousRef ? markup`（申请编号：${previousRef}）` : null}作出答复${previousNo ? markup`（${previousNo}）` : null}，您再次申请公开相同的政府信息。${by}本机关不予重复处理。`,
        ),
      ];
    }
    case 'PUBLICATION_REQUEST': {
      const where = decision.where?.trim();
      return [
        para(
          markup`经审查，您申请获取的是政府公报、报刊、书籍等公开出版物。${by}本机关不作为政府信息公开申请处理${where ? markup`，您可以通过${clause(where)}获取` : null}。`,
        ),
      ];
    }
    case 'UNREASONABLE_VOLUME_NOT_PROCESSED': {
      const reason = decision.reason?.trim();
      return [
        para(
          markup`您申请公开政府信息的数量、频次明显超过合理范围，本机关已要求您说明理由。经审查，本机关认为您的申请理由不合理${reason ? markup`：${multiline(clause(reason))}` : null}。${by}本机关不予处理。`,
        ),
      ];
    }
    case 'CONFIRM_OR_REISSUE_REQUEST':
      return [
        para(
          `经审查，您的申请系要求本机关确认或者重新出具您已获取的信息，不属于政府信息公开申请。${by}本机关不作为政府信息公开申请处理。`,
        ),
      ];
    case 'SPECIAL_PROCEDURE_REDIRECT':
      return [
        para(
          markup`经审查，您申请获取的信息属于工商、不动产登记资料等信息，有关法律、行政法规对该信息的获取有特别规定。${by}请您依照${clause(requireText(decision.procedure, 'decision.procedure'))}办理。`,
        ),
      ];
    case 'OTHER':
      return [para(multiline(requireText(decision.decision, 'decision.decision')))];
    case 'ABANDONED_NO_CORRECTION': {
      const noticeOn = optionalDate(decision.correctionNoticeOn, 'decision.correctionNoticeOn');
      const dueOn = chineseDate(decision.correctionDueOn, 'decision.correctionDueOn');
      return [
        para(
          `本机关已${noticeOn ? `于${noticeOn}` : ''}向您发出补正申请告知书，补正期限至${dueOn}。您无正当理由逾期未补正。${by}视为您放弃申请，本机关不再处理该政府信息公开申请，终止办理。`,
        ),
      ];
    }
    case 'ABANDONED_FEE_UNPAID': {
      const noticeOn = optionalDate(decision.feeNoticeOn, 'decision.feeNoticeOn');
      const dueOn = chineseDate(decision.paymentDueOn, 'decision.paymentDueOn');
      return [
        para(
          `本机关已${noticeOn ? `于${noticeOn}` : ''}向您发出收费通知，缴费期限至${dueOn}。您逾期未缴纳信息处理费。${by}视为您放弃申请，本机关不再处理该政府信息公开申请，终止办理。`,
        ),
      ];
    }
    case 'WITHDRAWN':
      return [
        para(
          `您于${chineseDate(decision.withdrawnOn, 'decision.withdrawnOn')}申请撤回上述政府信息公开申请。本机关予以确认，对该申请终止办理。`,
        ),
      ];
  }
}
