const BANNER_CSS =
  '.govinfo-preview{border:2px dashed #a00;color:#a00;padding:6pt;margin:0 0 12pt;font:12pt sans-serif}@media print{.govinfo-preview{display:none}}';

/**
 * The letters an action would issue, rehearsed and rolled back, as one page: each letter's stored
 * HTML body under a banner saying it is a preview (its document number is only the next free
 * one). Pure.
 */
export function previewPage(
  letters: ReadonlyArray<{ title: string; html: string }>,
  lang: 'zh' | 'en',
): string {
  const note =
    lang === 'zh'
      ? '预览：以下文书尚未发出，文号为预计文号。返回申请页面提交后才会出具。'
      : 'Preview: not issued; the document number is the next free one. Go back and submit to issue it.';
  const styles = letters.flatMap((l) =>
    [...l.html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]),
  );
  const bodies = letters.map((l) => l.html.match(/<body[^>]*>([\s\S]*)<\/body>/)?.[1] ?? l.html);
  return [
    `<!doctype html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">`,
    `<title>${lang === 'zh' ? '文书预览' : 'Letter preview'}</title>`,
    ...[...new Set([BANNER_CSS, ...styles])].map((css) => `<style>${css}</style>`),
    `</head><body><main><p class="govinfo-preview" role="note">${note}</p>`,
    bodies.join('<hr>'),
    '</main></body></html>',
  ].join('');
}
