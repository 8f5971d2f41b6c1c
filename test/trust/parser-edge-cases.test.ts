/**
 * Inputs that once broke the parser (found by the trust suite), one entry each, run by one loop:
 * `{description, notes, input, expected}`. Every entry must parse without throwing and give a
 * record that keeps the invariants of record-invariants.ts, within 5 s; `expected` pins what it must say.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/lib/parse/index.ts';
import type { ReportRecord } from '../../src/lib/schema.ts';
import { checkViolations, inventedNumbers, shapeViolations } from './record-invariants.ts';

const SEED = readFileSync('data/reports/000_fea7b730deba7205.txt', 'utf8');
const UP_TO_SECTION_4 = SEED.slice(0, SEED.indexOf('四、政府信息公开行政复议'));
const ones = (n: number, sep: string) => Array(n).fill('1').join(sep);

interface EdgeCase {
  description: string;
  notes: string;
  input: () => string;
  expected: (record: ReportRecord) => void;
}

const CASES: EdgeCase[] = [
  {
    description: '200,000 numbers one a line at the end of section 三',
    notes: 'trust suite, hostile sizes: RangeError (call stack) from stream.push(...values) in number-rows.ts',
    input: () => `${UP_TO_SECTION_4}\n${ones(200_000, '\n')}`,
    expected: (r) => expect(r.diagnostics.map((d) => d.code)).toContain('applications_row_count'),
  },
  {
    description: 'a pipe row of 200,000 numbers in section 二',
    notes: 'trust suite, hostile sizes: RangeError (call stack) from values.push(...e.values) in proactive.ts',
    input: () => SEED.replace('三、收到和处理', `| ${ones(200_000, ' | ')} |\n三、收到和处理`),
    expected: (r) => expect(r.diagnostics.find((d) => d.code === 'proactive_figure_count')?.values.found).toBeGreaterThanOrEqual(200_000),
  },
  {
    description: 'a row of 200,000 numbers in section 四',
    notes: 'trust suite, hostile sizes: the same spread in cases.ts',
    input: () => SEED.replace('四、政府信息公开行政复议、行政诉讼情况', `$&\n${ones(200_000, ' ')}\n`),
    expected: (r) => expect(r.diagnostics.find((d) => d.code === 'cases_too_many_figures')?.values.found).toBeGreaterThanOrEqual(200_000),
  },
  {
    description: '20,000 numbers one a line under one section 二 label',
    notes: 'trust suite fuzz (flood + renumber): 3 min to parse 150,000; readProactive copied the figure list per line (quadratic)',
    input: () => SEED.replace('三、收到和处理', `规章\n${ones(20_000, '\n')}\n三、收到和处理`),
    expected: (r) => expect(r.diagnostics.find((d) => d.code === 'proactive_figure_count')?.values.found).toBeGreaterThanOrEqual(20_000),
  },
  {
    description: '30,000 digits one a line in section 一, after 网站发布',
    notes: 'trust suite fuzz (flood in the prose): 12 s to parse; a prose pattern tried every split of the digit run the wrapped lines make',
    input: () => SEED.replace('一、总体情况', `一、总体情况\n网站发布信息\n${ones(30_000, '\n')}`),
    expected: (r) => expect(r.metrics).toEqual(parseReport(SEED, { file: 'seed.txt', sha256: '', format: 'txt' }).metrics),
  },
  {
    description: 'a keyword repeated 20,000 times on one line: 发布 in section 一, 未收取 in section 六',
    notes: 'trust suite, hostile text: 23 s and 28 s to parse; the prose patterns had unbounded lazy gaps after their keywords',
    input: () => `${SEED.replace('一、总体情况', `一、总体情况\n${'发布'.repeat(20_000)}`)}\n六、其他需要报告的事项\n${'未收取'.repeat(20_000)}`,
    expected: (r) => expect(r.metrics.website_posts).toBe(parseReport(SEED, { file: 'seed.txt', sha256: '', format: 'txt' }).metrics.website_posts),
  },
  {
    description: 'a hotline figure whose digits also end an earlier number (热线12345 … 345件)',
    notes: 'trust suite fuzz: metric_sources.raw was cut at the first place the figure’s text occurs in the match (“345共受理来电345件”)',
    input: () => SEED.replace('一、总体情况', '一、总体情况\n政务服务便民热线12345共受理来电345件。'),
    expected: (r) => {
      expect(r.metrics.hotline_tickets).toBe(345);
      expect(r.metric_sources.hotline_tickets?.raw).toBe('345件');
    },
  },
  {
    description: 'a garbled figure mixing numerals and digits (工单三千一百八十0份)',
    notes: 'trust suite fuzz (full-width digits + numerals): read as 0 tickets, a number the text does not give',
    input: () => SEED.replace('一、总体情况', '一、总体情况\n全年处理热线工单三千一百八十0份。'),
    expected: (r) => expect(r.metrics.hotline_tickets).toBe(parseReport(SEED, { file: 'seed.txt', sha256: '', format: 'txt' }).metrics.hotline_tickets),
  },
];

describe('inputs that once broke the parser', () => {
  for (const c of CASES) {
    it(`${c.description} (${c.notes})`, () => {
      const text = c.input();
      const started = performance.now();
      const record = parseReport(text, { file: 'edge.txt', sha256: '', format: 'txt' });
      expect(performance.now() - started, 'milliseconds to parse').toBeLessThan(5000);
      expect(shapeViolations(record)).toEqual([]);
      expect(inventedNumbers(record, text)).toEqual([]);
      expect(checkViolations(record)).toEqual([]);
      c.expected(record);
    });
  }
});
