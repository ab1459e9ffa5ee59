import { ADMIN_TEXT } from './admin/admin-text';
import { STAFF_TEXT } from './staff/staff-text';
import { PUBLIC_TEXT } from './public/public-text';
import { REPORT_TEXT } from './reports/report-text';
import { SUPERVISOR_TEXT } from './supervisor/supervisor-text';

/** The citizen pages' own words, Chinese first and English second (legal labels come from the domain). */
export const CITIZEN_TEXT = {
  site: { zh: '政府信息公开申请', en: 'Government information requests' },
  skip: { zh: '跳到主要内容', en: 'Skip to main content' },
  home: { zh: '首页', en: 'Home' },
  track: { zh: '查询办理进度', en: 'Track a request' },
  signIn: { zh: '登录', en: 'Sign in' },
  signOut: { zh: '退出登录', en: 'Sign out' },
  myRequests: { zh: '我的申请', en: 'My requests' },
  largeType: { zh: '大字模式', en: 'Large type' },
  normalType: { zh: '标准字号', en: 'Standard type' },
  language: { zh: 'English', en: '中文' },
  homeIntro: {
    zh: '依据《中华人民共和国政府信息公开条例》，您可以向行政机关申请获取政府信息，并随时查询办理进度和答复文书。',
    en: 'Under the PRC Regulations on Open Government Information you may ask an agency for government information, and follow your request and its letters at any time.',
  },
  trackIntro: {
    zh: '无需登录：请输入登记回执上的受理编号和查询码。',
    en: 'No sign-in needed: enter the reference number and tracking code printed on your receipt.',
  },
  referenceNo: { zh: '受理编号', en: 'Reference number' },
  trackingCode: { zh: '查询码', en: 'Tracking code' },
  submitTrack: { zh: '查询', en: 'Look up' },
  email: { zh: '电子邮箱', en: 'E-mail' },
  password: { zh: '密码', en: 'Password' },
  register: { zh: '注册申请人账号', en: 'Create an applicant account' },
  registerIntro: {
    zh: '注册后即可在线提出政府信息公开申请、查看办理进度和文书。带 * 的为必填项。',
    en: 'With an account you can file requests online and follow them and their letters. Fields marked * are required.',
  },
  category: { zh: '申请人类别', en: 'Applicant category' },
  name: { zh: '姓名或名称', en: 'Name' },
  idType: { zh: '身份证明类型', en: 'Identity document' },
  idNumber: { zh: '身份证明号码', en: 'Identity document number' },
  phone: { zh: '联系电话', en: 'Phone' },
  address: { zh: '通讯地址', en: 'Postal address' },
  postcode: { zh: '邮政编码', en: 'Postcode' },
  passwordHint: {
    zh: '至少10个字符，须同时包含字母和数字。',
    en: 'At least 10 characters, with letters and digits.',
  },
  registered: { zh: '请查收验证邮件', en: 'Check your e-mail' },
  registeredText: {
    zh: '我们已向您的邮箱发送验证链接。打开链接验证邮箱后即可登录。',
    en: 'We sent a verification link to your e-mail address. Open it, then sign in.',
  },
  verified: { zh: '邮箱已验证', en: 'E-mail verified' },
  verifyFailed: { zh: '无法验证邮箱', en: 'E-mail not verified' },
  verifiedText: { zh: '现在可以登录了。', en: 'You can sign in now.' },
  linkInvalid: {
    zh: '链接无效或已过期。',
    en: 'The link is invalid or has expired.',
  },
  forgot: { zh: '忘记密码', en: 'Forgot your password' },
  forgotText: {
    zh: '输入注册邮箱，我们将发送设置新密码的链接。',
    en: 'Enter your e-mail address and we will send you a link to set a new password.',
  },
  forgotSent: {
    zh: '如该邮箱已注册，您将收到设置新密码的邮件。',
    en: 'If the address is registered, an e-mail with a link is on its way.',
  },
  newPassword: { zh: '设置新密码', en: 'Set a new password' },
  passwordSet: { zh: '密码已设置', en: 'Password set' },
  send: { zh: '发送', en: 'Send' },
  save: { zh: '保存', en: 'Save' },
  submit: { zh: '提交', en: 'Submit' },
  newRequest: { zh: '提出政府信息公开申请', en: 'File an information request' },
  newRequestIntro: {
    zh: '请写明所需政府信息的名称、文号或者便于行政机关查询的其他特征性描述（《政府信息公开条例》第二十九条）。带 * 的为必填项。',
    en: 'Name the information you need, its document number, or anything else that helps the agency find it (Art 29). Fields marked * are required.',
  },
  chooseAgency: { zh: '向哪个行政机关申请', en: 'Agency' },
  agencies: { zh: '行政机关和政府信息公开指南', en: 'Agencies and their OGI guides' },
  agenciesIntro: {
    zh: '每个行政机关的政府信息公开指南说明其信息如何分类编排、如何申请获取，以及工作机构的地址、时间和联系方式。',
    en: "Each agency's guide says how its information is arranged, how to ask for it, and where and when its office can be reached.",
  },
  guide: { zh: '政府信息公开指南', en: 'OGI guide' },
  problems: { zh: '错误原因说明', en: 'What the error messages mean' },
  problemsIntro: {
    zh: '系统拒绝某项操作或提示错误时，会给出下列原因之一。',
    en: 'When the system refuses an action or reports an error, it gives one of these reasons.',
  },
  reasonCode: { zh: '原因代码', en: 'Reason code' },
  whyRefused: { zh: '原因说明', en: 'what this means' },
  attachFiles: { zh: '附件', en: 'Files' },
  filesHint: {
    zh: '选填，最多5个文件，每个不超过20 MB（PDF、PNG、JPEG、TIFF、DOCX、XLSX），例如身份证明或补正材料。',
    en: 'Optional: up to 5 files of at most 20 MB each (PDF, PNG, JPEG, TIFF, DOCX, XLSX), e.g. proof of identity or correction material.',
  },
  addFiles: { zh: '补充材料', en: 'Add files' },
  addFilesHint: {
    zh: '最多5个文件，每个不超过20 MB（PDF、PNG、JPEG、TIFF、DOCX、XLSX）。',
    en: 'Up to 5 files of at most 20 MB each (PDF, PNG, JPEG, TIFF, DOCX, XLSX).',
  },
  dueWhilePaused: {
    zh: '暂停计时中，恢复计时后重新计算',
    en: 'Clock paused; set again when it resumes',
  },
  feeNotice: { zh: '收费通知', en: 'Fee notice' },
  feeAmount: { zh: '信息处理费', en: 'Information-processing fee' },
  yuan: { zh: '元', en: 'yuan' },
  feeSentOn: { zh: '通知日期', en: 'Notice issued' },
  feeDue: { zh: '缴费截止日', en: 'Pay by' },
  feeDueUnknown: {
    zh: '收到收费通知次日起20个工作日内',
    en: 'Within 20 working days from the day after you received the notice',
  },
  feePaidOn: { zh: '缴费日期（已确认）', en: 'Paid on (confirmed)' },
  feeReported: { zh: '您报告的缴费日期', en: 'Payment you reported' },
  feeAwaiting: { zh: '等待行政机关确认', en: 'awaiting the agency’s confirmation' },
  feeRejected: { zh: '未予确认的原因', en: 'Why the payment was not confirmed' },
  howToPay: { zh: '缴费方式', en: 'How to pay' },
  howToPayUnknown: {
    zh: '请按收费通知书载明的方式缴纳，或联系本机关政府信息公开工作机构。',
    en: 'Pay as the fee notice says, or contact the agency’s OGI office.',
  },
  paidOn: { zh: '缴费日期', en: 'Day you paid' },
  paidOnHint: {
    zh: '格式：年-月-日，例如 2026-03-10。',
    en: 'As year-month-day, e.g. 2026-03-10.',
  },
  paymentNote: { zh: '缴费凭证信息', en: 'Payment details' },
  paymentNoteHint: {
    zh: '选填：转账流水号或收据编号，便于核对。',
    en: 'Optional: the transfer or receipt number, to help the agency find it.',
  },
  reportPayment: { zh: '报告已缴费', en: 'Report the payment' },
  reply: { zh: '答复', en: 'Reply' },
  replyType: { zh: '答复结果', en: 'Outcome' },
  replyBasis: { zh: '依据', en: 'Legal basis' },
  repliedOn: { zh: '答复日期', en: 'Replied on' },
  deliveredOn: { zh: '送达日期', en: 'Delivered on' },
  documents: { zh: '文件', en: 'Documents' },
  fileKind_scan: { zh: '申请材料扫描件', en: 'scan of the application' },
  fileKind_reply_document: { zh: '答复所附信息', en: 'information supplied with the reply' },
  fileKind_applicant_document: { zh: '您提交的材料', en: 'a file you submitted' },
  remedyWindows: { zh: '救济途径和期限', en: 'Remedies and their time limits' },
  remedyWindowsIntro: {
    zh: '对答复不服的，可以在下列期限内依法申请行政复议或者提起行政诉讼。最后一日遇法定节假日的，已顺延至节假日后的第一个工作日。',
    en: 'If you disagree with the reply you may seek these remedies until the last day shown (already moved past public holidays).',
  },
  windowsAfterDelivery: {
    zh: '答复送达后，本页将列出申请行政复议、提起行政诉讼的受理机关和最后一日。',
    en: 'Once the reply is delivered, this page lists where and until when you can seek reconsideration or sue.',
  },
  remedy: { zh: '救济途径', en: 'Remedy' },
  remedyBody: { zh: '受理机关', en: 'Where' },
  lastDay: { zh: '最后一日', en: 'Last day' },
  legalBasis: { zh: '法律依据', en: 'Basis' },
  provisional: {
    zh: '该年放假安排尚未公布，日期为暂定',
    en: 'provisional: that year’s holiday notice is not out yet',
  },
  httpStatus: { zh: 'HTTP 状态码', en: 'HTTP status' },
  whatToDo: { zh: '您可以怎么做', en: 'What you can do' },
  problemAdvice_input: {
    zh: '请按提示修改所填内容后重新提交；表单顶部的错误摘要会链接到需要修改的字段。',
    en: 'Correct what you entered as the message says and submit again; the summary at the top of the form links to each field.',
  },
  problemAdvice_state: {
    zh: '该操作与申请目前的办理状态不符（例如已经答复或已撤回）。请刷新页面查看最新状态。',
    en: 'The action does not fit the request as it stands now (for example it was already answered or withdrawn). Reload the page to see its state.',
  },
  problemAdvice_missing: {
    zh: '要查找的内容不存在或您无权查看。请核对编号，或登录后再试。',
    en: 'What you asked for does not exist or is not yours to see. Check the number, or sign in and try again.',
  },
  problemAdvice_server: {
    zh: '系统暂时无法处理。请稍后重试；问题持续时请联系行政机关的政府信息公开工作机构。',
    en: "The system cannot handle this right now. Try again later; if it persists, contact the agency's OGI office.",
  },
  applyHere: { zh: '向本机关提出申请', en: 'Apply to this agency' },
  guideOfAgency: { zh: '所选机关的政府信息公开指南', en: "The chosen agency's OGI guide" },
  allGuides: {
    zh: '查看各机关的政府信息公开指南（在新窗口打开）',
    en: "Read the agencies' OGI guides (opens in a new window)",
  },
  docNo: { zh: '文号', en: 'Document number' },
  description: { zh: '所需信息的内容描述', en: 'Description of the information' },
  form: { zh: '获取信息的载体形式', en: 'Form of the information' },
  formPaper: { zh: '纸质', en: 'Paper' },
  formElectronic: { zh: '电子', en: 'Electronic' },
  formEither: { zh: '均可', en: 'Either' },
  route: { zh: '获取信息的方式、途径', en: 'How to receive it' },
  filed: { zh: '申请已提交', en: 'Request filed' },
  filedTracking: {
    zh: '查询码只显示这一次，请记下或打印本页：凭受理编号和查询码无需登录即可查询。',
    en: 'The tracking code is shown only this once: note it or print this page. With it and the reference number anyone can follow the request without signing in.',
  },
  filedDates: {
    zh: '行政机关收到申请之日起20个工作日内答复；需要延长的，经负责人同意可延长不超过20个工作日，并书面告知您（《政府信息公开条例》第三十三条）。补正、征求第三方意见和缴费期间不计算在内。',
    en: 'The agency replies within 20 working days of receipt; it may extend by at most 20 working days with its head’s approval and tells you in writing (Art 33). Time for corrections, third-party consultation and fees does not count.',
  },
  answerCorrection: { zh: '提交补正', en: 'Answer the correction notice' },
  correction: { zh: '补正内容', en: 'Your correction' },
  correctionHint: {
    zh: '请按补正申请告知书的要求写明所需信息；提交后答复期限重新计算（《政府信息公开条例》第三十条）。',
    en: 'Give what the correction notice asks for; the reply period starts again when it is received (Art 30).',
  },
  withdraw: { zh: '撤回申请', en: 'Withdraw the request' },
  withdrawReason: { zh: '撤回理由（可不填）', en: 'Reason (optional)' },
  withdrawHint: {
    zh: '撤回后本申请终止办理，行政机关将出具撤回确认书。',
    en: 'The request then ends; the agency confirms the withdrawal in writing.',
  },
  errorSummary: { zh: '请修改以下问题', en: 'Please correct the following' },
  required: { zh: '必须填写', en: 'is required' },
  status: { zh: '办理状态', en: 'Status' },
  agency: { zh: '行政机关', en: 'Agency' },
  title: { zh: '申请内容', en: 'Information requested' },
  receivedOn: { zh: '收到申请之日', en: 'Received on' },
  replyDue: { zh: '答复期限', en: 'Reply due' },
  overdue: { zh: '已逾期', en: 'Overdue' },
  letters: { zh: '文书', en: 'Letters' },
  documentNumber: { zh: '文号', en: 'Document number' },
  date: { zh: '日期', en: 'Date' },
  view: { zh: '查看', en: 'View' },
  timeline: { zh: '办理过程', en: 'Timeline' },
  noRequests: { zh: '您还没有提出申请。', en: 'You have not filed a request yet.' },
  notFound: {
    zh: '受理编号与查询码不符，请核对后重试。',
    en: 'The reference number and tracking code do not match.',
  },
  signInFailed: { zh: '邮箱或密码不正确。', en: 'The e-mail or password is wrong.' },
  formExpired: {
    zh: '页面已过期，请重新提交。',
    en: 'The form expired; please submit it again.',
  },
} as const satisfies Record<string, { zh: string; en: string }>;

/** Every page's words: the citizen's, the staff's, the administrators', the supervisors', the reports' and the public pages' (one key, one text). */
export const PORTAL_TEXT = {
  ...CITIZEN_TEXT,
  ...STAFF_TEXT,
  ...ADMIN_TEXT,
  ...SUPERVISOR_TEXT,
  ...REPORT_TEXT,
  ...PUBLIC_TEXT,
};

export type PortalTextKey = keyof typeof PORTAL_TEXT;
export type Lang = 'zh' | 'en';

/**
 * The pages' text helper (`t('rpTitle')`; views may build keys such as `rpStatus_<status>`), with
 * `{name}` filled in from `params`. A key no catalogue has is a programming error: it throws
 * rather than print the key to a citizen.
 */
export function textIn(lang: Lang) {
  return (key: string, params: Record<string, string | number> = {}): string => {
    const entry = (PORTAL_TEXT as Record<string, { zh: string; en: string } | undefined>)[key];
    if (!entry) throw new Error(`no page text "${key}"`);
    return entry[lang].replace(/\{(\w+)\}/g, (m, k: string) =>
      k in params ? String(params[k]) : m,
    );
  };
}
