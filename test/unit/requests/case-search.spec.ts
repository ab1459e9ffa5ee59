import fc from 'fast-check';
import { escapeLike } from '../../../src/modules/requests/domain/case-search';

/** What PostgreSQL's LIKE with ESCAPE '\' would match, for a pattern without wildcards left. */
function literalOf(pattern: string): string {
  return pattern.replace(/\\(.)/g, '$1');
}

describe(escapeLike.name, () => {
  it.each([
    ['100%', '100\\%'],
    ['a_b', 'a\\_b'],
    ['C:\\x', 'C:\\\\x'],
    ['张三', '张三'],
  ])('escapes %j as %j', (input, output) => {
    expect(escapeLike(input)).toBe(output);
  });

  it('leaves no unescaped wildcard and reads back as the text when any text is typed', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const p = escapeLike(s);
        expect(p.replace(/\\./g, '')).not.toMatch(/[%_\\]/);
        expect(literalOf(p)).toBe(s);
      }),
    );
  });
});
