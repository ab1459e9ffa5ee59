import { bilingual, type MailTemplate } from './mail-template';

/**
 * To the case's clerks (and OPS_ALERT_EMAIL after the retry horizon): an e-mail of the case
 * could not be delivered, so the letter must reach the applicant another way (Art 40 service).
 */
export const mailUndeliverableTemplate: MailTemplate<{
  referenceNo: string;
  recipient: string;
  subject: string;
  /** `permanent` (the server refused) or `horizon` (retried until the horizon). */
  reason: string;
  detail: string;
  outboxId: string;
  hours: number;
}> = {
  key: 'mail-undeliverable',
  render: (p, locale) => {
    const refused = p.reason === 'permanent';
    return bilingual(
      locale,
      {
        zh: `邮件无法送达：${p.referenceNo || p.outboxId}`,
        en: `E-mail undeliverable: ${p.referenceNo || p.outboxId}`,
      },
      {
        zh: [
          `发往 ${p.recipient} 的邮件“${p.subject}”无法送达。`,
          refused
            ? `收件服务器拒收（永久性错误）：${p.detail}`
            : `已连续重试 ${p.hours} 小时仍未送达：${p.detail}`,
          '如为法定文书，请改用其他方式送达申请人（邮寄、领取等），或核对地址后由运维人员重发。',
          `邮件编号：${p.outboxId}`,
        ],
        en: [
          `The e-mail "${p.subject}" to ${p.recipient} could not be delivered.`,
          refused
            ? `The receiving server refused it (permanent): ${p.detail}`
            : `It was retried for ${p.hours} hours without success: ${p.detail}`,
          'If it is a statutory letter, serve it another way (post, pickup), or have an operator resend it once the address is checked.',
          `Outbox id: ${p.outboxId}`,
        ],
      },
    );
  },
};
