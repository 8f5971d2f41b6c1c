import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { attachmentName, attachmentsOf, dispositionFileName } from '../../src/lib/collect/attachments.ts';
import { addressBaseName, attachmentBaseName, extensionFor, safePart, uniqueBaseName } from '../../src/lib/collect/names.ts';
import { classifyPage } from '../../src/lib/collect/classify.ts';
import { readPage } from '../../src/lib/collect/page.ts';
import { parseRobots, robotsAllow } from '../../src/lib/collect/robots.ts';

const h8 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 8);

describe('robots.txt', () => {
  const text = `# comment
User-agent: BadBot
Disallow: /

User-agent: *
Disallow: /private/
Disallow: /*.jsp$
Allow: /private/ndbg/
Crawl-delay: 3
`;
  const robots = parseRobots(text, 'gov-transparency-dashboard');
  it.each([
    ['/xxgk/ndbg/index.html', true],
    ['/private/a.html', false],
    ['/private/ndbg/a.html', true],
    ['/download.jsp', false],
    ['/download.jsp?id=1', true],
    ['/', true],
  ])('%s allowed: %s', (path, allowed) => expect(robotsAllow(robots, path)).toBe(allowed));
  it('reads Crawl-delay, and a group naming us wins over *', () => {
    expect(robots.crawlDelay).toBe(3);
    const ours = parseRobots('User-agent: *\nDisallow: /\n\nUser-agent: gov-transparency-dashboard\nAllow: /\nDisallow: /tmp/\n', 'gov-transparency-dashboard');
    expect(robotsAllow(ours, '/xxgk/a.html')).toBe(true);
    expect(robotsAllow(ours, '/tmp/a.html')).toBe(false);
  });
  it('an empty Disallow forbids nothing; several user-agent lines share one group', () => {
    expect(robotsAllow(parseRobots('User-agent: *\nDisallow:\n', 'x'), '/a')).toBe(true);
    expect(robotsAllow(parseRobots('User-agent: a\nUser-agent: *\nDisallow: /b\n', 'x'), '/b/c')).toBe(false);
  });
});

describe('attachments', () => {
  const wrapper = readPage(
    `<title>XX局2023年政府信息公开工作年度报告</title><h1>XX局2023年政府信息公开工作年度报告</h1>
     <a href="/files/P020240118.pdf">点击下载</a> <a href="/down.jsp?id=3">XX局年报.docx</a> <a href="/wps/a.wps">a.wps</a> <a href="/b.html">返回</a>`,
    'http://x.gov.cn/ndbg/t1.html',
  );
  it('finds linked PDF, Word and WPS files, by address or by a link text naming a file', () => {
    expect(attachmentsOf(wrapper).map((a) => a.address)).toEqual(['http://x.gov.cn/files/P020240118.pdf', 'http://x.gov.cn/down.jsp?id=3', 'http://x.gov.cn/wps/a.wps']);
  });
  it('finds the file of an embedded PDF viewer', () => {
    const page = readPage('<iframe src="/pdfjs/web/viewer.html?file=%2Fupload%2Fnb.pdf"></iframe>', 'http://x.gov.cn/a/t.html');
    expect(attachmentsOf(page)).toEqual([{ address: 'http://x.gov.cn/upload/nb.pdf', text: '' }]);
  });
  it('reads file names from Content-Disposition in UTF-8 (RFC 5987), raw GBK or raw UTF-8 bytes, or percent-encoded', () => {
    expect(dispositionFileName("attachment; filename*=UTF-8''%E5%B9%B4%E6%8A%A5.pdf")).toBe('年报.pdf');
    expect(dispositionFileName(`attachment; filename="${iconv.encode('年报.docx', 'gbk').toString('latin1')}"`)).toBe('年报.docx');
    expect(dispositionFileName(`attachment; filename="${Buffer.from('年报.docx').toString('latin1')}"`)).toBe('年报.docx');
    expect(dispositionFileName('attachment; filename=%C4%EA%B1%A8.pdf')).toBe('年报.pdf');
    expect(dispositionFileName('inline')).toBeNull();
    expect(attachmentName('http://x.gov.cn/files/%C4%EA%B1%A8.pdf', null)).toBe('年报.pdf');
  });
});

describe('saved file names (the report ids)', () => {
  it('are made from host and address, with only letters, digits, - and _', () => {
    const cases: [string, string][] = [
      ['http://www.example.gov.cn/xxgk/ndbg/202401/t20240115_123.html', 'example_gov_cn-xxgk-ndbg-202401-t20240115_123'],
      ['https://sjj.example.gov.cn/art/2024/1/5/art_1229_58.html', 'sjj_example_gov_cn-art-2024-1-5-art_1229_58'],
      ['http://x.gov.cn/info.jsp?id=5&cat=ndbg', 'x_gov_cn-info-id_5_cat_ndbg'],
      ['http://x.gov.cn/files/%E5%B9%B4%E6%8A%A5%20(1).pdf', 'x_gov_cn-files-年报_1'],
      ['http://x.gov.cn:8080/', 'x_gov_cn'],
    ];
    for (const [address, expected] of cases) {
      expect(addressBaseName(address, h8(address))).toBe(expected);
      expect(expected).toMatch(/^[A-Za-z0-9\u4e00-\u9fff_-]+$/);
    }
  });
  it('are cut to 96 characters with the address hash, and made unique by it', () => {
    const long = `http://x.gov.cn/${'a'.repeat(200)}.html`;
    const name = addressBaseName(long, h8(long));
    expect(name).toHaveLength(96);
    expect(name.endsWith(`-${h8(long)}`)).toBe(true);
    expect(uniqueBaseName('x_gov_cn-a', 'abcdef12', () => true)).toBe('x_gov_cn-a-abcdef12');
    expect(uniqueBaseName('x_gov_cn-a', 'abcdef12', () => false)).toBe('x_gov_cn-a');
    expect(attachmentBaseName('x_gov_cn-t1', 'XX局 2023年报.pdf', 'abcdef12')).toBe('x_gov_cn-t1-XX局_2023年报');
    expect(safePart('..//')).toBe('');
  });
  it('take the extension from the bytes, then the Content-Type, then the name', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(extensionFor(bytes('%PDF-1.7'), 'application/octet-stream', 'a.html')).toBe('pdf');
    expect(extensionFor(Uint8Array.from([0x50, 0x4b, 3, 4, 0]), null, 'down.jsp')).toBe('docx');
    expect(extensionFor(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0]), null, 'a.wps')).toBe('wps');
    expect(extensionFor(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0]), null, 'a.doc')).toBe('doc');
    expect(extensionFor(bytes('<html>'), 'text/html; charset=gbk', 'a.shtml')).toBe('html');
    expect(extensionFor(bytes('text'), null, 'a.shtml')).toBe('html');
    expect(extensionFor(bytes('text'), null, 'a')).toBe('bin');
  });
});

describe('classifyPage', () => {
  const at = 'http://x.gov.cn/ndbg/t1.html';
  const title = '<title>XX局2023年政府信息公开工作年度报告</title>';
  const cases: { description: string; html: string; expected: ReturnType<typeof classifyPage> }[] = [
    { description: 'the tables themselves', html: `${title}<p>一、本年新收政府信息公开申请数量</p><a href="/a.pdf">附件</a>`, expected: 'report' },
    { description: 'a page around a PDF', html: `${title}<a href="/a.pdf">附件：XX局年报.pdf</a>`, expected: 'wrapper' },
    { description: 'a wrapper naming last year’s report', html: `${title}<a href="/a.pdf">附件</a><a href="/2022.html">XX局2022年政府信息公开工作年度报告</a>`, expected: 'wrapper' },
    { description: 'a column of pages', html: '<title>年报专栏</title><a href="/1.html">XX局2023年政府信息公开工作年度报告</a><a href="/2.html">XX局2022年政府信息公开工作年度报告</a>', expected: 'list' },
    { description: 'a column of PDFs', html: '<title>年报专栏</title><a href="/1.pdf">XX局2023年政府信息公开工作年度报告</a><a href="/2.pdf">XX局2022年政府信息公开工作年度报告</a>', expected: 'list' },
    { description: 'a province’s column of departments’ columns', html: '<title>省直部门</title><a href="/jyt/">省教育厅政府信息公开年报</a>', expected: 'list' },
    { description: 'a report given as images', html: `${title}<img src="/1.png">`, expected: 'report_without_tables' },
    { description: 'anything else', html: '<title>首页</title><a href="/news.html">新闻</a>', expected: 'other' },
  ];
  it.each(cases)('$description', ({ html, expected }) => expect(classifyPage(readPage(html, at))).toBe(expected));
});
