/**
 * Markdown from a PDF converter, its tables written as `<table>` blocks (their merged cells do not
 * fit a pipe table): read as text with each table in its place, not as a web page whose prose
 * would run into one line and lose its headings.
 */
import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/lib/extract/index.ts';
import { holdsEmbeddedTables } from '../../src/lib/extract/embedded-tables.ts';
import { parseReport } from '../../src/lib/parse/index.ts';
import { APPLICATION_ROWS, CASE_OUTCOMES } from '../../src/lib/schema.ts';
import { CASES, LABELS, valuesOf } from '../support/template-text.ts';

const td = (text: string | number, span = '') => `<td${span}>${text}</td>`;
const APPLICATIONS = [
  '<table>',
  `<tr>${td('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', ' colspan="2" rowspan="3"')}${td('申请人情况', ' colspan="7"')}</tr>`,
  `<tr>${td('自然人', ' rowspan="2"')}${td('法人或其他组织', ' colspan="5"')}${td('总计', ' rowspan="2"')}</tr>`,
  `<tr>${['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((t) => td(t)).join('')}</tr>`,
  ...APPLICATION_ROWS.map((r) => `<tr>${td(LABELS[r], ' colspan="2"')}${valuesOf(r).map((v) => td(v === 0 ? '' : v)).join('')}</tr>`),
  '</table>',
].join('\n');
const CASES_HTML = [
  '<table>',
  `<tr>${td('行政复议', ' colspan="5"')}${td('行政诉讼', ' colspan="10"')}</tr>`,
  `<tr>${['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((t) => td(t, ' rowspan="2"')).join('')}${td('未经复议直接起诉', ' colspan="5"')}${td('复议后起诉', ' colspan="5"')}</tr>`,
  `<tr>${['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((t) => td(t)).join('')}</tr>`,
  `<tr>${CASES.map((v) => td(v)).join('')}</tr>`,
  '</table>',
].join('\n');

const MARKDOWN = [
  '# 某某县某某局2023年政府信息公开工作年度报告',
  '',
  '## 一、总体情况',
  '',
  '2023年，我局认真贯彻落实《中华人民共和国政府信息公开条例》。',
  '',
  '## 三、收到和处理政府信息公开申请情况',
  '',
  APPLICATIONS,
  '',
  '## 四、政府信息公开行政复议、行政诉讼情况',
  '',
  CASES_HTML,
  '',
  '## 五、存在的主要问题及改进情况',
  '',
  '公开的及时性有待提高。',
].join('\n');

describe('text with <table> blocks (PDF-to-markdown converters)', () => {
  it('is read as text, its headings and prose on their own lines, each table in its place', async () => {
    const extracted = await extractText(new TextEncoder().encode(MARKDOWN), 'report.md');
    expect(extracted.format).toBe('txt');
    const lines = extracted.text.split('\n');
    expect(lines).toContain('## 一、总体情况');
    expect(lines).toContain('| 一、本年新收政府信息公开申请数量 | | 5 | 1 | | | | | 6 |');
    const record = parseReport(extracted.text, { file: 'report.md', sha256: '', format: extracted.format });
    expect([record.agency.name, record.year]).toEqual(['某某县某某局', 2023]);
    for (const r of APPLICATION_ROWS) expect(Object.values(record.applications[r]), r).toEqual(valuesOf(r));
    expect([record.review, record.litigation_direct, record.litigation_after_review].flatMap((g) => CASE_OUTCOMES.map((k) => g[k]))).toEqual(CASES);
    expect(record.checks.filter((c) => !c.ok)).toEqual([]);
  });

  it('a web page (markup beyond its tables) is not such a text', () => {
    expect(holdsEmbeddedTables(`<p>一、总体情况</p>\n${APPLICATIONS}`)).toBe(false);
    expect(holdsEmbeddedTables(`<!DOCTYPE html><body>${APPLICATIONS}</body>`)).toBe(false);
    expect(holdsEmbeddedTables('一、总体情况\n| 规章 | 1 |')).toBe(false);
    expect(holdsEmbeddedTables(MARKDOWN)).toBe(true);
  });
});
