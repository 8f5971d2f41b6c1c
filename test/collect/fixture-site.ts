/**
 * A small government portal served on 127.0.0.1 for the collector's tests: a GBK 年报 column of
 * three pages joined by the CMS's createPageHTML call, report pages in GBK and UTF-8, a report
 * only as a PDF attachment (GBK percent-encoded name) and one only as a .docx (GBK name in
 * Content-Disposition), news mixed in, a redirect, a 404, a 500 that succeeds when asked
 * again, a page slower than the collector's time-out, a robots.txt forbidding /private/, and a
 * report listed twice; a page with an ETag answers 304 when asked with it. Every text is hand-written in the template's shape.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { zipSync, strToU8 } from 'fflate';
import iconv from 'iconv-lite';

const gbk = (text: string) => iconv.encode(text, 'gbk');

/** A report page's body in the template's shape (section 三's first rows). */
function reportHtml(agency: string, charset: string): string {
  return `<!DOCTYPE html><html><head><meta charset="${charset}"><title>${agency}2023年政府信息公开工作年度报告</title></head>
<body><div class="nav"><a href="/">首页</a> <a href="/xxgk/">政务公开</a></div>
<h1>${agency}2023年政府信息公开工作年度报告</h1>
<p>一、总体情况</p><p>2023年，${agency}认真贯彻落实《中华人民共和国政府信息公开条例》。</p>
<p>三、收到和处理政府信息公开申请情况</p>
<table><tr><td>一、本年新收政府信息公开申请数量</td><td>3</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>4</td></tr>
<tr><td>二、上年结转政府信息公开申请数量</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr></table>
<script>var share = "分享到微信";</script></body></html>`;
}

function wrapperHtml(agency: string, link: string): string {
  return `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>${agency}2023年政府信息公开工作年度报告</title></head>
<body><h1>${agency}2023年政府信息公开工作年度报告</h1><p>发布日期：2024-01-18</p>
<p>附件：${link}</p></body></html>`;
}

/** The column's page i of 3 (GBK), listing the entries given. */
function listHtml(i: number, entries: string[], base: string): string {
  const next = i < 2 ? `<a href="index_${i + 1}.html">下一页</a>` : '';
  // Both ways the CMS writes the call: numbers, or the variables its template sets.
  const script = i === 1 ? `var currentPage = ${i};//所在页从0开始\nvar countPage = 3//共多少页\ncreatePageHTML(countPage, currentPage, "index", "html");` : `createPageHTML(3, ${i}, "index", "html");`;
  return `<html><head><meta http-equiv="Content-Type" content="text/html; charset=GBK"><title>政府信息公开年报_XX市人民政府</title></head>
<body><div class="nav"><a href="/">首页</a> <a href="/xxgk/">政务公开</a> <a href="javascript:void(0)">无障碍</a></div>
<ul class="list">${entries.map((e) => `<li>${e.replaceAll('{base}', base)}</li>`).join('\n')}</ul>
<div class="page"><script>${script}</script>${next}</div></body></html>`;
}

const LISTS = [
  [
    '<a href="/xxgk/ndbg/202401/t20240115_1.html">XX市财政局2023年政府信息公开工作年度报告</a>',
    '<a href="./202401/t20240116_2.html" title="XX市教育局2023年政府信息公开工作年度报告">XX市教育局2023年政府信息公开工作年度…</a>',
    '<a href="/xwzx/202401/t20240110_9.html">XX市召开2024年全市经济工作会议</a>',
    '<a href="//{base}/xxgk/ndbg/202401/t20240117_3.html">XX市卫生健康委员会2023年政府信息公开工作年度报告</a>',
  ],
  [
    '<a href="../ndbg/202401/t20240118_4.html">XX市人力资源和社会保障局2023年政府信息公开工作年度报告</a>',
    '<a href="202401/t20240118_5.html">XX市民政局2023年政府信息公开工作年度报告</a>',
    '<a href="old/jiaotong.html">XX市交通运输局2023年政府信息公开工作年度报告</a>',
    '<a href="202401/missing.html">XX市水务局2023年政府信息公开工作年度报告</a>',
    '<a href="/xxgk/ndbg/202401/t20240115_1.html">XX市财政局2023年政府信息公开工作年度报告</a>',
  ],
  [
    '<a href="202401/t20240120_6.html">XX市林业局2023年政府信息公开工作年度报告</a>',
    '<a href="202401/slow.html">XX市审计局2023年政府信息公开工作年度报告</a>',
    '<a href="/private/t20240121_7.html">XX市统计局2023年政府信息公开工作年度报告</a>',
    '<a href="/xxgk/ndbg/202401/t20240115_1.html?from=zt">XX市财政局2023年度政府信息公开年报</a>',
    '<a href="/xwzx/202401/t20240112_8.html">图解：XX市2023年政府信息公开工作年度报告</a>',
  ],
];

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const DOCX = zipSync({
  '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
  'word/document.xml': strToU8('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>XX市民政局2023年政府信息公开工作年度报告</w:t></w:r></w:p></w:body></w:document>'),
});

type Route = { status: number; type?: string; body?: Uint8Array | string; headers?: Record<string, string>; delayMs?: number };

export interface FixtureSite {
  base: string;
  origin: string;
  /** Every request received: path and query, time (performance.now()), User-Agent. */
  requests: { path: string; at: number; userAgent: string; ifNoneMatch: string | null }[];
  /** The bytes served at a path (for comparing with what was saved). */
  body(path: string): Uint8Array;
  close(): Promise<void>;
}

export async function startFixtureSite(): Promise<FixtureSite> {
  const requests: FixtureSite['requests'] = [];
  const timers = new Set<NodeJS.Timeout>();
  let failedOnce = false;
  let base = '';
  const routes = (): Record<string, Route> => ({
    '/robots.txt': { status: 200, type: 'text/plain', body: 'User-agent: *\nDisallow: /private/\n' },
    '/xxgk/ndbg/index.html': { status: 200, type: 'text/html', body: gbk(listHtml(0, LISTS[0] as string[], base)) },
    '/xxgk/ndbg/index_1.html': { status: 200, type: 'text/html', body: gbk(listHtml(1, LISTS[1] as string[], base)) },
    '/xxgk/ndbg/index_2.html': { status: 200, type: 'text/html', body: gbk(listHtml(2, LISTS[2] as string[], base)) },
    '/xxgk/ndbg/202401/t20240115_1.html': { status: 200, type: 'text/html', body: gbk(reportHtml('XX市财政局', 'gbk')), headers: { etag: '"cz-1"' } },
    '/xxgk/ndbg/202401/t20240115_1.html?from=zt': { status: 200, type: 'text/html', body: gbk(reportHtml('XX市财政局', 'gbk')) },
    '/xxgk/ndbg/202401/t20240116_2.html': { status: 200, type: 'text/html; charset=utf-8', body: reportHtml('XX市教育局', 'utf-8') },
    '/xxgk/ndbg/202401/t20240117_3.html': { status: 200, type: 'text/html', body: gbk(reportHtml('XX市卫生健康委员会', 'gb2312')) },
    '/xxgk/ndbg/202401/t20240118_4.html': {
      status: 200,
      type: 'text/html',
      body: gbk(wrapperHtml('XX市人力资源和社会保障局', '<a href="/xxgk/ndbg/files/%C8%CB%C9%E7%BE%D6%C4%EA%B1%A8.pdf">人社局年报.pdf</a>')),
    },
    '/xxgk/ndbg/files/%C8%CB%C9%E7%BE%D6%C4%EA%B1%A8.pdf': { status: 200, type: 'application/pdf', body: PDF },
    '/xxgk/ndbg/202401/t20240118_5.html': { status: 200, type: 'text/html', body: gbk(wrapperHtml('XX市民政局', '<a href="/xxgk/ndbg/files/download.jsp?id=9">民政局年报.docx</a>')) },
    '/xxgk/ndbg/files/download.jsp?id=9': {
      status: 200,
      type: 'application/octet-stream',
      body: DOCX,
      headers: { 'content-disposition': `attachment; filename="${gbk('民政局年报.docx').toString('latin1')}"` },
    },
    '/xxgk/ndbg/old/jiaotong.html': { status: 301, headers: { location: '/xxgk/ndbg/202401/t20240119_5.html' } },
    '/xxgk/ndbg/202401/t20240119_5.html': { status: 200, type: 'text/html', body: gbk(reportHtml('XX市交通运输局', 'gbk')) },
    '/xxgk/ndbg/202401/t20240120_6.html': { status: 200, type: 'text/html', body: gbk(reportHtml('XX市林业局', 'gbk')) },
    '/xxgk/ndbg/202401/slow.html': { status: 200, type: 'text/html', body: gbk(reportHtml('XX市审计局', 'gbk')), delayMs: 3000 },
    '/private/t20240121_7.html': { status: 200, type: 'text/html', body: gbk(reportHtml('XX市统计局', 'gbk')) },
  });
  const body = (path: string): Uint8Array => {
    const route = routes()[path];
    if (!route?.body) throw new Error(`no body at ${path}`);
    return typeof route.body === 'string' ? new TextEncoder().encode(route.body) : route.body;
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '/';
    requests.push({ path, at: performance.now(), userAgent: req.headers['user-agent'] ?? '', ifNoneMatch: req.headers['if-none-match'] ?? null });
    if (path === '/xxgk/ndbg/202401/t20240120_6.html' && !failedOnce) {
      failedOnce = true;
      res.writeHead(500, { 'content-type': 'text/plain' }).end('busy');
      return;
    }
    const route = routes()[path];
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<html><title>404</title></html>');
      return;
    }
    if (route.headers?.etag && req.headers['if-none-match'] === route.headers.etag) {
      res.writeHead(304, { etag: route.headers.etag }).end();
      return;
    }
    const send = () => {
      if (res.destroyed) return;
      res.writeHead(route.status, { ...(route.type ? { 'content-type': route.type } : {}), ...route.headers });
      res.end(route.body === undefined ? undefined : typeof route.body === 'string' ? route.body : Buffer.from(route.body));
    };
    if (route.delayMs) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        send();
      }, route.delayMs);
      timers.add(timer);
    } else send();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    origin: `http://${base}`,
    requests,
    body,
    close: () =>
      new Promise<void>((done) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
