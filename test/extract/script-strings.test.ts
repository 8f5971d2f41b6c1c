/** A report held in a JavaScript string: found, unescaped (never evaluated) and read as HTML or text. */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/lib/extract/index.ts';
import { gbkScriptPage } from './fixtures/js-literal.ts';
import { looksLikeScript, pageScripts, reportFromScripts, scriptStrings, unescapeLiteral } from '../../src/lib/extract/script-strings.ts';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('unescapeLiteral', () => {
  const cases: Array<{ description: string; input: string; expected: string }> = [
    { description: 'no escapes', input: '一、总体情况', expected: '一、总体情况' },
    { description: 'quotes and backslash', input: String.raw`<td class=\"c\">it\'s a \\ b</td>`, expected: `<td class="c">it's a \\ b</td>` },
    { description: 'line, tab and slash escapes', input: String.raw`a\nb\tc<\/td>\r\n`, expected: 'a\nb\tc</td>\r\n' },
    { description: '\\uXXXX escapes (CJK, surrogate pairs)', input: String.raw`\u4e00\u3001\u603B\ud83d\ude00`, expected: '一、总😀' },
    { description: '\\u{…} and \\xHH escapes', input: String.raw`\u{4E00}\x3ctable\x3E`, expected: '一<table>' },
    { description: 'a line continuation', input: 'a\\\nb\\\r\nc', expected: 'abc' },
    { description: 'an invalid escape keeps its letter', input: String.raw`\u12 \xZ \q`, expected: 'u12 xZ q' },
  ];
  for (const c of cases) it(c.description, () => expect(unescapeLiteral(c.input)).toBe(c.expected));
});

describe('scriptStrings', () => {
  const values = (code: string): string[] => scriptStrings(code).map((s) => s.value);

  it('reads double, single and back-quoted literals in order', () => {
    expect(values(`var a = "x"; var b = 'y'; var c = \`z\`;`)).toEqual(['x', 'y', 'z']);
  });

  it('joins literals concatenated with +, across lines and comments', () => {
    expect(values(`var s = "<table>" +\n  '<tr>' + /* row */ "</tr>"\n  + "</table>";`)).toEqual(['<table><tr></tr></table>']);
  });

  it('does not join across a variable', () => {
    expect(values(`var s = "a" + n + "b";`)).toEqual(['a', 'b']);
  });

  it('skips quotes in comments and in regular expressions', () => {
    expect(values(`// it's "not" code\n/* "no" */ var r = /["']/g; var s = "yes"; x = a / 2; y = "也是";`)).toEqual(['yes', '也是']);
  });

  it('a quote left open at the end of its line is not a literal', () => {
    expect(values(`<!-- don't\nvar s = "ok";\n//-->`)).toEqual(['ok']);
  });

  it('marks appended values (s += …, document.write(…))', () => {
    expect(scriptStrings(`s = "a"; s += "b"; document.write("c"); f("d");`).map((s) => s.appends)).toEqual([false, true, true, false]);
  });
});

describe('reportFromScripts', () => {
  it('keeps the long strings with CJK or markup, drops short ones and code words', () => {
    const code = `var id = "#content"; alert("请输入"); var content = "<p>一、总体情况</p><table><tr><td>规章</td><td>1</td></tr></table>"; $(id).html(content);`;
    expect(reportFromScripts([code])).toEqual({ value: '<p>一、总体情况</p><table><tr><td>规章</td><td>1</td></tr></table>', markup: true, strings: 1 });
  });

  it('joins appended pieces (a table built row by row), including short closing tags', () => {
    const code = `var h = "<table>";\nh += "<tr><td>规章</td><td>1</td></tr>";\nh += "</table>";\ndocument.getElementById("c").innerHTML = h;`;
    expect(reportFromScripts([code])?.value).toBe('<table><tr><td>规章</td><td>1</td></tr></table>');
  });

  it('reads the same report once when two strings hold it', () => {
    const code = `var a = "一、总体情况，本年度公开信息"; var b = "一、总体情况，本年度公开信息";`;
    expect(reportFromScripts([code])).toMatchObject({ strings: 1, markup: false });
  });

  it('is null when no string holds CJK or markup', () => {
    expect(reportFromScripts([`var a = "x"; f('#id', 3);`])).toBeNull();
  });
});

describe('pageScripts and looksLikeScript', () => {
  it('takes inline JavaScript and JSON, not templates or external scripts', () => {
    const html = `<script src="a.js"></script><script type="text/template">"模板"</script><script type="text/javascript">var a = "1";</script><script type="application/json">{"b":"2"}</script><script>var c = "3";</script>`;
    expect(pageScripts(html)).toEqual(['var a = "1";', '{"b":"2"}', 'var c = "3";']);
  });

  const opening: Array<[string, boolean]> = [
    ['var content = "<table>";', true],
    ['\uFEFF  let x= `a`', true],
    ['document.write(\'<p>一</p>\');', true],
    ['$("#zoom").html("一、总体情况");', true],
    ['{"title":"报告","content":"<p>一</p>"}', true],
    ['一、总体情况\nvar a = "x"', false],
    ['<html><script>var a = "x"</script>', false],
    ['规章 | 1 |', false],
  ];
  for (const [text, expected] of opening) it(`${JSON.stringify(text.slice(0, 24))} ${expected ? 'is' : 'is not'} script`, () => expect(looksLikeScript(text)).toBe(expected));
});

const TABLE_HTML = '<table border="1"><tr><td>规章</td><td>1</td></tr><tr><td>规范性文件</td><td>2</td></tr></table>';
const REPORT_HTML = `<p>某县2023年政府信息公开工作年度报告</p><p>一、总体情况</p>${TABLE_HTML}`;
const REPORT_TEXT = '某县2023年政府信息公开工作年度报告\n一、总体情况\n| 规章 | 1 |\n| 规范性文件 | 2 |';
/** REPORT_HTML as a double-quoted JavaScript literal, escaped as sites do. */
const LITERAL = JSON.stringify(REPORT_HTML).replaceAll('/', '\\/');

describe('a report in a script string is read', () => {
  const pages: Array<{ description: string; name: string; input: string; format: 'html' | 'txt'; text: string; warning: { code: string; markup: boolean; instead?: boolean } }> = [
    {
      description: 'var content = "…" on a page with an empty container',
      name: 'a.html',
      input: `<html><body><div id="zoom"></div><script>var content = ${LITERAL};\ndocument.getElementById("zoom").innerHTML = content;</script></body></html>`,
      format: 'html',
      text: REPORT_TEXT,
      warning: { code: 'report_in_script_string', markup: true, instead: false },
    },
    {
      description: "document.write('…') with single quotes, \\' and \\x3c escapes, concatenated",
      name: 'a.html',
      input: `<html><head><title>某县2023年政府信息公开工作年度报告</title></head><body><script>document.write('\\x3cp>一、总体情况\\x3c/p>' +\n '${TABLE_HTML.replaceAll('"', "\\'")}');</script></body></html>`,
      format: 'html',
      text: '某县2023年政府信息公开工作年度报告\n一、总体情况\n| 规章 | 1 |\n| 规范性文件 | 2 |',
      warning: { code: 'report_in_script_string', markup: true },
    },
    {
      description: '$("#x").html("…") with \\uXXXX escapes, the report in a .txt page',
      name: 'a.txt',
      input: `<!DOCTYPE html><html><body><div id="x"></div><script>$(function(){ $("#x").html("${REPORT_HTML.replaceAll('"', '\\"').replace('年度报告', '\\u5e74\\u5ea6\\u62a5\\u544a')}"); });</script></body></html>`,
      format: 'html',
      text: REPORT_TEXT,
      warning: { code: 'report_in_script_string', markup: true },
    },
    {
      description: 'a JSON answer {"content":"…"} saved as .txt',
      name: 'a.txt',
      input: `{"code":0,"data":{"title":"年度报告","content":${LITERAL}}}`,
      format: 'html',
      text: REPORT_TEXT,
      warning: { code: 'report_in_script_file', markup: true },
    },
    {
      description: 'a bare var content = "<table…" in a .txt',
      name: 'a.txt',
      input: `var content = ${LITERAL};\n`,
      format: 'html',
      text: REPORT_TEXT,
      warning: { code: 'report_in_script_file', markup: true },
    },
    {
      description: 'a text report (no markup) with \\n and \\t in a string is read as text',
      name: 'a.js',
      input: `var content = "某县2023年政府信息公开工作年度报告\\n一、总体情况\\n\\t规章\\t1";`,
      format: 'txt',
      text: '某县2023年政府信息公开工作年度报告\n一、总体情况\n\t规章\t1',
      warning: { code: 'report_in_script_file', markup: false },
    },
  ];
  for (const c of pages) {
    it(c.description, async () => {
      const result = await extractText(bytes(c.input), c.name);
      expect(result.error).toBeNull();
      expect(result.format).toBe(c.format);
      expect(result.text).toBe(c.text);
      const { code, ...values } = c.warning;
      expect(result.diagnostics).toContainEqual(expect.objectContaining({ code, values: expect.objectContaining(values) }));
    });
  }

  it('the page body and a script holding the same report: the body read once, no warning', async () => {
    const page = `<html><body><div id="zoom">${REPORT_HTML}</div><script>var backup = ${LITERAL};</script></body></html>`;
    expect(await extractText(bytes(page), 'a.html')).toEqual({ format: 'html', text: REPORT_TEXT, diagnostics: [], error: null });
  });

  it('a body with only its title and a script holding the report: the script read instead (the title once)', async () => {
    const page = `<html><body><h1>某县2023年政府信息公开工作年度报告</h1><div class="nav">首页</div><script>document.write(${LITERAL});</script></body></html>`;
    const result = await extractText(bytes(page), 'a.html');
    expect(result.text).toBe(REPORT_TEXT);
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'report_in_script_string', values: expect.objectContaining({ instead: true }) })]);
  });

  it('script strings that are no report (menus, trackers) leave the page as it was', async () => {
    const page = `<html><body><p>一、总体情况</p><script>document.write("<ul><li>首页</li><li>政务公开</li><li>信息公开指南</li></ul>"); var t = "统计";</script></body></html>`;
    expect(await extractText(bytes(page), 'a.html')).toEqual({ format: 'html', text: '一、总体情况', diagnostics: [], error: null });
  });

  it("a body showing the report's tables and a script listing related reports: the body only", async () => {
    const page = `<html><body><div id="zoom">${REPORT_HTML}</div><script>var related = ["某市2022年政府信息公开工作年度报告", "某市2021年政府信息公开工作年度报告"];</script></body></html>`;
    expect(await extractText(bytes(page), 'a.html')).toEqual({ format: 'html', text: REPORT_TEXT, diagnostics: [], error: null });
  });

  it('a body showing part of the tables and a script holding more: the fuller script read instead', async () => {
    const fuller = JSON.stringify(REPORT_HTML.replace('</table>', '<tr><td>行政许可</td><td>3</td></tr></table>'));
    const page = `<html><body><div id="zoom">${REPORT_HTML}</div><script>var full = ${fuller};</script></body></html>`;
    const result = await extractText(bytes(page), 'a.html');
    expect(result.text).toBe(`${REPORT_TEXT}\n| 行政许可 | 3 |`);
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'report_in_script_string', values: expect.objectContaining({ instead: true }) })]);
  });

  it('a body with more than the script holds (a date line) and a script with the tables: both, the script after', async () => {
    const page = `<html><body><p>某县2023年政府信息公开工作年度报告</p><p>发布日期：2024-01-20</p><p>一、总体情况</p><script>var t = ${JSON.stringify(TABLE_HTML)};</script></body></html>`;
    const result = await extractText(bytes(page), 'a.html');
    expect(result.text).toBe('某县2023年政府信息公开工作年度报告\n发布日期：2024-01-20\n一、总体情况\n| 规章 | 1 |\n| 规范性文件 | 2 |');
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'report_in_script_string', values: expect.objectContaining({ instead: false }) })]);
  });

  it('code that is never run: a string that would call something is only text', async () => {
    const page = `var content = "<p>年度报告</p><img src=x onerror=\\"alert(1)\\"><script>alert(2)<\\/script>";`;
    const result = await extractText(bytes(page), 'a.txt');
    expect(result.text).toBe('年度报告');
  });
});

const SEEDS = '../shared/seeds';
const SEED_IDS = readdirSync(SEEDS).filter((name) => name.endsWith('.txt')).map((name) => name.replace(/\.txt$/, ''));

describe.each(SEED_IDS)('seed %s wrapped in a script string on a GBK page', (id) => {
  it('parses to the same tables as the seed itself', async () => {
    const { readRecord } = await import('../../scripts/lib/read-record.ts');
    const seed = readFileSync(`${SEEDS}/${id}.txt`, 'utf8');
    const bytes = gbkScriptPage(seed);
    const read = await readRecord(bytes, `data/reports/${id}.html`, id);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const golden = JSON.parse(readFileSync(`test/golden/${id}.json`, 'utf8')) as Record<string, unknown>;
    expect(read.record.applications).toEqual(golden.applications);
    expect(read.record.review).toEqual(golden.review);
    expect(read.record.litigation_direct).toEqual(golden.litigation_direct);
    expect(read.record.litigation_after_review).toEqual(golden.litigation_after_review);
    expect(read.record.proactive).toEqual(golden.proactive);
    expect(read.record.source.format).toBe('html');
    expect(read.record.diagnostics).toContainEqual(expect.objectContaining({ code: 'report_in_script_string', values: expect.objectContaining({ markup: false, strings: 1 }) }));
  });
});
