import { isLocalDate } from '../../../shared/domain/date-format';
import { APPLICANT_CATEGORIES, type ApplicantCategory } from '../../accounts/domain/applicant';
import { CHANNELS, type Channel } from '../../agencies/domain/agency';
import { REPLY_TYPES, type ReplyType } from '../../law/domain/reply-type';

/** One line of `import cases --file F.jsonl` (historical cases, `source: import`). */
export interface CaseImportRecord {
  readonly line: number;
  readonly agencyCode: string;
  readonly externalRef: string;
  readonly receivedOn: string;
  readonly channel: Channel;
  readonly applicantType: ApplicantCategory;
  readonly subject: string;
  readonly topic: string | null;
  readonly replyType: ReplyType | null;
  readonly repliedOn: string | null;
  /** Default: repliedOn (D-11: a case concludes when its reply is served). */
  readonly servedOn: string | null;
  readonly dueOn: string | null;
  readonly onTime: boolean | null;
  readonly feeYuan: number | null;
}

export interface CaseImportProblem {
  readonly line: number;
  readonly field?: string;
  readonly message: string;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u202a-\u202e]/;

const KNOWN = new Set([
  'agencyCode',
  'externalRef',
  'receivedOn',
  'channel',
  'applicantType',
  'subject',
  'topic',
  'replyType',
  'repliedOn',
  'servedOn',
  'dueOn',
  'onTime',
  'feeYuan',
]);

/**
 * Checks one line; returns the record or its problems. `today` bounds every date; `seen`
 * catches a repeated (agencyCode, externalRef) within the file.
 */
export function parseCaseLine(
  raw: string,
  line: number,
  today: string,
  seen: Set<string>,
): { record?: CaseImportRecord; problems: CaseImportProblem[] } {
  const problems: CaseImportProblem[] = [];
  const bad = (field: string, message: string) => problems.push({ line, field, message });
  let v: Record<string, unknown>;
  try {
    v = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return { problems: [{ line, message: 'not valid JSON · 不是有效的 JSON' }] };
  }
  if (!v || typeof v !== 'object' || Array.isArray(v))
    return { problems: [{ line, message: 'must be a JSON object · 应为 JSON 对象' }] };
  for (const k of Object.keys(v)) if (!KNOWN.has(k)) bad(k, 'unknown field · 不接受此字段');
  const text = (k: string, max: number, required: boolean): string | null => {
    const x = v[k];
    if (x === undefined || x === null) {
      if (required) bad(k, 'required · 必填');
      return null;
    }
    if (typeof x !== 'string' || !x.trim() || x.length > max || CONTROL.test(x)) {
      bad(k, `must be text of 1–${max} characters · 应为1至${max}个字符的文本`);
      return null;
    }
    return x.trim();
  };
  const date = (k: string, required: boolean): string | null => {
    const x = v[k];
    if (x === undefined || x === null) {
      if (required) bad(k, 'required · 必填');
      return null;
    }
    if (!isLocalDate(x)) {
      bad(k, 'must be a real date YYYY-MM-DD · 应为有效日期');
      return null;
    }
    if ((x as string) > today) {
      bad(k, 'in the future · 不能晚于今天');
      return null;
    }
    return x as string;
  };
  const agencyCode = text('agencyCode', 60, true);
  const externalRef = text('externalRef', 100, true);
  const receivedOn = date('receivedOn', true);
  const subject = text('subject', 300, true);
  const topic = text('topic', 50, false);
  const channel = v.channel as Channel;
  if (!CHANNELS.includes(channel)) bad('channel', `must be one of ${CHANNELS.join(', ')}`);
  const applicantType = v.applicantType as ApplicantCategory;
  if (!APPLICANT_CATEGORIES.includes(applicantType))
    bad('applicantType', `must be one of ${APPLICANT_CATEGORIES.join(', ')}`);
  const replyType = (v.replyType ?? null) as ReplyType | null;
  if (replyType !== null && !REPLY_TYPES.includes(replyType))
    bad('replyType', 'not a reply type of DOMAIN §1.9');
  const repliedOn = date('repliedOn', false);
  const servedOn = date('servedOn', false) ?? repliedOn;
  const dueOn = date('dueOn', false);
  if ((replyType === null) !== (repliedOn === null))
    bad('repliedOn', 'replyType and repliedOn go together · 答复类型与答复日期须同时填写');
  if (receivedOn && repliedOn && repliedOn < receivedOn)
    bad('repliedOn', 'before receivedOn · 早于收到申请之日');
  if (repliedOn && servedOn && servedOn < repliedOn)
    bad('servedOn', 'before repliedOn · 早于答复日期');
  let onTime: boolean | null = null;
  if (v.onTime !== undefined && v.onTime !== null) {
    if (typeof v.onTime !== 'boolean') bad('onTime', 'must be true or false');
    else onTime = v.onTime;
  }
  if (onTime === null && dueOn && servedOn) onTime = servedOn <= dueOn;
  let feeYuan: number | null = null;
  if (v.feeYuan !== undefined && v.feeYuan !== null) {
    if (
      typeof v.feeYuan !== 'number' ||
      !Number.isFinite(v.feeYuan) ||
      v.feeYuan < 0 ||
      v.feeYuan > 1e8
    )
      bad('feeYuan', 'must be a number of yuan ≥ 0');
    else feeYuan = Math.round(v.feeYuan * 100) / 100;
  }
  if (agencyCode && externalRef) {
    const key = `${agencyCode}\u0000${externalRef}`;
    if (seen.has(key)) bad('externalRef', 'repeated in this file · 文件中重复');
    seen.add(key);
  }
  if (problems.length || !agencyCode || !externalRef || !receivedOn || !subject)
    return { problems };
  return {
    problems,
    record: {
      line,
      agencyCode,
      externalRef,
      receivedOn,
      channel,
      applicantType,
      subject,
      topic,
      replyType,
      repliedOn,
      servedOn,
      dueOn,
      onTime,
      feeYuan,
    },
  };
}
