import { escapeHtml, markup, multiline } from '../../../src/modules/correspondence/domain/html';

describe(escapeHtml.name, () => {
  it('escapes the five markup characters when they appear in text', () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;',
    );
  });

  it('leaves Chinese text and full-width punctuation unchanged when nothing needs escaping', () => {
    expect(escapeHtml('《政府信息公开条例》第三十六条第（一）项：“予以公开”')).toBe(
      '《政府信息公开条例》第三十六条第（一）项：“予以公开”',
    );
  });
});

describe(markup.name, () => {
  it('escapes every interpolated string and number when building markup', () => {
    const evil = '<script>alert(1)</script>';
    expect(String(markup`<p>${evil}${42}</p>`)).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;42</p>',
    );
  });

  it('keeps nested markup and lists of markup unescaped while escaping their text', () => {
    const items = ['a<b', 'c&d'].map((t) => markup`<li>${t}</li>`);
    expect(String(markup`<ul>${items}</ul>`)).toBe('<ul><li>a&lt;b</li><li>c&amp;d</li></ul>');
  });

  it('renders nothing when given null, undefined or false', () => {
    expect(String(markup`<p>${null}${undefined}${false}</p>`)).toBe('<p></p>');
  });

  it('escapes a string that looks like markup when it did not come from markup', () => {
    const forged = { markup: '<b>x</b>', toString: () => '<b>x</b>' } as unknown as string;
    expect(String(markup`${forged}`)).not.toContain('<b>');
  });
});

describe(multiline.name, () => {
  it('keeps line breaks as <br> and escapes each line when the text has several lines', () => {
    expect(String(multiline('一<1>\r\n二&\n三'))).toBe('一&lt;1&gt;<br>二&amp;<br>三');
  });
});
