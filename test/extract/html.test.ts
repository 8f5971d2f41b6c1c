import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/lib/extract/index.ts';

const APPLICATIONS_TABLE = `
<table border="1">
  <tr><td rowspan="3" colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
  <tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
  <tr><td>商业<br>企业</td><td>科研<br>机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
  <tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>21</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>21</td></tr>
  <tr><td rowspan="2">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>2</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>2</td></tr>
  <tr><td rowspan="1">（三）不予公开</td><td>1.属于国家秘密</td><td>0</td><td></td><td>0</td><td>0</td><td>0</td><td>0</td><td style="display:none">9</td><td>0</td></tr>
  <tr style="display:none"><td>隐藏行</td></tr>
</table>`;

function page(charset: string, body: string): string {
  return `<!DOCTYPE html><html><head><meta charset="${charset}"><title>某某县人民政府2023年政府信息公开工作年度报告_某某县人民政府</title>
<script>var tracker = "三、收到和处理"; document.write("雷速体育");</script><style>.x{color:red}</style></head>
<body>${body}</body></html>`;
}

const encodeGbk = (html: string): Uint8Array => new Uint8Array(iconv.encode(html, 'gbk'));

describe('HTML: encodings', () => {
  const body = '<h1>某某县人民政府2023年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>网站总访问量637万次。</p>';

  it('decodes a GBK page by its <meta charset>', async () => {
    const result = await extractText(encodeGbk(page('gbk', body)), 'report.html');
    expect(result.error).toBeNull();
    expect(result.format).toBe('html');
    expect(result.text.split('\n')).toEqual(['某某县人民政府2023年政府信息公开工作年度报告', '一、总体情况', '网站总访问量637万次。']);
  });

  it('decodes a GB2312 http-equiv declaration as GBK', async () => {
    const html = page('x', body).replace('<meta charset="x">', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">');
    const result = await extractText(encodeGbk(html), 'report.htm');
    expect(result.text).toContain('网站总访问量637万次。');
  });

  it('detects GBK when the page declares nothing (or declares it wrongly)', async () => {
    const undeclared = encodeGbk(`<html><body>${body}</body></html>`);
    expect((await extractText(undeclared, 'report.shtml')).text).toContain('一、总体情况');
    const wrong = encodeGbk(page('utf-8', body));
    const result = await extractText(wrong, 'report.html');
    expect(result.text).toContain('一、总体情况');
    expect(result.diagnostics).toContainEqual({ code: 'encoding_declared_mismatch', section: 'file', values: { declared: 'utf-8' } });
  });

  it('reads a UTF-8 page that wrongly declares GBK as UTF-8', async () => {
    const result = await extractText(new TextEncoder().encode(page('gb2312', body)), 'report.html');
    expect(result.text).toContain('网站总访问量637万次。');
    expect(result.diagnostics).toEqual([{ code: 'encoding_declared_but_utf8', section: 'file', values: { declared: 'gb2312' } }]);
  });

  it('recognises HTML by its markup whatever the file is called', async () => {
    const result = await extractText(new TextEncoder().encode(page('utf-8', body)), 'download');
    expect(result.format).toBe('html');
  });
});

describe('HTML: tables', () => {
  it('reads rows and cells with row and column spans; a spanned cell shows once, at its first position', async () => {
    const result = await extractText(new TextEncoder().encode(page('utf-8', `<h1>报告</h1>${APPLICATIONS_TABLE}`)), 't.html');
    expect(result.text.split('\n')).toEqual([
      '报告',
      '| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | | | 申请人情况 | | | | | | |',
      '| | | | 自然人 | 法人或其他组织 | | | | | 总计 |',
      '| | | | | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |',
      '| 一、本年新收政府信息公开申请数量 | | | 21 | 0 | 0 | 0 | 0 | 0 | 21 |',
      '| 三、本年度办理结果 | （一）予以公开 | | 2 | 0 | 0 | 0 | 0 | 0 | 2 |',
      '| | （三）不予公开 | 1.属于国家秘密 | 0 | | 0 | 0 | 0 | 0 | 0 |',
    ]);
  });

  it('reads a layout table (a table holding tables) as blocks, not as one big row', async () => {
    const html = page('utf-8', `<table><tr><td><p>一、总体情况</p></td></tr><tr><td>${APPLICATIONS_TABLE}</td></tr></table>`);
    const lines = (await extractText(new TextEncoder().encode(html), 'layout.html')).text.split('\n');
    expect(lines).toContain('一、总体情况');
    expect(lines).toContain('| 一、本年新收政府信息公开申请数量 | | | 21 | 0 | 0 | 0 | 0 | 0 | 21 |');
  });
});

describe('HTML: page chrome', () => {
  const html = page('utf-8', `
<div class="header-top"><a href="/">首页</a> <a href="/old">长者专区</a></div>
<nav><ul><li>政务公开</li><li>政务服务</li></ul></nav>
<div id="breadcrumb">当前位置：首页 &gt; 政府信息公开年报</div>
<div class="article">
  <h1>某某街道办事处2023年政府信息公开工作年度报告</h1>
  <p>一、总体情况</p>
  <p style="display: none">雷速体育 雷速直播</p>
  <p>2023年，街道主动公开政府
     信息&nbsp;271条。</p>
  <span hidden>隐藏文字</span>
</div>
<div class="share-box">分享到：微信 微博</div>
<div class="article-tools"><span class="ewm">扫一扫在手机打开当前页</span><a class="btn-print">【打印本页】</a></div>
<footer><p>主办单位：某某街道办事处 ICP备案号</p></footer>
<script>console.log("扫一扫")</script>`);

  it('drops scripts, styles, navigation, headers, footers and hidden text; keeps the title first', async () => {
    const result = await extractText(new TextEncoder().encode(html), 'page.html');
    expect(result.text.split('\n')).toEqual([
      '某某街道办事处2023年政府信息公开工作年度报告',
      '一、总体情况',
      '2023年，街道主动公开政府信息 271条。',
    ]);
  });

  it('keeps an article header that holds the <h1> and its date, drops the site header', async () => {
    const html = page('utf-8', `<header><a>首页</a><a>无障碍</a></header>
<div class="article"><header class="head"><h1>某某局2023年政府信息公开工作年度报告</h1><span>发布时间：2024-01-23</span></header><p>一、总体情况</p></div>`);
    const result = await extractText(new TextEncoder().encode(html), 'page.html');
    expect(result.text.split('\n')).toEqual(['某某局2023年政府信息公开工作年度报告', '发布时间：2024-01-23', '一、总体情况']);
  });

  it('uses <title> when there is no <h1>', async () => {
    const result = await extractText(new TextEncoder().encode(page('utf-8', '<p>一、总体情况</p>')), 'page.html');
    expect(result.text.split('\n')[0]).toBe('某某县人民政府2023年政府信息公开工作年度报告_某某县人民政府');
  });

  it('a page with no visible text is an error value', async () => {
    const result = await extractText(new TextEncoder().encode(page('utf-8', '<script>x()</script>')), 'empty.html');
    expect(result.error).toBe('empty.html: HTML page has no visible text in its body');
  });
});
