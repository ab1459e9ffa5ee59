import { markup, multiline, type Html } from '../../correspondence/domain/html';
import type { DeadlineTrace } from '../../deadlines/domain/trace';

/**
 * The case file (证据材料) an agency submits with its answer in a reconsideration or suit: the
 * application, every letter as issued (document number and SHA-256), the service records, the
 * deadline trace day by day with the holiday notices relied on, and the event logs. Pure: the
 * service gathers the data, this renders one printable A4 page with an index.
 */
export interface CaseFileData {
  readonly generatedAt: string;
  readonly agencyName: string;
  readonly remedy: {
    readonly kindLabel: string;
    readonly bodyName: string;
    readonly bodyCaseNo: string | null;
    readonly appliedOn: string;
    readonly statusLabel: string;
  };
  readonly application: {
    readonly referenceNo: string;
    readonly title: string;
    readonly description: string;
    readonly applicantName: string;
    readonly channel: string;
    readonly submittedAt: string;
    readonly receivedOn: string | null;
  };
  readonly letters: ReadonlyArray<{
    readonly file: string;
    readonly title: string;
    readonly documentNumber: string;
    readonly issuedOn: string;
    readonly sha256: string;
    readonly html: string;
  }>;
  readonly services: ReadonlyArray<{
    readonly method: string;
    readonly servedOn: string;
    readonly deliveredOn: string | null;
    readonly trackingNo: string | null;
    readonly proofFile: string | null;
  }>;
  readonly attachments: ReadonlyArray<{
    readonly file: string;
    readonly kind: string;
    readonly sha256: string;
    readonly size: number;
  }>;
  readonly trace: DeadlineTrace | null;
  readonly notices: ReadonlyArray<{
    readonly year: number;
    readonly url: string | null;
    readonly date: string | null;
  }>;
  readonly caseEvents: ReadonlyArray<{
    readonly at: string;
    readonly action: string;
    readonly actor: string;
    readonly reason: string | null;
  }>;
  readonly remedyEvents: ReadonlyArray<{
    readonly at: string;
    readonly action: string;
    readonly actor: string;
  }>;
}

const STATUS_TEXT = { counted: '计入', 'not-working': '非工作日', paused: '暂停计算' } as const;

const section = (id: string, title: string, body: Html) =>
  markup`<section id="${id}"><h2>${title}</h2>${body}</section>`;

export function renderCaseFile(d: CaseFileData): string {
  const index = [
    ['application', '一、政府信息公开申请'],
    ['letters', '二、出具的文书'],
    ['services', '三、送达记录'],
    ['attachments', '四、附件材料'],
    ['trace', '五、答复期限计算'],
    ['events', '六、办理过程记录'],
    ['remedy', '七、复议（诉讼）过程记录'],
  ] as const;
  const a = d.application;
  const doc = markup`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${`证据材料 ${a.referenceNo}`}</title>
<style>@page{size:A4;margin:20mm}body{font-family:serif;font-size:12pt}table{border-collapse:collapse;width:100%}td,th{border:1px solid #000;padding:2px 4px;font-size:10pt}iframe{width:100%;height:260mm;border:1px solid #999}section{page-break-before:always}</style></head>
<body><h1>${d.agencyName} 证据材料目录</h1>
<p>${d.remedy.kindLabel}：${d.remedy.bodyName}${d.remedy.bodyCaseNo ? `（${d.remedy.bodyCaseNo}）` : ''}，${d.remedy.appliedOn}申请（起诉），${d.remedy.statusLabel}。生成于 ${d.generatedAt}。</p>
<ol>${index.map(([id, title]) => markup`<li><a href="#${id}">${title}</a></li>`)}</ol>
${section(
  'application',
  index[0][1],
  markup`<table><tr><th>受理编号</th><td>${a.referenceNo}</td></tr><tr><th>申请人</th><td>${a.applicantName}</td></tr><tr><th>申请方式</th><td>${a.channel}</td></tr><tr><th>提交时间</th><td>${a.submittedAt}</td></tr><tr><th>收到申请之日</th><td>${a.receivedOn ?? '—'}</td></tr><tr><th>所需信息</th><td>${a.title}</td></tr><tr><th>描述</th><td>${multiline(a.description)}</td></tr></table>`,
)}
${section(
  'letters',
  index[1][1],
  markup`<table><tr><th>文书</th><th>文号</th><th>日期</th><th>SHA-256</th><th>文件</th></tr>${d.letters.map(
    (l) =>
      markup`<tr><td>${l.title}</td><td>${l.documentNumber}</td><td>${l.issuedOn}</td><td><code>${l.sha256}</code></td><td>${l.file}</td></tr>`,
  )}</table>${d.letters.map((l) => markup`<h3>${l.title}（${l.documentNumber}）</h3><iframe title="${l.title}" srcdoc="${l.html}"></iframe>`)}`,
)}
${section(
  'services',
  index[2][1],
  d.services.length
    ? markup`<table><tr><th>方式</th><th>送达（交邮）日</th><th>收到日</th><th>邮件号</th><th>凭证</th></tr>${d.services.map(
        (s) =>
          markup`<tr><td>${s.method}</td><td>${s.servedOn}</td><td>${s.deliveredOn ?? '—'}</td><td>${s.trackingNo ?? '—'}</td><td>${s.proofFile ?? '—'}</td></tr>`,
      )}</table>`
    : markup`<p>无送达记录。</p>`,
)}
${section(
  'attachments',
  index[3][1],
  markup`<table><tr><th>文件</th><th>类别</th><th>大小</th><th>SHA-256</th></tr>${d.attachments.map(
    (x) =>
      markup`<tr><td>${x.file}</td><td>${x.kind}</td><td>${x.size}</td><td><code>${x.sha256}</code></td></tr>`,
  )}</table>`,
)}
${section('trace', index[4][1], traceTable(d))}
${section(
  'events',
  index[5][1],
  markup`<table><tr><th>时间</th><th>操作</th><th>操作人</th><th>理由</th></tr>${d.caseEvents.map(
    (e) =>
      markup`<tr><td>${e.at}</td><td>${e.action}</td><td>${e.actor}</td><td>${e.reason ?? ''}</td></tr>`,
  )}</table>`,
)}
${section(
  'remedy',
  index[6][1],
  markup`<table><tr><th>时间</th><th>操作</th><th>操作人</th></tr>${d.remedyEvents.map(
    (e) => markup`<tr><td>${e.at}</td><td>${e.action}</td><td>${e.actor}</td></tr>`,
  )}</table>`,
)}
</body></html>`;
  return doc.toString();
}

function traceTable(d: CaseFileData): Html {
  const t = d.trace;
  if (!t) return markup`<p>尚未收到申请，无期限计算。</p>`;
  return markup`<p>自收到申请之日 ${t.anchor} 的次日起计算 ${t.limitWd} 个工作日${t.extension ? `，延长 ${t.extension} 个工作日` : ''}，答复期限 ${t.due ?? '（暂停中）'}。</p>
<p>所依据的放假安排：${d.notices.map((n) => markup`${n.year}年${n.url ? markup`（<a href="${n.url}">${n.date ?? ''} 国务院办公厅通知</a>）` : '（数据集）'} `)}</p>
<table><tr><th>日期</th><th>类型</th><th>计算</th><th>第几个工作日</th><th>说明</th></tr>${t.days.map(
    (x) =>
      markup`<tr><td>${x.date}</td><td>${x.kind}</td><td>${STATUS_TEXT[x.status]}</td><td>${x.n ?? ''}${x.extension ? '（延长）' : ''}</td><td>${x.name ?? ''}${x.pausedBy?.length ? `暂停：${x.pausedBy.join('、')}` : ''}</td></tr>`,
  )}</table>`;
}
