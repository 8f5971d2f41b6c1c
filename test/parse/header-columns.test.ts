/**
 * Section 三 read by its columns (issue 15): where a table's header names the seven applicant
 * columns, a figure stays in the column it was printed in, whatever the order of the columns
 * and however empty cells are printed. Each case is a table written by hand in a shape real
 * publishers use; the parse goes through the whole parser.
 */
import { describe, expect, it } from 'vitest';
import { headerColumns } from '../../src/lib/parse/header-columns.ts';
import { parseReport } from '../../src/lib/parse/index.ts';
import { APPLICATION_ROWS, type ApplicationRow } from '../../src/lib/schema.ts';
import { CASES_TABLE, LABELS, valuesOf } from '../support/template-text.ts';

const HEADER = [
  '| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 | | | | | | |',
  '| | 自然人 | 法人或其他组织 | | | | | 总计 |',
  '| | | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |',
];

/** The report around a section 三 table. */
function report(table: string[]): string {
  return [
    '某某县某某局2023年政府信息公开工作年度报告',
    '一、总体情况',
    '全年主动公开政府信息120条。',
    '三、收到和处理政府信息公开申请情况',
    ...table,
    '四、政府信息公开行政复议、行政诉讼情况',
    CASES_TABLE,
    '五、存在的主要问题及改进情况',
    '无。',
  ].join('\n');
}

const parse = (text: string) => parseReport(text, { file: 'test.txt', sha256: '', format: 'txt' });

/** Rows as `| label | cells |`, each cell rendered by `cell` (value, column index 0–6). */
function rows(cell: (v: number, c: number) => string, values: (r: ApplicationRow) => number[] = valuesOf): string[] {
  return APPLICATION_ROWS.map((r) => `| ${LABELS[r]} | ${values(r).map(cell).join(' | ')} |`);
}

describe('columns named by the header', () => {
  it('a figure printed under 商业企业 with blank cells around it stays under 商业企业', () => {
    // 3 applications from businesses, granted; blank (not 0) in every applicant cell without a figure.
    const values = (r: ApplicationRow) =>
      r === 'new' ? [5, 3, 0, 0, 0, 0, 8] : r === 'total_processed' ? [6, 3, 0, 0, 0, 0, 9] : r === 'granted' ? [2, 3, 0, 0, 0, 0, 5] : valuesOf(r);
    const record = parse(report([...HEADER, ...rows((v) => (v === 0 ? '' : String(v)), values)]));
    expect(record.applications.new).toEqual({ natural: 5, commercial: 3, research: 0, social: 0, legal: 0, other: 0, total: 8 });
    expect(record.applications.carried_over).toEqual({ natural: 1, commercial: 0, research: 0, social: 0, legal: 0, other: 0, total: 1 });
    expect(record.applications.granted.commercial).toBe(3);
    expect(record.diagnostics.some((d) => d.code === 'applications_blank_cells_inferred')).toBe(true);
    expect(record.checks.filter((c) => !c.ok)).toEqual([]);
  });

  it('总计 as the first column', () => {
    const header = ['| | 总计 | 自然人 | 法人或其他组织 | | | | |', '| | | | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |'];
    const table = APPLICATION_ROWS.map((r) => {
      const v = valuesOf(r);
      return `| ${LABELS[r]} | ${[v[6], ...v.slice(0, 6)].join(' | ')} |`;
    });
    const record = parse(report([...header, ...table]));
    for (const r of APPLICATION_ROWS) expect(Object.values(record.applications[r]), r).toEqual(valuesOf(r));
    expect(record.checks.filter((c) => !c.ok)).toEqual([]);
  });

  it('zero printed as —, - or / is a cell with nothing to count, and says so', () => {
    const marks = ['—', '-', '/'];
    const record = parse(report([...HEADER, ...rows((v, c) => (v === 0 ? marks[c % 3]! : String(v)))]));
    for (const r of APPLICATION_ROWS) expect(Object.values(record.applications[r]), r).toEqual(valuesOf(r));
    expect(record.diagnostics).toContainEqual(expect.objectContaining({ code: 'zero_marks_inferred', section: 'applications' }));
  });

  it('rows pasted from a spreadsheet: tab-separated, blank for zero', () => {
    const header = ['\t自然人\t法人或其他组织\t\t\t\t\t总计', '\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t'];
    const table = APPLICATION_ROWS.map((r) => [LABELS[r], ...valuesOf(r).map((v) => (v === 0 ? '' : String(v)))].join('\t'));
    const record = parse(report([...header, ...table]));
    for (const r of APPLICATION_ROWS) expect(Object.values(record.applications[r]), r).toEqual(valuesOf(r));
  });

  it('a markdown header with merged cells repeated and 商业 / 企业 split over two lines', () => {
    const header = [
      '| 申请人情况 | 申请人情况 | 申请人情况 | 申请人情况 | 申请人情况 | 申请人情况 | 申请人情况 | 申请人情况 |',
      '| | 自然人 | 法人或其他组织 | 法人或其他组织 | 法人或其他组织 | 法人或其他组织 | 法人或其他组织 | 总计 |',
      '| | | 商业 | 科研 | 社会公益 | 法律服务 | 其他 | |',
      '| | | 企业 | 机构 | 组织 | 机构 | | |',
    ];
    const record = parse(report([...header, ...rows((v) => String(v))]));
    for (const r of APPLICATION_ROWS) expect(Object.values(record.applications[r]), r).toEqual(valuesOf(r));
  });

  it('a label wrapped onto a second row (a printed PDF centres a merged cell across both): one row, its figures', () => {
    // As the PDF extractor gives seed 004 printed from a portal page: the row's first line holds
    // the label and blank cells, the second the label's tail and the figures.
    const table = APPLICATION_ROWS.flatMap((r) =>
      r === 'other_no_correction'
        ? ['| 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息 | | | | | | | |', `| 公开申请 | ${valuesOf(r).join(' | ')} |`]
        : [`| ${LABELS[r]} | ${valuesOf(r).join(' | ')} |`],
    );
    const record = parse(report([...HEADER, ...table]));
    for (const r of APPLICATION_ROWS) expect(Object.values(record.applications[r]), r).toEqual(valuesOf(r));
    expect(record.checks.filter((c) => !c.ok)).toEqual([]);
  });

  it('blank cells that do not add up as 0 stay empty, and say so', () => {
    const values = (r: ApplicationRow) => (r === 'new' ? [5, 1, 0, 0, 0, 0, 9] : valuesOf(r));
    const record = parse(report([...HEADER, ...rows((v) => (v === 0 ? '' : String(v)), values)]));
    expect(record.applications.new).toEqual({ natural: 5, commercial: 1, research: null, social: null, legal: null, other: null, total: 9 });
    expect(record.diagnostics.some((d) => d.code === 'applications_blank_cells_left')).toBe(true);
  });
});

describe('headerColumns', () => {
  const split = (line: string) => line.split('|').slice(1, -1).map((c) => c.trim());
  it('names the seven columns of the template header', () => {
    expect(headerColumns(HEADER.map(split))).toEqual({ natural: 1, commercial: 2, research: 3, social: 4, legal: 5, other: 6, total: 7 });
  });
  it('knows no columns when the header was flattened (zeros dropped, cells run together: seed 003)', () => {
    expect(headerColumns([['自然人', '法人或其他组织', '总计', '', ''], ['商业 企业', '科研 机构', '社会公益组织', '法律服务机构', '其他']])).toBeNull();
  });
});
