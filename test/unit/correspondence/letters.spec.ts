import { InvalidLetterInputError } from '../../../src/modules/correspondence/domain/correspondence-errors';
import {
  LETTER_KINDS,
  LETTER_TITLES,
  type LetterKind,
} from '../../../src/modules/correspondence/domain/letter-titles';
import {
  renderLetter,
  type LetterInputs,
} from '../../../src/modules/correspondence/domain/letters';
import { replyLetterTitle } from '../../../src/modules/correspondence/domain/reply-decisions';
import { REPLY_TYPES } from '../../../src/modules/law/domain/reply-type';
import { structureProblems, textOf } from './html-structure';
import {
  AGENCY_NAME,
  APPLICANT,
  buildDecision,
  buildInput,
  DOC_NO,
  REFERENCE,
} from './letter-fixtures';

const PAYLOAD = `<script>alert("x")</script>&'`;
const ESCAPED = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;';
/** Fields that are dates, enums or numbers: left alone when poisoning an input. */
const NOT_TEXT = new Set(['regime', 'channel', 'kind', 'type', 'method']);

/** Appends the payload to every free-text field of an input, however deep. */
function poison<T>(value: T, key = ''): T {
  if (typeof value === 'string') {
    return (NOT_TEXT.has(key) || key.endsWith('On') ? value : `${value}${PAYLOAD}`) as T;
  }
  if (Array.isArray(value)) return value.map((v: unknown) => poison(v)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, k)])) as T;
  }
  return value;
}

const ISSUED_IN_CHINESE: Readonly<Record<string, string>> = {
  '2026-02-02': '2026年2月2日',
  '2026-02-05': '2026年2月5日',
  '2026-03-02': '2026年3月2日',
};

const addresseeOf = (kind: LetterKind): string =>
  kind === 'consultation_letter' ? '大庆某某运输有限公司' : APPLICANT;

describe(renderLetter.name, () => {
  it.each(LETTER_KINDS)(
    'renders %s as a complete zh-CN HTML document when the input is complete',
    (kind) => {
      const letter = renderLetter(kind, buildInput(kind));
      expect(letter.kind).toBe(kind);
      expect(structureProblems(letter.html)).toEqual([]);
      expect(letter.html).toContain(`<title>${letter.title}</title>`);
      expect(letter.html).toContain(`<h1 class="title">${letter.title}</h1>`);
    },
  );

  it.each(LETTER_KINDS)('prints A4 page CSS and the Song/Fangsong font stack in %s', (kind) => {
    const { html } = renderLetter(kind, buildInput(kind));
    expect(html).toContain('@page { size: A4; margin: 25mm 20mm; }');
    expect(html).toMatch(/body \{[^}]*font-family:[^;}]*"Noto Serif CJK SC", "SimSun", serif/);
  });

  it.each(LETTER_KINDS)(
    'prints the red letterhead, 文号, reference, addressee, signature and contact in %s',
    (kind) => {
      const { html } = renderLetter(kind, buildInput(kind));
      expect(html).toMatch(/\.letterhead \{[^}]*color: #d40000/);
      expect(html).toMatch(/\.red-rule \{[^}]*border-top: 2px solid #d40000/);
      expect(html).toContain(
        `<header class="letterhead">\n<p class="agency">${AGENCY_NAME}</p>\n<hr class="red-rule">`,
      );
      expect(html).toContain(`<p class="doc-no">${DOC_NO}</p>`);
      expect(html).toContain(`受理编号：${REFERENCE}`);
      expect(html).toContain(`<p class="addressee">${addresseeOf(kind)}：</p>`);
      const issued = ISSUED_IN_CHINESE[buildInput(kind).issuedOn];
      expect(html).toContain(`<p class="signer">${AGENCY_NAME}</p>\n<p class="date">${issued}</p>`);
      expect(textOf(html)).toContain('通讯地址：黑龙江省大庆市萨尔图区西宾路1号');
      expect(textOf(html)).toContain('联系电话：0459-4661234');
    },
  );

  it.each(LETTER_KINDS)(
    'escapes every user-provided text when %s is given <script> in all fields',
    (kind) => {
      const { html } = renderLetter(kind, poison(buildInput(kind)));
      expect(html).not.toMatch(/<script/i);
      expect(html).toContain(ESCAPED);
      expect(structureProblems(html)).toEqual([]);
    },
  );

  it.each(REPLY_TYPES)(
    'escapes every user-provided text when a %s reply is given <script>',
    (type) => {
      const input: LetterInputs['reply'] = {
        ...buildInput('reply'),
        decision: buildDecision(type),
      };
      const { html } = renderLetter('reply', poison(input));
      expect(html).not.toMatch(/<script/i);
      expect(html).toContain(ESCAPED);
      expect(structureProblems(html)).toEqual([]);
    },
  );

  it('accepts a preformatted 文号 when the case already has one', () => {
    const input = { ...buildInput('reply'), documentNumber: '庆公依申〔2026〕9号' };
    expect(renderLetter('reply', input).html).toContain(
      '<p class="doc-no">庆公依申〔2026〕9号</p>',
    );
  });

  it('returns the type-specific title when rendering a reply', () => {
    const input = { ...buildInput('reply'), decision: buildDecision('WITHDRAWN') };
    expect(renderLetter('reply', input).title).toBe(replyLetterTitle('WITHDRAWN'));
  });

  it('uses the listed title for every kind other than reply', () => {
    for (const kind of LETTER_KINDS.filter((k) => k !== 'reply')) {
      expect(renderLetter(kind, buildInput(kind)).title).toBe(LETTER_TITLES[kind]);
    }
  });

  it('throws InvalidLetterInputError when the kind is unknown', () => {
    expect(() => renderLetter('memo' as LetterKind, buildInput('reply'))).toThrow(
      InvalidLetterInputError,
    );
  });

  it.each([
    ['agency.name', { agency: { name: ' ' } }],
    ['referenceNumber', { referenceNumber: '' }],
    ['addressee', { applicant: { name: '' } }],
    ['request', { request: { receivedOn: '2026-02-02', title: null, description: ' ' } }],
  ])('throws naming %s when that required field is blank', (field, overrides) => {
    const input: LetterInputs['reply'] = { ...buildInput('reply'), ...overrides };
    expect(() => renderLetter('reply', input)).toThrow(field);
  });
});
