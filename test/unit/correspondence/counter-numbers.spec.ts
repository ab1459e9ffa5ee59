import { createHash } from 'node:crypto';
import { CounterNumbers } from '../../../src/modules/correspondence/counter-numbers';

const sha = (t: string) => createHash('sha256').update(t, 'utf8').digest('hex');

describe(CounterNumbers.name, () => {
  const taken = (numbers: CounterNumbers, html: string, seq: number, docSeq: number) => {
    const digits = (n: number) => String(n).padStart(6, '0');
    const filled = html
      .replaceAll(numbers.referenceDigits as string, digits(seq))
      .replaceAll(numbers.documentDigits as string, digits(docSeq));
    return {
      last_seq: seq,
      last_doc_seq: docSeq,
      ref_digits: digits(seq),
      doc_digits: digits(docSeq),
      letter_sha: sha(filled),
      now: new Date(),
    };
  };

  it('fills the digits and the hash in the caller copies when the statement answered them', () => {
    const n = new CounterNumbers('a', 2026, { referenceWidth: 6, documentWidth: 6 });
    const html = `<p>DQ-GA-2026-${n.referenceDigits} 第${n.documentDigits}号</p>`;
    const hashToken = n.hashLater(html);
    const s = n.settle(taken(n, html, 12, 345));
    expect(s).toMatchObject({ seq: 12, docSeq: 345 });
    expect(s.fill(html)).toBe('<p>DQ-GA-2026-000012 第000345号</p>');
    expect(s.fill(`{"sha256":"${hashToken}"}`)).toBe(
      `{"sha256":"${sha('<p>DQ-GA-2026-000012 第000345号</p>')}"}`,
    );
  });

  it('uses placeholders of letters and digits only, different in every instance', () => {
    const a = new CounterNumbers('a', 2026, { referenceWidth: 6, documentWidth: 6 });
    const b = new CounterNumbers('a', 2026, { referenceWidth: 6, documentWidth: 6 });
    for (const t of [a.referenceDigits, a.documentDigits, a.hashLater('x')])
      expect(t).toMatch(/^[A-Za-z0-9]+$/);
    expect(a.referenceDigits).not.toBe(b.referenceDigits);
  });

  it('refuses to settle when the letter PostgreSQL filled differs from the copy', () => {
    const n = new CounterNumbers('a', 2026, { documentWidth: 6 });
    n.hashLater(`第${n.documentDigits}号`);
    expect(() =>
      n.settle({
        last_seq: 0,
        last_doc_seq: 1,
        doc_digits: '000001',
        letter_sha: sha('x'),
        now: new Date(),
      }),
    ).toThrow('differs');
  });

  it('takes no reference number for a letter alone', () => {
    const n = new CounterNumbers('a', 2026, { documentWidth: 6 });
    expect(n.referenceDigits).toBeNull();
    expect(n.numbering().take((v) => `$${String(v)}`)).toMatch(/VALUES \(\$a, \$2026, 0, 1\)/);
  });
});
