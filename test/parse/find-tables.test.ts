/**
 * Tables found by what they say, not by their headings (issue 15): reports renumber their
 * sections, use `第三部分`, `（三）` or `3.`, caption a table `表三：…`, or put every table in an
 * appendix. Each case is a report written by hand in one of those shapes; the expectation is the
 * same table, read whole, with no figure moved from one template table into another.
 */
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/lib/parse/index.ts';
import { headingAt } from '../../src/lib/parse/sections.ts';
import { APPLICATION_ROWS, CASE_OUTCOMES, type ReportRecord } from '../../src/lib/schema.ts';
import { APPLICATIONS_TABLE, CASES, CASES_TABLE, OVERVIEW, PROACTIVE_TABLE, valuesOf } from '../support/template-text.ts';

const TITLE = ['某某市某某局', '2023年政府信息公开工作年度报告'];
const PROBLEMS = '存在的问题是公开的及时性有待提高。下一步将加强培训。';

const cases: { description: string; notes: string; text: string[] }[] = [
  {
    description: 'the template headings',
    notes: 'the control case',
    text: [
      ...TITLE, '一、总体情况', OVERVIEW, '二、主动公开政府信息情况', PROACTIVE_TABLE,
      '三、收到和处理政府信息公开申请情况', APPLICATIONS_TABLE, '四、政府信息公开行政复议、行政诉讼情况', CASES_TABLE,
      '五、存在的主要问题及改进情况', PROBLEMS, '六、其他需要报告的事项', '无。',
    ],
  },
  {
    description: 'renumbered sections with a section of its own between',
    notes: 'issue 15: 一、总体情况 二、工作机制保障 三、主动公开工作情况 四、政府信息公开申请情况 …',
    text: [
      ...TITLE, '一、总体情况', OVERVIEW, '二、工作机制保障', '成立了领导小组，明确专人负责。', '三、主动公开工作情况', PROACTIVE_TABLE,
      '四、政府信息公开申请情况', APPLICATIONS_TABLE, '五、政府信息公开行政复议、行政诉讼情况', CASES_TABLE,
      '六、存在的主要问题及改进情况', PROBLEMS, '七、其他需要报告的事项', '无。',
    ],
  },
  {
    description: '第X部分 headings',
    notes: 'issue 15',
    text: [
      ...TITLE, '第一部分 总体情况', OVERVIEW, '第二部分 主动公开政府信息情况', PROACTIVE_TABLE,
      '第三部分 收到和处理政府信息公开申请情况', APPLICATIONS_TABLE, '第四部分 政府信息公开行政复议、行政诉讼情况', CASES_TABLE,
      '第五部分 存在的主要问题及改进情况', PROBLEMS,
    ],
  },
  {
    description: '（三）-style section headings, and 3.-style',
    notes: 'issue 15',
    text: [
      ...TITLE, '（一）总体情况', OVERVIEW, '（二）主动公开政府信息情况', PROACTIVE_TABLE,
      '3.收到和处理政府信息公开申请情况', APPLICATIONS_TABLE, '4.政府信息公开行政复议、行政诉讼情况', CASES_TABLE,
      '5.存在的主要问题及改进情况', PROBLEMS,
    ],
  },
  {
    description: 'tables under captions, no section headings for them',
    notes: 'issue 15: 表三：收到和处理政府信息公开申请情况',
    text: [
      ...TITLE, '一、总体情况', OVERVIEW, '表一：主动公开政府信息情况', PROACTIVE_TABLE,
      '表二：收到和处理政府信息公开申请情况', APPLICATIONS_TABLE, '表三：政府信息公开行政复议、行政诉讼情况', CASES_TABLE,
      '二、存在的主要问题及改进情况', PROBLEMS,
    ],
  },
  {
    description: 'every table in an appendix after the prose',
    notes: 'issue 15: 附表1–附表3; the body sections hold prose only (详见附表)',
    text: [
      ...TITLE, '一、总体情况', OVERVIEW, '二、主动公开政府信息情况', '详见附表1。', '三、收到和处理政府信息公开申请情况', '详见附表2。',
      '四、政府信息公开行政复议、行政诉讼情况', '详见附表3。', '五、存在的主要问题及改进情况', PROBLEMS, '六、其他需要报告的事项', '无。',
      '附表1', PROACTIVE_TABLE, '附表2', APPLICATIONS_TABLE, '附表3', CASES_TABLE,
    ],
  },
  {
    description: 'prose wrapped in short lines naming the outcomes, just before the section 二 table',
    notes: 'a portal page printed to PDF (seed 004 in test/extract/printed-portal.test.ts): its prose lines name 予以公开, 部分公开, 不予公开 …',
    text: [
      ...TITLE, '一、总体情况', '2023年共收到政府信息公开申请6宗,答复办结7宗(含2022年结转的1宗),结', '转2024年继续办理的0宗。已答复办结的7宗申请中,予以公开的3宗,占42.9%;部分公开的1宗,占',
      '14.3%;不予公开的1宗,占14.3%;无法提供的1宗,占14.3%;其他处理的1宗,占14.3%。', '二、主动公开政府信息情况', PROACTIVE_TABLE,
      '三、收到和处理政府信息公开申请情况', APPLICATIONS_TABLE, '四、政府信息公开行政复议、行政诉讼情况', CASES_TABLE,
      '五、存在的主要问题及改进情况', PROBLEMS,
    ],
  },
  {
    description: 'no heading at all before section 四: its figures stay out of section 三',
    notes: 'a heading lost in a web copy',
    text: [
      ...TITLE, '一、总体情况', OVERVIEW, '二、主动公开政府信息情况', PROACTIVE_TABLE,
      '三、收到和处理政府信息公开申请情况', APPLICATIONS_TABLE, CASES_TABLE, '五、存在的主要问题及改进情况', PROBLEMS,
    ],
  },
];

const parse = (text: string) => parseReport(text, { file: 'test.txt', sha256: '', format: 'txt' });

function expectTables(record: ReportRecord) {
  expect(record.error).toBeNull();
  for (const row of APPLICATION_ROWS) expect(Object.values(record.applications[row]), row).toEqual(valuesOf(row));
  const cells = [record.review, record.litigation_direct, record.litigation_after_review].flatMap((g) => CASE_OUTCOMES.map((k) => g[k]));
  expect(cells).toEqual(CASES);
  expect(record.proactive.normative_documents).toEqual({ issued: 4, repealed: 1, in_force: 30 });
  expect(record.proactive.licensing).toEqual({ decisions: 25 });
  expect(record.checks.filter((c) => !c.ok)).toEqual([]);
}

describe('tables found by their content', () => {
  for (const c of cases) {
    it(`${c.description} (${c.notes})`, () => {
      const record = parse(c.text.join('\n'));
      expectTables(record);
      expect(record.diagnostics.filter((d) => d.code === 'section_not_found' && d.section !== 'overview')).toEqual([]);
    });
  }
});

describe('section headings', () => {
  const table: { input: string; expected: ReturnType<typeof headingAt> }[] = [
    { input: '三、收到和处理政府信息公开申请情况', expected: { key: 'applications', rank: 0 } },
    { input: '## 四、政府信息公开申请情况', expected: { key: 'applications', rank: 0 } },
    { input: '第三部分 收到和处理政府信息公开申请情况', expected: { key: 'applications', rank: 0 } },
    { input: '（三）收到和处理政府信息公开申请情况', expected: { key: 'applications', rank: 1 } },
    { input: '表三：收到和处理政府信息公开申请情况', expected: { key: 'applications', rank: 2 } },
    { input: '**五、政府信息公开行政复议、行政诉讼情况**', expected: { key: 'cases', rank: 0 } },
    { input: '三、主动公开工作情况', expected: { key: 'proactive', rank: 0 } },
    { input: '一、概述', expected: { key: 'overview', rank: 0 } },
    // Not headings: rows of the table, prose after a sub-heading, a table row of cells.
    { input: '三、本年度办理结果', expected: null },
    { input: '一、本年新收政府信息公开申请数量', expected: null },
    { input: '（二）依申请公开情况。全年收到政府信息公开申请6件。', expected: null },
    { input: '三、收到和处理政府信息公开申请情况 | 6 |', expected: null },
  ];
  for (const { input, expected } of table) {
    it(input, () => expect(headingAt(input)).toEqual(expected));
  }
});
