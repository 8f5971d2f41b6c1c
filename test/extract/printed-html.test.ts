/**
 * A web page and the PDF a browser prints from it must read the same: the PDF's tables come
 * from Chromium's own drawing (Skia fills, not Word strokes). Skips when Chromium is absent.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/lib/extract/index.ts';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((path) => existsSync(path));
const DIR = resolve('test/tmp/extract');

const vertical = (text: string): string => [...text].join('<br>');
const row = (label: string, colspan: number, numbers: number[]): string =>
  `<td colspan="${colspan}">${label}</td>${numbers.map((n) => `<td>${n}</td>`).join('')}`;

const HTML = `<!DOCTYPE html><html><head><meta charset="utf-8"><style>
table { border-collapse: collapse } td { border: 1px solid #000; padding: 2px 4px; font-size: 12px }
</style></head><body>
<h1>某某县人民政府2023年政府信息公开工作年度报告</h1>
<p>一、总体情况</p>
<p>2023年，全县在政府网站主动公开政府信息1136条，网站总访问量637万次，政务新媒体关注人数213万余人。这一段文字足够长，会被页面宽度折成几行。</p>
<p>三、收到和处理政府信息公开申请情况</p>
<table>
<tr><td rowspan="3" colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业<br>企业</td><td>科研<br>机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
<tr>${row('一、本年新收政府信息公开申请数量', 3, [21, 0, 0, 0, 0, 0, 21])}</tr>
<tr><td rowspan="4" style="width:14px">${vertical('三、本年度办理结果')}</td>${row('（一）予以公开', 2, [2, 0, 0, 0, 0, 0, 2])}</tr>
<tr>${row('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 2, [4, 0, 0, 0, 0, 0, 4])}</tr>
<tr><td rowspan="2">（三）不予公开</td>${row('1.属于国家秘密', 1, [1, 0, 0, 0, 0, 0, 1])}</tr>
<tr>${row('2.其他法律行政法规禁止公开', 1, [0, 0, 0, 3, 0, 0, 3])}</tr>
</table>
<p>四、政府信息公开行政复议、行政诉讼情况</p>
</body></html>`;

describe.skipIf(!CHROMIUM)('a web page and its printed PDF', () => {
  it('read to the same lines', async () => {
    mkdirSync(DIR, { recursive: true });
    const htmlFile = join(DIR, 'report.html');
    const pdfFile = join(DIR, 'report.pdf');
    writeFileSync(htmlFile, HTML);
    execFileSync(CHROMIUM!, ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--print-to-pdf=${pdfFile}`, `file://${htmlFile}`], { stdio: 'ignore', timeout: 60_000 });
    const fromHtml = await extractText(new TextEncoder().encode(HTML), 'report.html');
    const fromPdf = await extractText(new Uint8Array(readFileSync(pdfFile)), 'report.pdf');
    expect(fromPdf.error).toBeNull();
    expect(fromPdf.text.split('\n')).toEqual(fromHtml.text.split('\n'));
    expect(fromPdf.text).toContain('三、本年度办理结果 | （一）予以公开 | | 2 | 0 | 0 | 0 | 0 | 0 | 2 |');
  });
});
