import { bilingual, type MailTemplate } from './mail-template';

type CaseParams = {
  referenceNo: string;
  title: string;
  dueOn: string;
  kindLabel: string;
  kindEn: string;
  link: string;
};

/** To the clerk: a legal date is near (N working days) or today. */
export const deadlineReminderTemplate: MailTemplate<CaseParams & { workingDaysLeft: number }> = {
  key: 'deadline-reminder',
  render: (p, locale) =>
    bilingual(
      locale,
      p.workingDaysLeft > 0
        ? {
            zh: `${p.kindLabel}提醒：${p.referenceNo} 还有${p.workingDaysLeft}个工作日`,
            en: `${p.kindEn} reminder: ${p.referenceNo} in ${p.workingDaysLeft} working days`,
          }
        : {
            zh: `${p.kindLabel}今日到期：${p.referenceNo}`,
            en: `${p.kindEn} due today: ${p.referenceNo}`,
          },
      {
        zh: [
          `申请 ${p.referenceNo}（${p.title}）的${p.kindLabel}为 ${p.dueOn}。`,
          p.workingDaysLeft > 0 ? `距到期还有${p.workingDaysLeft}个工作日。` : '今天是最后一天。',
          `办理：${p.link}`,
        ],
        en: [
          `The ${p.kindEn.toLowerCase()} of request ${p.referenceNo} (${p.title}) is ${p.dueOn}.`,
          p.workingDaysLeft > 0
            ? `${p.workingDaysLeft} working days are left.`
            : 'Today is the last day.',
          `Open: ${p.link}`,
        ],
      },
    ),
};

/** To the supervisors: a legal date has passed without the required action. */
export const deadlineOverdueTemplate: MailTemplate<CaseParams & { agencyName: string }> = {
  key: 'deadline-overdue',
  render: (p, locale) =>
    bilingual(
      locale,
      {
        zh: `逾期督办：${p.referenceNo} 已超过${p.kindLabel}`,
        en: `Overdue: ${p.referenceNo} passed its ${p.kindEn.toLowerCase()}`,
      },
      {
        zh: [
          `${p.agencyName}办理的申请 ${p.referenceNo}（${p.title}）的${p.kindLabel}为 ${p.dueOn}，现已逾期，请督促办理。`,
          `查看：${p.link}`,
        ],
        en: [
          `Request ${p.referenceNo} (${p.title}) of ${p.agencyName} was due ${p.dueOn} and is now overdue.`,
          `Open: ${p.link}`,
        ],
      },
    ),
};

type ListParams = { date: string; count: number; lines: string; link: string };

/** Daily digest per supervisor of overdue cases in the subtree, until resolved. */
export const supervisorDigestTemplate: MailTemplate<ListParams> = {
  key: 'supervisor-digest',
  render: (p, locale) =>
    bilingual(
      locale,
      {
        zh: `逾期申请日报（${p.date}）：${p.count}件`,
        en: `Overdue requests, ${p.date}: ${p.count}`,
      },
      {
        zh: [
          `截至${p.date}，您负责范围内逾期未答复的申请共${p.count}件：`,
          p.lines,
          `查看：${p.link}`,
        ],
        en: [
          `As of ${p.date}, ${p.count} requests within your reach are overdue:`,
          p.lines,
          `Open: ${p.link}`,
        ],
      },
    ),
};

/** Weekly summary per supervisor. */
export const supervisorWeeklyTemplate: MailTemplate<{
  week: string;
  open: number;
  overdue: number;
  atRisk: number;
  replied: number;
  onTime: number;
  link: string;
}> = {
  key: 'supervisor-weekly',
  render: (p, locale) =>
    bilingual(
      locale,
      {
        zh: `政府信息公开申请周报（${p.week}）`,
        en: `Weekly summary of information requests (${p.week})`,
      },
      {
        zh: [
          `在办${p.open}件，其中逾期${p.overdue}件、5个工作日内到期${p.atRisk}件。`,
          `上周答复${p.replied}件，按期答复${p.onTime}件。`,
          `查看：${p.link}`,
        ],
        en: [
          `${p.open} open, of which ${p.overdue} overdue and ${p.atRisk} due within 5 working days.`,
          `Replied last week: ${p.replied}, on time: ${p.onTime}.`,
          `Open: ${p.link}`,
        ],
      },
    ),
};

/** D-2 manual confirmation: an online submission still unconfirmed at the end of the next working day. */
export const receiptUnconfirmedTemplate: MailTemplate<
  CaseParams & { agencyName: string; submittedAt: string }
> = {
  key: 'receipt-unconfirmed',
  render: (p, locale) =>
    bilingual(
      locale,
      {
        zh: `网上申请待确认：${p.referenceNo}`,
        en: `Online request awaiting confirmation: ${p.referenceNo}`,
      },
      {
        zh: [
          `${p.agencyName}收到的网上申请 ${p.referenceNo}（${p.title}）尚未确认收到（提交时间 ${p.submittedAt}）。`,
          '确认之日为收到申请之日，请尽快与申请人确认。',
          `办理：${p.link}`,
        ],
        en: [
          `The online request ${p.referenceNo} (${p.title}) to ${p.agencyName}, submitted ${p.submittedAt}, is not yet confirmed.`,
          'The confirmation day is the date of receipt: confirm with the applicant soon.',
          `Open: ${p.link}`,
        ],
      },
    ),
};
