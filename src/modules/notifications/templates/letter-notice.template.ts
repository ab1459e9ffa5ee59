import { bilingual, type MailTemplate } from './mail-template';

type LetterNoticeParams = {
  referenceNo: string;
  agencyName: string;
  title: string;
  documentNumber: string;
  issuedOn: string;
  link: string;
  /** How the letter is formally served (邮寄, 自行领取, 网上查看…). */
  routeZh: string;
  routeEn: string;
};

/**
 * Tells an applicant who gave an e-mail address that a statutory letter was issued, whatever
 * delivery route they chose: the link opens the stored letter after sign-in or with the
 * tracking code. It is a courtesy notice, not the letter's formal service.
 */
export const letterNoticeTemplate: MailTemplate<LetterNoticeParams> = {
  key: 'letter-notice',
  render: (p, locale) =>
    bilingual(
      locale,
      {
        zh: `${p.agencyName}已出具《${p.title}》（${p.referenceNo}）`,
        en: `${p.agencyName} has issued a letter on request ${p.referenceNo}`,
      },
      {
        zh: [
          '您好：',
          `${p.agencyName}就您的政府信息公开申请（受理编号：${p.referenceNo}）于${p.issuedOn}出具了《${p.title}》（${p.documentNumber}）。`,
          '请登录后，或凭登记回执上的查询码，打开以下链接查看并打印：',
          p.link,
          `本邮件仅为提醒，不是该文书的正式送达；文书将按您选择的方式（${p.routeZh}）送达。`,
        ],
        en: [
          'Hello,',
          `${p.agencyName} issued the letter "${p.title}" (${p.documentNumber}) on ${p.issuedOn} on your information request ${p.referenceNo}.`,
          'Open this link after signing in, or with the tracking code printed on your receipt, to read and print it:',
          p.link,
          `This e-mail is a notice only, not the formal service of the letter, which is served the way you chose: ${p.routeEn}.`,
        ],
      },
    ),
};
