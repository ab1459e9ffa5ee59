import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../../infra/http/public.decorator';

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>政府信息公开申请办理系统 · govinfo</title>
<style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;max-width:44rem;margin:3rem auto;padding:0 1rem;line-height:1.6;color:#1d1d1f}
h1{font-size:1.6rem}a{color:#b3261e}.en{color:#555}</style></head>
<body>
<h1>政府信息公开申请办理系统</h1>
<p>依据《中华人民共和国政府信息公开条例》，登记、办理和答复政府信息公开申请，按工作日计算法定期限，并据实生成政府信息公开工作年度报告。</p>
<p class="en">govinfo tracks government information requests under the PRC Regulations on Open Government Information: intake, statutory working-day deadlines, replies and the annual report.</p>
<ul>
<li><a href="/api/docs">接口文档 · API documentation</a></li>
<li><a href="/health">运行状态 · Health</a></li>
</ul>
<p class="en">The citizen and staff portal is not yet available on this server. 门户页面尚未开放。</p>
</body></html>`;

@ApiExcludeController()
@Controller()
export class HomeController {
  @Get()
  @Public()
  @Header('content-type', 'text/html; charset=utf-8')
  index(): string {
    return PAGE;
  }
}
