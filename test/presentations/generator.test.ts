/** The presentation generator's pieces, each on a small hand-written model, with hand-written expectations. */
import iconv from 'iconv-lite';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { APPLICANT_COLUMNS, CASE_OUTCOMES } from '../../src/lib/schema.ts';
import { buildDocument, DEFAULT_OPTIONS, type DocOptions } from './document.ts';
import { applicationsTable, casesTable, printLabel } from './tables.ts';
import { expand, splitTable, unmerge } from './grid.ts';
import { modelFromGolden, modelFromTruth, templateRows, type ReportModel } from './model.ts';
import { formatNumber } from './numbers.ts';
import { renderDocx } from './render-docx.ts';
import { pageHtml, scriptString } from './render-html.ts';
import { renderText } from './render-text.ts';
import { pairSpecs, renderVariants, variantSpecs, variantTruth } from './variants.ts';

const zeros = () => Object.fromEntries(APPLICANT_COLUMNS.map((c) => [c, 0]));
const row = (natural: number, commercial = 0) => ({ ...zeros(), natural, commercial, total: natural + commercial });
const cases = (upheld: number) => ({ upheld, corrected: 0, other: 0, pending: 0, total: upheld });

/** A golden record's shape, written by hand: 1234 new applications, 1000 granted, 234 refused as internal. */
function goldenLike(template: '2019' | '2021' = '2021'): Record<string, unknown> {
  const applications: Record<string, unknown> = Object.fromEntries(templateRows(template).map((r) => [r, zeros()]));
  Object.assign(applications, { new: row(1230, 4), granted: row(1000), refused_internal: row(230, 4), total_processed: row(1230, 4) });
  return {
    agency: { name: '某某市某某局' },
    year: 2023,
    published: '2024-01-20',
    template,
    applications,
    review: cases(2),
    litigation_direct: cases(0),
    litigation_after_review: cases(1),
    proactive: {},
    metrics: {},
  };
}

const options = (o: Partial<DocOptions> = {}): DocOptions => ({ ...DEFAULT_OPTIONS, ...o });
const texts = (cells: { text: string }[]) => cells.map((c) => c.text);

describe('formatNumber', () => {
  it('prints digits, separators and zero marks as publishers do', () => {
    expect(formatNumber(1234)).toBe('1234');
    expect(formatNumber(1234567, { thousands: true })).toBe('1,234,567');
    expect(formatNumber(8862.02, { thousands: true })).toBe('8,862.02');
    expect(formatNumber(120, { fullWidth: true })).toBe('１２０');
    expect(formatNumber(0, { zero: '—' })).toBe('—');
    expect(formatNumber(0, { zero: '' })).toBe('');
    expect(formatNumber(5, { zero: '/' })).toBe('5');
    expect(formatNumber(null, { zero: '-' })).toBe('');
  });
});

describe('printLabel', () => {
  it('keeps the template’s punctuation, or prints it half-width, or spaces the label out', () => {
    expect(printLabel('（一）予以公开', 'template')).toBe('（一）予以公开');
    expect(printLabel('（一）予以公开', 'halfwidth')).toBe('(一)予以公开');
    expect(printLabel('3.危及“三安全一稳定”', 'halfwidth')).toBe('3.危及"三安全一稳定"');
    expect(printLabel('一、本年新收政府信息公开申请数量', 'halfwidth')).toBe('一.本年新收政府信息公开申请数量');
    expect(printLabel('结果维持', 'spaced')).toBe('结 果 维 持');
    expect(printLabel('一、本年新收政府信息公开申请数量', 'spaced')).toBe('一、本年新收 政府信息公开 申请数量');
  });
});

describe('report model', () => {
  it('keeps a golden record’s cells and the template’s rows', () => {
    const m = modelFromGolden('t', goldenLike());
    expect(Object.keys(m.applications)).toHaveLength(25);
    expect(m.applications.new).toEqual({ natural: 1230, commercial: 4, research: 0, social: 0, legal: 0, other: 0, total: 1234 });
    expect(modelFromGolden('t', goldenLike('2019')).applications.other_no_fee).toBeUndefined();
    expect(Object.keys(modelFromGolden('t', goldenLike('2019')).applications)).toHaveLength(23);
  });

  it('fills a corpus truth’s outcome groups, given only as totals, column by column into each group’s first row', () => {
    const truth = {
      agency: '某某区人民政府',
      year: 2024,
      template: '2021',
      applications: { new: row(10, 2), carried_over: row(0), granted: row(5), partly_granted: row(1), total_processed: row(10, 2), carried_forward: row(0), refused_total: 3, unable_total: 3, not_processed_total: 0, other_total: 0 },
      review: 'blank-or-zero',
    };
    const m = modelFromTruth('t', truth);
    // natural leaves 10-5-1 = 4, commercial 2: refused takes 3 natural; unable takes the last natural and both commercial.
    expect(m.applications.refused_state_secret).toMatchObject({ natural: 3, commercial: 0, total: 3 });
    expect(m.applications.unable_not_held).toMatchObject({ natural: 1, commercial: 2, total: 3 });
    expect(m.applications.refused_law_prohibited).toMatchObject({ natural: 0, total: 0 });
    expect(m.filled).toEqual(['refused_state_secret', 'unable_not_held', 'not_processed_complaint', 'other_no_correction']);
    expect(m.review.upheld).toBeNull();
  });
});

describe('tables', () => {
  const m = modelFromGolden('t', goldenLike());
  it('merges section 三’s header and label cells as the national template does', () => {
    const t = applicationsTable(m, options(), null);
    expect(t.rows[0]?.[1]).toEqual({ text: '申请人情况', colSpan: 7 });
    expect(texts(t.rows[1] ?? [])).toEqual(['自然人', '法人或其他组织', '总计']);
    expect(t.rows[1]?.[1]).toMatchObject({ colSpan: 5 });
    const granted = t.rows[5] ?? [];
    expect(granted[0]).toEqual({ text: '三、本年度办理结果', rowSpan: 22 });
    expect(granted[1]).toEqual({ text: '（一）予以公开', colSpan: 2 });
    expect(texts((t.rows[7] ?? []).slice(0, 2))).toEqual(['（三）不予公开', '1.属于国家秘密']);
    expect(t.rows[7]?.[0]).toMatchObject({ rowSpan: 8 });
    const grid = expand(t);
    expect(grid.every((r) => r.length === 10)).toBe(true);
    expect(grid[3]?.map((s) => (s.origin ? s.cell.text : '·')).slice(3)).toEqual(['1230', '4', '0', '0', '0', '0', '1234']);
    const t2019 = applicationsTable(modelFromGolden('t', goldenLike('2019')), options(), null);
    expect(t2019.rows[5]?.[0]).toEqual({ text: '三、本年度办理结果', rowSpan: 20 });
  });

  it('prints a two-row header with 申请人情况 as the corner cell when asked', () => {
    const t = applicationsTable(m, options({ header: 'corner' }), null);
    expect(t.headerRows).toBe(2);
    expect(t.rows[0]?.[0]).toEqual({ text: '申请人情况', colSpan: 3, rowSpan: 2 });
    expect(expand(t)[2]?.map((s) => (s.origin ? s.cell.text : '·'))).toEqual(['一、本年新收政府信息公开申请数量', '·', '·', '1230', '4', '0', '0', '0', '0', '1234']);
  });

  it('cuts a table in two as a page break does, spanning cells shortened and printed again', () => {
    const [first, second] = splitTable(applicationsTable(m, options(), null), 3 + 8, true);
    expect(first.rows).toHaveLength(11);
    expect(first.rows[5]?.[0]).toEqual({ text: '三、本年度办理结果', rowSpan: 6 });
    expect(first.rows[7]?.[0]).toEqual({ text: '（三）不予公开', rowSpan: 4 });
    expect(second.headerRows).toBe(3);
    expect(second.rows).toHaveLength(3 + 17);
    expect(texts((second.rows[3] ?? []).slice(0, 3))).toEqual(['三、本年度办理结果', '（三）不予公开', '5.属于三类内部事务信息']);
    expect(second.rows[3]?.[0]).toMatchObject({ rowSpan: 16 });
    expect(second.rows[3]?.[1]).toMatchObject({ rowSpan: 4 });
    expect(expand(second).every((r) => r.length === 10)).toBe(true);
    const [, bare] = splitTable(applicationsTable(m, options(), null), 3 + 8, false);
    expect(bare.headerRows).toBe(0);
    expect(bare.rows[0]?.[0]?.text).toBe('三、本年度办理结果');
  });

  it('undoes merged cells, repeating their text or leaving the covered positions empty', () => {
    const t = casesTable(m, options(), null);
    expect(texts(unmerge(t, 'repeat').rows[0] ?? [])).toEqual([...Array<string>(5).fill('行政复议'), ...Array<string>(10).fill('行政诉讼')]);
    expect(texts(unmerge(t, 'empty').rows[0] ?? [])).toEqual(['行政复议', '', '', '', '', '行政诉讼', ...Array<string>(9).fill('')]);
    expect(unmerge(t, 'empty').rows.every((r) => r.length === 15 && r.every((c) => c.rowSpan === undefined && c.colSpan === undefined))).toBe(true);
  });

  it('puts 总计 first when asked', () => {
    const grid = expand(applicationsTable(m, options({ totalFirst: true }), null));
    expect(grid[3]?.slice(3).map((s) => s.cell.text)).toEqual(['1234', '1230', '4', '0', '0', '0', '0']);
    expect(grid[1]?.[3]?.cell.text).toBe('总计');
  });

  it('prints section 四 as 15 cells under 行政复议 and the two 行政诉讼 groups', () => {
    const grid = expand(casesTable(m, options(), null));
    expect(grid.map((r) => r.length)).toEqual([15, 15, 15, 15]);
    expect(grid[1]?.[5]?.cell.text).toBe('未经复议直接起诉');
    expect(grid[2]?.[0]?.cell.text).toBe('结果维持');
    expect(grid[3]?.map((s) => s.cell.text)).toEqual(['2', '0', '0', '0', '2', '0', '0', '0', '0', '0', '1', '0', '0', '0', '1']);
  });
});

describe('documents and renderers', () => {
  const m = modelFromGolden('t', goldenLike());
  const headingsOf = (o: Partial<DocOptions>) => buildDocument(m, options(o)).flatMap((b) => (b.kind === 'heading' ? [b.text] : []));

  it('numbers sections the template way, renumbered, or as 第X部分, with tables in an appendix when asked', () => {
    expect(headingsOf({})[2]).toBe('三、收到和处理政府信息公开申请情况');
    expect(headingsOf({ headings: 'renumbered' }).slice(1, 4)).toEqual(['二、工作机制保障', '三、主动公开政府信息情况', '四、政府信息公开申请情况']);
    expect(headingsOf({ headings: 'part' })[2]).toBe('第三部分 收到和处理政府信息公开申请情况');
    expect(headingsOf({ appendix: true }).slice(-3)).toEqual(['附表1 主动公开政府信息情况', '附表2 收到和处理政府信息公开申请情况', '附表3 政府信息公开行政复议、行政诉讼情况']);
    const captions = buildDocument(m, options({ captions: true })).flatMap((b) => (b.kind === 'table' && b.table.caption ? [b.table.caption] : []));
    expect(captions).toEqual(['表二：主动公开政府信息情况', '表三：收到和处理政府信息公开申请情况', '表四：政府信息公开行政复议、行政诉讼情况']);
  });

  it('prints the title wrapped, spaced, or not at all, and the agency only in the 落款 when asked', () => {
    const first = (o: Partial<DocOptions>) => buildDocument(m, options(o))[0];
    expect(first({ title: 'wrapped' })).toEqual({ kind: 'title', lines: ['某某市某某局', '2023年政府信息公开', '工作年度报告'] });
    expect(first({ title: 'spaced' })).toEqual({ kind: 'title', lines: ['2023 年 某某市某某局 政府信息公开工作年度报告'] });
    expect(first({ title: 'chinese-year' })).toEqual({ kind: 'title', lines: ['某某市某某局二〇二三年政府信息公开工作年度报告'] });
    expect(first({ title: 'niandu' })).toEqual({ kind: 'title', lines: ['某某市某某局2023年度政府信息公开工作报告'] });
    const text = renderText(buildDocument(m, options({ title: 'none', proseNamesAgency: false, dateLine: false })), 'cells');
    expect(text.split('某某市某某局')).toHaveLength(2);
    expect(text.trimEnd().endsWith('某某市某某局\n\n2024年1月20日')).toBe(true);
  });

  it('writes tab rows with merged cells once, as Excel copies them', () => {
    const text = renderText(buildDocument(m, options()), 'tab');
    expect(text).toContain('一、本年新收政府信息公开申请数量\t\t\t1230\t4\t0\t0\t0\t0\t1234');
    expect(text).toContain('\t（三）不予公开\t1.属于国家秘密\t0');
    expect(text).toContain('\t\t5.属于三类内部事务信息\t230\t4');
  });

  it('writes Word-copied tab rows: a two-paragraph header cell breaks its row over two lines', () => {
    const text = renderText(buildDocument(m, options()), 'word-tab');
    expect(text).toContain('\t\t\t商业\n企业\t科研\n机构\t社会公益\n组织\t法律服务\n机构\t其他\t');
    expect(text).toContain('一、本年新收政府信息公开申请数量\t\t\t1230\t4\t0\t0\t0\t0\t1234');
  });

  it('writes PDF-converter markdown: merged cells repeated, 商业/企业 split over two rows, a page footer mid-table', () => {
    const text = renderText(buildDocument(m, options()), 'markdown');
    expect(text).toContain('| 三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密 | 0 |');
    expect(text).toContain('| 商业 | 科研 | 社会公益 | 法律服务 | 其他 | 总计 |');
    expect(text).toContain('|  |  |  |  | 企业 | 机构 | 组织 | 机构 |  |  |');
    expect(text).toMatch(/\| 0 \|\n\n- 3 -\n\n\| 三、本年度办理结果/);
  });

  it('keeps wrapped cells’ line breaks as <br> in the other converter markdown', () => {
    const text = renderText(buildDocument(m, options()), 'markdown-br');
    expect(text).toContain('| 自然人 | 商业<br>企业 | 科研<br>机构 | 社会公益<br>组织 | 法律服务<br>机构 | 其他 | 总计 |');
    expect(text).toContain('| 三、本年度办理结果 | （二）部分公开（区分处理<br>的，只计这一情形，不计其<br>他情形） |');
    expect(text).toContain('| 1230 | 4 | 0 |');
  });

  it('writes pdftotext -layout style text: padded columns, a spanning label on its own line, long labels wrapped', () => {
    const lines = renderText(buildDocument(m, options()), 'aligned').split('\n');
    const row = lines.find((l) => l.startsWith('一、本年新收政府信息公开申请数量'));
    expect(row?.split(/\s+/)).toEqual(['一、本年新收政府信息公开申请数量', '1230', '4', '0', '0', '0', '0', '1234']);
    expect(lines.some((l) => l.trim() === '（三）不予公开')).toBe(true);
    expect(lines.some((l) => l === '三、本年度办理结果')).toBe(true);
    const partly = lines.findIndex((l) => l.trim().startsWith('（二）部分公开（区分处理的，只计这一'));
    expect(lines[partly]?.trim().split(/\s+/).slice(1)).toEqual(['0', '0', '0', '0', '0', '0', '0']);
    expect(lines[partly + 1]?.trim()).toBe('情形，不计其他情形）');
  });

  it('writes one cell a line with no blank lines between (compact web copy)', () => {
    const text = renderText(buildDocument(m, options()), 'cells-compact');
    expect(text).toContain('一、本年新收政府信息公开申请数量\n1230\n4\n0\n0\n0\n0\n1234\n二、上年结转');
    expect(text).not.toContain('\n\n');
  });

  it('writes Word-exported table markup, <br/> in narrow header cells, and a layout table around the article when asked', () => {
    const blocks = buildDocument(m, options());
    const word = pageHtml(blocks, { title: 'T', site: 'S', charset: 'utf-8', inScript: false, word: true });
    expect(word).toContain('<span style="font-size:10.5pt;font-family:仿宋_GB2312">（一）</span><span style="font-size:10.5pt;font-family:仿宋_GB2312">予以公开</span>');
    expect(word).toContain('<span lang="EN-US" style="font-size:10.5pt">1230</span>');
    expect(word).not.toContain('<th');
    const blank = pageHtml(buildDocument(m, options({ numbers: { zero: '' } })), { title: 'T', site: 'S', charset: 'utf-8', inScript: false, word: true });
    expect(blank).toContain('<span lang="EN-US">&nbsp;<o:p></o:p></span>');
    const br = pageHtml(blocks, { title: 'T', site: 'S', charset: 'utf-8', inScript: false, breaks: true });
    expect(br).toContain('<th><p style="text-align:center">商业<br/>企业</p></th>');
    expect(br).toContain('<th colspan="5"><p style="text-align:center">未经复议<br/>直接起诉</p></th>');
    const spam = pageHtml(blocks, { title: 'T', site: 'S', charset: 'utf-8', inScript: false, spam: true });
    expect(spam).toMatch(/<body>\n<div style="position:absolute;left:-9999px">雷速体育 2019年/);
    const layout = pageHtml(blocks, { title: 'T', site: 'S', charset: 'utf-8', inScript: false, layoutTable: true });
    expect(layout).toMatch(/<td class="bt_content">\n<h1/);
  });

  it('writes a GBK portal page with chrome and spans, and a script-string page with \\u escapes', () => {
    const blocks = buildDocument(m, options());
    const gbk = iconv.encode(pageHtml(blocks, { title: 'T', site: '某某网', charset: 'gbk', inScript: false }), 'gbk');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
    const html = iconv.decode(gbk, 'gbk');
    expect(html).toContain('<meta charset="gbk">');
    expect(html).toContain('您当前的位置');
    expect(html).toContain('<th colspan="5"><p style="text-align:center">法人或其他组织</p></th>');
    expect(html).toContain('<td rowspan="22"><p style="text-align:center">三、本年度办理结果</p></td>');
    expect(scriptString('<p class="a">年</p>')).toBe('"<p class=\\"a\\">\\u5e74<\\/p>"');
    const script = pageHtml(blocks, { title: 'T', site: 'S', charset: 'utf-8', inScript: true });
    expect(script).toContain('var content = "');
    expect(script).not.toContain('本年新收');
  });

  it('writes Word tables with gridSpan and vMerge', () => {
    const xml = strFromU8(unzipSync(renderDocx(buildDocument(m, options())))['word/document.xml'] as Uint8Array);
    expect(xml.match(/<w:tbl>/g)).toHaveLength(6);
    expect(xml).toContain('<w:gridSpan w:val="7"/>');
    expect(xml).toContain('<w:vMerge w:val="restart"/>');
    expect(xml).toContain('<w:vMerge/>');
  });
});

describe('variants', () => {
  const m: ReportModel = modelFromGolden('t', goldenLike());
  it('gives each variant its truth: every cell, blank zeros readable as 0 or null', () => {
    const truth = variantTruth(m, {});
    expect(Object.keys(truth.cells)).toHaveLength(25 * 7 + 15);
    expect(truth.cells['applications.new.total']).toBe(1234);
    expect(variantTruth(m, { zero: '' }).cells['applications.carried_over.natural']).toEqual({ oneOf: [0, null] });
    expect(variantTruth(m, { zero: '—' }).cells['applications.carried_over.natural']).toBe(0);
    expect(Object.keys(variantTruth(modelFromGolden('t', goldenLike('2019')), {}).cells)).toHaveLength(23 * 7 + 15);
    expect(CASE_OUTCOMES.map((k) => truth.cells[`review.${k}`])).toEqual([2, 0, 0, 0, 2]);
  });

  it('pairs styles that set different options, their number styles merged', () => {
    const names = pairSpecs(['web-copy']).map((spec) => spec.name);
    expect(names).toContain('thousands+zero-blank/web-copy');
    expect(names).toContain('title-wrapped+total-first/web-copy');
    expect(names).not.toContain('zero-emdash+zero-blank/web-copy');
    expect(names).not.toContain('title-wrapped+title-spaced/web-copy');
    expect(pairSpecs(['docx']).find((spec) => spec.name === 'thousands+zero-blank/docx')?.options.numbers).toEqual({ thousands: true, zero: '' });
  });

  it('renders every spec once, the printed PDF as a print job', () => {
    const { variants, printJobs } = renderVariants(m);
    expect(variants.length + printJobs.length).toBe(variantSpecs().length);
    expect(printJobs.map((j) => j.fileName)).toContain('t--pdf-chromium.pdf');
    expect(printJobs.every((j) => j.fileName.endsWith('.pdf'))).toBe(true);
    expect(printJobs.find((j) => j.name === 't/pdf-chromium-thead')?.html).toContain('</thead><tbody>');
    expect(printJobs.find((j) => j.name === 't/pdf-chromium')?.html).not.toContain('<thead>');
    const numbered = printJobs.find((j) => j.name === 't/pdf-chromium-page-numbers');
    expect(numbered?.pageNumbers).toBe(true);
    expect(numbered?.html).toContain('font-size:18px;padding:10px 4px');
    expect(new Set(variants.map((v) => v.fileName)).size).toBe(variants.length);
    const tab = variants.find((v) => v.name === 't/thousands/excel-tab');
    expect(new TextDecoder().decode(tab?.bytes)).toContain('\t1,230\t4\t');
    const utf16 = variants.find((v) => v.name === 't/web-copy-utf16')?.bytes as Uint8Array;
    expect([...utf16.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(new TextDecoder('utf-16le').decode(utf16)).toContain('某某市某某局\r\n');
    const gb2312 = iconv.decode(Buffer.from(variants.find((v) => v.name === 't/html-gb2312')?.bytes as Uint8Array), 'gbk');
    expect(gb2312).toContain('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">');
    expect(gb2312).not.toContain('<meta charset');
    const undeclared = iconv.decode(Buffer.from(variants.find((v) => v.name === 't/html-gbk-undeclared')?.bytes as Uint8Array), 'gbk');
    expect(undeclared).not.toMatch(/charset/i);
    expect(undeclared).toContain('某某市某某局');
    const gbk = variants.find((v) => v.name === 't/web-copy-gbk')?.bytes as Uint8Array;
    expect(iconv.decode(Buffer.from(gbk), 'gbk')).toContain('某某市某某局');
    expect(new TextDecoder().decode(gbk)).not.toContain('某某市某某局');
  });
});
