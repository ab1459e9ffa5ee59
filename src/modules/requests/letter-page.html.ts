const escape = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title></head>
<body><main>${body}</main></body></html>
`;
}

/** Asks for the tracking code (or a sign-in) before a letter is shown. */
export function lockedLetterPage(action: string, wrongCode: boolean): string {
  return page(
    '查看文书 · View a letter',
    `<h1>查看文书 <span lang="en">View a letter</span></h1>
${wrongCode ? '<p role="alert">受理编号与查询码不符，请核对后重试。<span lang="en">The reference number and tracking code do not match.</span></p>\n' : ''}<p>请先登录申请账号，或输入登记回执上的查询码。<span lang="en">Sign in to your account, or enter the tracking code printed on your receipt.</span></p>
<form method="post" action="${escape(action)}">
<label for="trackingCode">查询码 <span lang="en">Tracking code</span></label>
<input id="trackingCode" name="trackingCode" autocomplete="off" required minlength="13" maxlength="20">
<button type="submit">查看 <span lang="en">View</span></button>
</form>`,
  );
}

/** No such letter for this case (or not one addressed to the applicant). */
export function missingLetterPage(): string {
  return page(
    '未找到文书 · Letter not found',
    `<h1>未找到该文书 <span lang="en">Letter not found</span></h1>
<p>该申请下没有此文书，或您无权查看。<span lang="en">This request has no such letter, or you may not view it.</span></p>`,
  );
}
