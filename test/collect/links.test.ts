import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { charsetOfContentType, decodePage } from '../../src/lib/collect/charset.ts';
import { readPage, scriptPagination } from '../../src/lib/collect/page.ts';
import { isPaginationText, otherListPages } from '../../src/lib/collect/pagination.ts';
import { judgeLink, namesReport } from '../../src/lib/collect/report-links.ts';
import { decodePercentText, resolveLink } from '../../src/lib/collect/urls.ts';
import { parseAddressList } from '../../src/lib/collect/input.ts';

describe('resolveLink', () => {
  const base = 'http://www.example.gov.cn/xxgk/ndbg/index_1.html';
  it.each([
    ['relative', '202401/t1.html', 'http://www.example.gov.cn/xxgk/ndbg/202401/t1.html'],
    ['dot-relative', './202401/t1.html', 'http://www.example.gov.cn/xxgk/ndbg/202401/t1.html'],
    ['parent', '../zcwj/t2.html', 'http://www.example.gov.cn/xxgk/zcwj/t2.html'],
    ['root', '/art/2024/1/5/art_1.html', 'http://www.example.gov.cn/art/2024/1/5/art_1.html'],
    ['protocol-relative keeps the page scheme', '//sjj.example.gov.cn/a.html', 'http://sjj.example.gov.cn/a.html'],
    ['fragment dropped', 't3.html#top', 'http://www.example.gov.cn/xxgk/ndbg/t3.html'],
    ['spaces around', '  t4.html ', 'http://www.example.gov.cn/xxgk/ndbg/t4.html'],
  ])('%s', (_, href, expected) => expect(resolveLink(href, base)).toBe(expected));
  it.each(['javascript:void(0)', 'mailto:xxgk@example.gov.cn', '#', '', 'ftp://example.gov.cn/a.pdf'])('not an address: %s', (href) => expect(resolveLink(href, base)).toBeNull());
});

describe('decodePercentText', () => {
  it('reads UTF-8 and GBK percent-encoding', () => {
    expect(decodePercentText('%E5%B9%B4%E6%8A%A5.pdf')).toBe('年报.pdf');
    expect(decodePercentText('%C4%EA%B1%A8.pdf')).toBe('年报.pdf');
    expect(decodePercentText('plain-name.pdf')).toBe('plain-name.pdf');
  });
});

describe('decodePage', () => {
  const gbkPage = iconv.encode('<html><head><meta charset="gb2312"><title>年报</title></head></html>', 'gbk');
  it('takes the charset from the header, else the <meta>, and reads GBK by gb18030', () => {
    expect(charsetOfContentType('text/html; charset=GBK')).toBe('GBK');
    expect(charsetOfContentType('text/html')).toBeNull();
    expect(decodePage(gbkPage, 'text/html').text).toContain('<title>年报</title>');
    expect(decodePage(iconv.encode('<p>年报</p>', 'gbk'), 'text/html; charset=gbk').text).toBe('<p>年报</p>');
    expect(decodePage(new TextEncoder().encode('<p>年报</p>'), null)).toEqual({ text: '<p>年报</p>', encoding: 'utf-8' });
  });
});

describe('readPage', () => {
  const html = `<html><head><title> 政府信息公开年报 </title><base href="http://www.example.gov.cn/col/"></head><body>
    <a href="a.html" title="全称"><span>XX局2023年</span> 政府信息公开工作年度报告</a>
    <a href="javascript:;">打印</a>
    <iframe src="/viewer/web/viewer.html?file=/files/nb.pdf"></iframe>
    <script>if (a < b) document.write('<a href="fake.html">x</a>'); createPageHTML(5, 0, "index", "shtml");</script>
    <style>.a{}</style><p>正文&nbsp;内容</p></body></html>`;
  const page = readPage(html, 'http://www.example.gov.cn/xxgk/index.html');
  it('gives the title, the links against <base>, embeds, the pagination call and the visible text; script text is never a link', () => {
    expect(page.title).toBe('政府信息公开年报');
    expect(page.links).toEqual([{ address: 'http://www.example.gov.cn/col/a.html', text: 'XX局2023年 政府信息公开工作年度报告', title: '全称' }]);
    expect(page.embeds).toEqual(['http://www.example.gov.cn/viewer/web/viewer.html?file=/files/nb.pdf']);
    expect(page.pagination).toEqual([{ count: 5, current: 0, prefix: 'index', suffix: 'shtml' }]);
    expect(page.text).toContain('正文 内容');
    expect(page.text).not.toContain('createPageHTML');
  });
});

describe('otherListPages', () => {
  it('expands createPageHTML to index.html, index_1.html … without the current page, and follows 下一页', () => {
    const page = readPage('<script>createPageHTML(3, 1, "index", "html");</script><a href="index_2.html">下一页</a><a href="/more/list_9.html">下一页</a>', 'http://x.gov.cn/ndbg/index_1.html');
    expect(otherListPages(page, 'http://x.gov.cn/ndbg/index_1.html')).toEqual(['http://x.gov.cn/ndbg/index.html', 'http://x.gov.cn/ndbg/index_2.html', 'http://x.gov.cn/more/list_9.html']);
  });
  it('knows pagination links from entries', () => {
    expect(['下一页', '上一页', '尾页', '3', '>>'].every(isPaginationText)).toBe(true);
    expect(isPaginationText('2023年度')).toBe(false);
  });
});

describe('judgeLink', () => {
  const cases: { description: string; text: string; title?: string; pageTitle?: string; expected: ReturnType<typeof judgeLink> }[] = [
    { description: 'full title', text: 'XX市财政局2023年政府信息公开工作年度报告', expected: { keep: true, by: 'text' } },
    { description: '年报 for short', text: 'XX区2022年度政府信息公开年报', expected: { keep: true, by: 'text' } },
    { description: 'cut short with an ellipsis', text: 'XX市市场监督管理局2023年政府信息公开工作年度报…', expected: { keep: true, by: 'text' } },
    { description: 'spaces inside', text: '2023年 政府信息 公开工作年度报告', expected: { keep: true, by: 'text' } },
    { description: 'full title only in the title attribute', text: 'XX市市场监督管理局2023…', title: 'XX市市场监督管理局2023年政府信息公开工作年度报告', expected: { keep: true, by: 'title_attribute' } },
    { description: 'a year alone, in a 年报 column', text: '2023年度', pageTitle: '政府信息公开年报', expected: { keep: true, by: 'column_title_and_year' } },
    { description: 'a year alone elsewhere', text: '2023年度', pageTitle: '通知公告', expected: { keep: false, reason: 'not_a_report' } },
    { description: 'news with a year in a 年报 column', text: 'XX市召开2024年全市经济工作会议', pageTitle: '政府信息公开年报', expected: { keep: false, reason: 'not_a_report' } },
    { description: 'a notice about compiling reports', text: '关于做好2023年政府信息公开工作年度报告编制发布工作的通知', expected: { keep: false, reason: 'about_a_report' } },
    { description: 'an interpretation', text: '图解：XX市2023年政府信息公开工作年度报告', expected: { keep: false, reason: 'about_a_report' } },
    { description: 'another annual report', text: 'XX市2023年国民经济和社会发展统计公报', expected: { keep: false, reason: 'not_a_report' } },
  ];
  it.each(cases)('$description', ({ text, title, pageTitle, expected }) => expect(judgeLink({ text, title: title ?? '' }, pageTitle ?? '')).toEqual(expected));
  it('names a report', () => expect(namesReport('政务公开')).toBe(false));
});

describe('parseAddressList', () => {
  it('reads one address a line with a note, skipping comments and blank lines, and names bad lines', () => {
    expect(parseAddressList('\uFEFF# 广东省\nhttp://www.gd.gov.cn/xxgk/ndbg/ 省政府 年报专栏\n\nwww.example.gov.cn/a.html\nhttps://a.gov.cn/b.html#x\n')).toEqual({
      addresses: [
        { line: 2, address: 'http://www.gd.gov.cn/xxgk/ndbg/', note: '省政府 年报专栏' },
        { line: 5, address: 'https://a.gov.cn/b.html', note: '' },
      ],
      problems: [{ line: 4, text: 'www.example.gov.cn/a.html' }],
    });
  });
});

describe('scriptPagination', () => {
  it.each([
    ['numbers', 'createPageHTML(12, 0, "index", "html");', { count: 12, current: 0, prefix: 'index', suffix: 'html' }],
    ['variables the script sets', 'var currentPage = 2;//所在页从0开始\nvar countPage = 7//共多少页\ncreatePageHTML(countPage, currentPage, "index", "htm");', { count: 7, current: 2, prefix: 'index', suffix: 'htm' }],
    ['an element id first', "createPageHTML('page_div', 4, 1, 'list', 'shtml', 20);", { count: 4, current: 1, prefix: 'list', suffix: 'shtml' }],
  ])('%s', (_, script, expected) => expect(scriptPagination(script)).toEqual([expected]));
  it('ignores a call whose count it cannot read', () => expect(scriptPagination('createPageHTML(total(), 0, "index", "html")')).toEqual([]));
});
