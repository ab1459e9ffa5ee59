/** The portal's own words, Chinese first and English second (legal labels come from the domain). */
export const PORTAL_TEXT = {
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

export type PortalTextKey = keyof typeof PORTAL_TEXT;
export type Lang = 'zh' | 'en';
