import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../infra/http/public.decorator';
import { escapeHtml } from '../correspondence/domain';
import { isReasonCode, REASON_CODES } from '../../shared/domain/reason-code';
import { Refusal } from '../../shared/domain/refusal';
import { MESSAGES } from '../../shared/i18n/messages';

const page = (title: string, body: string) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · govinfo</title>
<style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;max-width:44rem;margin:3rem auto;padding:0 1rem;line-height:1.6;color:#1d1d1f}code{background:#f2f2f2;padding:0 .2em}.en{color:#555}</style>
</head><body>${body}</body></html>`;

/**
 * `${PUBLIC_URL}/problems/<code>` — the `type` of every problem-details answer: what the reason
 * code means, in Chinese and English, from the one message catalogue.
 */
@ApiTags('ops')
@Controller('problems')
export class ProblemsController {
  @Get()
  @Public()
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: 'Every reason code with its meaning' })
  index(): string {
    const rows = REASON_CODES.map(
      (c) =>
        `<li><a href="/problems/${c}"><code>${c}</code></a> ${escapeHtml(MESSAGES[c].title.zh)} <span class="en">${escapeHtml(MESSAGES[c].title.en)}</span></li>`,
    );
    return page(
      '错误原因 · Problem types',
      `<h1>错误原因 · Problem types</h1><ul>${rows.join('')}</ul>`,
    );
  }

  @Get(':code')
  @Public()
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: 'One reason code explained' })
  one(@Param('code') code: string): string {
    if (!isReasonCode(code)) throw new Refusal('not-found');
    const m = MESSAGES[code];
    return page(
      m.title.zh,
      `<h1>${escapeHtml(m.title.zh)}</h1><p class="en">${escapeHtml(m.title.en)}</p><p>原因代码 · reason code: <code>${code}</code></p><p><a href="/problems">全部原因 · all reasons</a></p>`,
    );
  }
}
