import type { ReasonCode } from '../domain/reason-code';
import { CASE_MESSAGES } from './case-messages';
import { REPORT_MESSAGES } from './report-messages';
import { t, type Bilingual, type Entry } from './catalogue-entry';

export type { Bilingual };

/**
 * The one message catalogue, keyed by reason code. The API (problem details and field errors),
 * the letters' error texts and the portal take their words from here.
 */
export const MESSAGES: Readonly<Record<ReasonCode, Entry>> = {
  'validation-failed': t('请求字段有误', 'The request has invalid fields'),
  'field-required': t('必填', 'required'),
  'field-invalid': t('格式有误', 'invalid'),
  'invalid-date': t('日期有误', 'Invalid date'),
  'invalid-period': t('期间有误', 'Invalid period'),
  'invalid-pause': t('暂停计时区间有误', 'Invalid pause'),
  'pause-ends-before-start': t('暂停计时的结束日早于开始日', 'A pause ends before it starts'),
  'invalid-year-notice': t('放假安排有误', 'Invalid holiday notice'),
  'invalid-regime': t('条例版本有误', 'Invalid regime'),
  'invalid-extension': t('延长天数有误', 'Invalid extension'),
  'dates-out-of-order': t('日期先后顺序有误', 'Dates out of order'),
  'invalid-fee-input': t('收费参数有误', 'Invalid fee input'),
  'fee-not-applicable': t('不适用信息处理费', 'The information-processing fee does not apply'),
  'fee-method-conflict': t('同一申请只能选择一种计收方式', 'One fee method per application'),
  'invalid-letter-input': t('文书内容有误', 'Invalid letter input'),
  'invalid-idempotency-key': t('幂等键格式有误', 'Invalid Idempotency-Key', [
    '幂等键应为8至100个字符（A-Z a-z 0-9 . _ : -）。',
    'The Idempotency-Key must be 8–100 characters [A-Za-z0-9._:-].',
  ]),
  'idempotency-key-reused': t('幂等键已用于另一请求', 'Idempotency-Key reused with another body', [
    '此幂等键在24小时内已用于内容不同的请求；新的请求请使用新的幂等键。',
    'This Idempotency-Key was used in the last 24 hours for a request with a different body; use a new key for a new request.',
  ]),
  'invalid-if-match': t('If-Match 应为版本号', 'If-Match must be the case version'),
  'payload-too-large': t('内容过大', 'Payload too large', [
    '请求内容不能超过{limit}。',
    'The request body may be at most {limit}.',
  ]),
  'unsupported-media-type': t('不支持的内容类型', 'Unsupported media type'),
  'malformed-json': t('JSON 格式有误', 'Malformed JSON', [
    'JSON 格式有误（第{position}个字符附近）。',
    'Malformed JSON near character {position}.',
  ]),
  'json-too-deep': t('JSON 嵌套层数过多', 'JSON nested too deeply', [
    'JSON 嵌套不能超过{max}层。',
    'JSON may nest at most {max} levels.',
  ]),
  'method-not-allowed': t('该地址不支持此请求方法', 'Method not allowed', [
    '该地址只接受：{allowed}。',
    'This address accepts only: {allowed}.',
  ]),
  'field-unknown': t('不接受此字段', 'unknown field'),
  'field-not-text': t('应为文本', 'must be text'),
  'field-blank': t('不能只有空白字符', 'must not be only spaces'),
  'field-bad-characters': t(
    '含有不允许的控制字符或方向控制字符',
    'contains control or direction-override characters',
  ),
  'field-length': t('长度应为{min}至{max}个字符', 'must be {min} to {max} characters'),
  'field-too-short': t('至少{min}个字符', 'must be at least {min} characters'),
  'field-too-long': t('最多{max}个字符', 'must be at most {max} characters'),
  'field-not-in-list': t('应为以下之一：{values}', 'must be one of: {values}'),
  'field-bad-format': t('格式有误', 'has the wrong format'),
  'field-not-integer': t('应为整数', 'must be a whole number'),
  'field-not-number': t('应为数字', 'must be a number'),
  'field-too-small': t('不能小于{min}', 'must be at least {min}'),
  'field-too-large': t('不能大于{max}', 'must be at most {max}'),
  'field-not-date': t('应为有效日期（YYYY-MM-DD）', 'must be a real date (YYYY-MM-DD)'),
  'field-not-instant': t(
    '应为有效的日期时间（ISO 8601，如 2026-03-02T09:30:00+08:00）',
    'must be a real ISO 8601 date-time, e.g. 2026-03-02T09:30:00+08:00',
  ),
  'field-not-year': t('应为{min}至{max}之间的年份', 'must be a year from {min} to {max}'),
  'field-not-uuid': t('应为有效编号（UUID）', 'must be a valid id (UUID)'),
  'field-not-email': t('应为有效的电子邮箱地址', 'must be an e-mail address'),
  'field-not-boolean': t('应为 true 或 false', 'must be true or false'),
  'field-not-figure': t('应为{kind}或“/”（不适用）', 'must be {kindEn} or "/" (not applicable)'),
  'field-not-in-format': t('{format}无此项', 'not in the {formatEn}'),
  'field-not-list': t('应为列表', 'must be a list'),
  'field-too-few-items': t('至少{min}项', 'must have at least {min} items'),
  'field-too-many-items': t('最多{max}项', 'must have at most {max} items'),
  'field-not-object': t('应为对象', 'must be an object'),
  'field-not-agency-code': t('应为机构代码（如 DQ-GA）', 'must be an agency code, e.g. DQ-GA'),
  'field-not-phone': t('电话号码格式有误', 'must be a phone number'),
  'field-not-postcode': t('邮编应为6位数字', 'must be a 6-digit postcode'),

  unauthorized: t('请先登录', 'Sign in first'),
  'wrong-credentials': t('邮箱或密码错误', 'Wrong e-mail or password'),
  'password-too-short': t('密码至少10个字符', 'At least 10 characters'),
  'password-too-long': t('密码过长', 'Too long'),
  'password-needs-letters-and-digits': t('密码需包含字母和数字', 'Must contain letters and digits'),
  'email-not-verified': t('请先验证电子邮箱', 'Verify your e-mail address first'),
  'account-locked': t(
    '登录失败次数过多，账号已临时锁定',
    'Too many failed attempts; the account is locked for a while',
    [
      '登录失败次数过多，账号已临时锁定，请于{until}后再试。',
      'Too many failed attempts; try again after {until}.',
    ],
  ),
  'invalid-refresh-token': t('刷新令牌无效或已过期', 'Refresh token is invalid or expired'),
  forbidden: t('无权操作', 'Forbidden'),
  'role-not-allowed': t('您的角色无权执行此操作', 'Your role does not allow this'),
  'route-without-access-rule': t('该接口未声明访问权限', 'This route declares no access rule'),
  'root-admin-only': t(
    '仅根机构（省、市）管理员可执行此操作',
    'Only administrators of a root agency may do this',
  ),
  'rate-limited': t('请求过于频繁', 'Too many requests', [
    '请求过于频繁，请于{retryAfter}秒后重试。',
    'Too many requests; retry after {retryAfter} s.',
  ]),

  'not-found': t('未找到', 'Not found'),
  'case-not-found': t('未找到该申请', 'No such request'),
  'proactive-item-exists': t('该主动公开信息已登记', 'This item is already in the register', [
    '{agency}已登记同一主动公开信息（同一日期、类别和标题，或同一外部编号）。',
    '{agency} already has this item (same date, category and title, or the same externalRef).',
  ]),
  'agency-not-found': t('未找到该机构', 'No such agency', [
    '未找到机构 {agency}。',
    'No agency {agency} within your reach.',
  ]),
  'user-not-found': t('未找到该用户', 'No such user'),
  'role-assignment-not-found': t('未找到该角色', 'No such role assignment'),
  'attachment-not-found': t('未找到该附件', 'No such attachment'),
  'consultation-not-found': t('未找到该征求意见记录', 'No such consultation'),
  'letter-not-found': t('无此文书', 'No such letter'),
  'letter-not-issued': t('该申请尚未出具此文书', 'This letter has not been issued for the request'),

  conflict: t('状态冲突', 'Conflict'),
  'stale-version': t(
    '申请已被他人更新，请刷新后重试',
    'The request changed since you loaded it; reload and try again',
  ),
  'action-not-allowed-in-state': t(
    '当前状态下不能执行此操作',
    'This action is not possible in the current state',
    [
      '申请当前状态为“{statusLabel}”，不能执行“{actionLabel}”。',
      'The request is {status}: {action} is not possible.',
    ],
  ),
  'actor-not-allowed': t(
    '您的角色不能对该申请执行此操作',
    'Your role cannot do this on this request',
    ['您的角色不能执行“{actionLabel}”。', 'Your role cannot {action}.'],
  ),
  'email-taken': t('该邮箱已注册', 'This e-mail address is already registered'),
  'agency-code-taken': t(
    '机构代码已被使用（代码不重复使用）',
    'The agency code is taken (codes are never reused)',
    ['机构代码 {code} 已被使用。', 'Agency code {code} is taken (codes are never reused).'],
  ),
  'agency-cycle': t(
    '不能移动到自身或下级机构之下',
    'An agency cannot move under itself or its own subtree',
  ),
  'agency-has-children': t(
    '请先停用或移走其下级机构',
    'Deactivate or move its sub-agencies first',
    [
      '请先停用或移走其{children}个下级机构。',
      'Deactivate or move its {children} active sub-agencies first.',
    ],
  ),
  'agency-has-open-cases': t(
    '该机构仍有未办结的申请，须指定承接机构',
    'The agency has open cases: name a successor agency to take them over',
    [
      '该机构仍有{count}件未办结的申请，请指定承接机构（successorCode），申请将连同编号和期限一并移交。',
      'The agency has {count} open cases: name a successor (successorCode); they move with their reference numbers and dates.',
    ],
  ),
  'agency-successor-invalid': t(
    '承接机构须为另一个在用机构',
    'The successor must be another active agency',
  ),
  'agency-parent-inactive': t('上级机构已停用', 'The parent agency is deactivated'),
  'agency-parent-required': t('必须指定上级机构', 'parentCode is required'),
  'calendar-year-loaded': t('该年度放假安排已存在', 'This year is already loaded', [
    '{year}年的放假安排已存在（{from}）；如需替换请使用 replace=true。',
    '{year} is already loaded from {from}; import with replace=true to replace it.',
  ]),
  'calendar-override-exists': t(
    '该日期在此范围内已有调整',
    'An override for this date and scope exists',
    [
      '{date} 在此范围内已有调整（{id}），请先删除。',
      'An override for {date} in this scope exists ({id}); remove it first.',
    ],
  ),
  'override-not-found': t('未找到该日历调整', 'No such override'),
  'override-scope-needs-agency': t('请指定机构', 'This scope needs an agency'),
  'override-national-has-no-agency': t(
    '全国更正不指定机构',
    'A national correction names no agency',
  ),
  'override-basis-required': t('必须填写依据', 'A legal basis is required (R-WD-05)'),
  'one-period-unit': t('请只指定一种期间单位', 'Exactly one period unit is needed'),
  'invalid-token': t(
    '链接或验证码无效、已使用或已过期',
    'The link or code is invalid, used or expired',
  ),

  ...CASE_MESSAGES,

  'attachment-missing': t('请选择文件', 'Attach a file'),
  'attachment-too-large': t('文件过大（最大20 MB）', 'File too large (max 20 MB)'),
  'attachment-type': t(
    '文件类型不受支持（PDF、PNG、JPEG、TIFF、DOCX、XLSX）',
    'Only PDF, PNG, JPEG, TIFF, DOCX and XLSX files are accepted',
  ),
  'attachment-kind': t('附件类型有误', 'Unknown attachment kind'),
  'attachment-checksum': t('文件校验失败', 'The stored file does not match its checksum'),
  'attachment-too-many': t('一次最多上传5个文件', 'At most 5 files at a time'),
  'attachment-case-closed': t(
    '申请已办结，不能再补充材料',
    'The request is concluded; no more files can be added',
  ),

  'tracking-code-mismatch': t('受理编号或查询码有误', 'Unknown reference number or tracking code'),
  'remedy-not-found': t('未找到该复议、诉讼或投诉记录', 'No such remedy'),
  'remedy-extension-over-limit': t(
    '行政复议决定期限最多延长30日（简易程序不得延长）',
    'A reconsideration decision period may be extended by at most 30 days (not in the simplified procedure)',
  ),
  'remedy-reanswer-required': t(
    '责令重新答复的决定须填写机关收到决定之日',
    'A decision ordering a new answer needs the day the agency received it',
  ),
  'remedy-no-further-appeal': t(
    '二审裁判为终审，不能再上诉',
    'A second-instance decision is final',
  ),
  'remedy-result-not-allowed': t(
    '该类救济不能作出此种结果',
    'This kind of remedy cannot end this way',
  ),

  ...REPORT_MESSAGES,

  internal: t('服务器发生意外错误', 'An unexpected error occurred'),
  unavailable: t('服务暂时不可用，请稍后重试', 'The service is unavailable; retry shortly'),
};

export type MessageParams = Readonly<Record<string, string | number | null | undefined>>;

function fill(text: string, params: MessageParams): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined || v === null ? '—' : String(v);
  });
}

/** `中文 English` of a text. */
export function bilingual(b: Bilingual, params: MessageParams = {}): string {
  const zh = fill(b.zh, params);
  const en = fill(b.en, params);
  return `${zh}${/[。！？）]$/.test(zh) ? '' : '。'} ${en}${/[.!?)]$/.test(en) ? '' : '.'}`;
}

/** The short title of a reason (`中文。 English.`). */
export function titleOf(code: ReasonCode): string {
  return bilingual(MESSAGES[code].title);
}

/** The full message of one occurrence of a reason, with its parameters. */
export function messageOf(code: ReasonCode, params: MessageParams = {}): string {
  const e = MESSAGES[code];
  return bilingual(e.detail ?? e.title, params);
}

/** A field error's message: `中文 · English` (`必填 · required`). */
export function fieldMessageOf(code: ReasonCode, params: MessageParams = {}): string {
  const e = MESSAGES[code];
  const b = e.detail ?? e.title;
  return `${fill(b.zh, params)} · ${fill(b.en, params)}`;
}

/** The message in one language (portal pages pick the reader's language). */
export function messageIn(lang: 'zh' | 'en', code: ReasonCode, params: MessageParams = {}): string {
  const e = MESSAGES[code];
  return fill((e.detail ?? e.title)[lang], params);
}
