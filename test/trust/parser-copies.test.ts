/**
 * A file holding more than one report (SPEC: nothing lost, nothing mixed): two different reports
 * pasted together are refused with both named; one report printed twice is read once, with a
 * warning; a table of contents before the report is skipped, with a warning; a single report is
 * never split.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyStarts } from '../../src/lib/parse/copies.ts';
import { normalizeText } from '../../src/lib/parse/normalize.ts';
import { parseReport } from '../../src/lib/parse/index.ts';
import type { ReportRecord } from '../../src/lib/schema.ts';

const read = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(dir, f), 'utf8')) : []);
const SEEDS = read('data/reports');
const ALL = [...SEEDS, ...read('../shared/corpus/text')];
const parse = (text: string) => parseReport(text, { file: 'x.txt', sha256: '', format: 'txt' });
const tables = (r: ReportRecord) => [r.applications, r.review, r.litigation_direct, r.litigation_after_review];
const [A, B] = [SEEDS[0]!, SEEDS[3]!];

describe('files holding more than one report', () => {
  it('a single report is one copy: every seed and corpus text', () => {
    for (const text of ALL) expect(copyStarts(normalizeText(text).split('\n'))).toEqual([0]);
  });

  it('two different reports pasted together: refused, both named, no figures kept', () => {
    const a = parse(A);
    const b = parse(B);
    const record = parse(`${A}\n${B}`);
    expect(record.error).toMatch(/^2 different reports in one file \(lines 1–\d+: .+; lines \d+–\d+: .+\); split them into one file each$/);
    expect(record.error).toContain(`${a.agency.name} ${a.year}`);
    expect(record.error).toContain(`${b.agency.name} ${b.year}`);
    expect(Object.values(record.applications).flatMap((row) => Object.values(row)).every((v) => v === null)).toBe(true);
  });

  it('any two different seeds pasted together are refused; any seed printed twice is read once', () => {
    SEEDS.forEach((first, i) => {
      expect(parse(`${first}\n${first}`).error, `seed ${i} twice`).toBeNull();
      SEEDS.forEach((second, j) => {
        if (i !== j) expect(parse(`${first}\n${second}`).error, `seeds ${i} + ${j}`).toMatch(/^2 different reports in one file/);
      });
    });
  });

  it('the same report printed twice: read once, with a diagnostic', () => {
    const once = parse(A);
    const twice = parse(`${A}\n\n${A}`);
    expect(twice.error).toBeNull();
    expect(tables(twice)).toEqual(tables(once));
    expect(twice.agency.name).toBe(once.agency.name);
    const last = twice.diagnostics.at(-1);
    expect(last).toMatchObject({ code: 'copies_same_tables', section: 'file', values: { count: 2, read: last?.values.ranges && (last.values.ranges as string[])[0] } });
    expect(last?.values.ranges).toEqual([expect.stringMatching(/^1–\d+$/), expect.stringMatching(/^\d+–\d+$/)]);
  });

  it('a table of contents before the report: skipped, with a diagnostic, and the report read whole', () => {
    const toc = ['目录', '一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项', ''].join('\n');
    const once = parse(A);
    const record = parse(`${toc}\n${A}`);
    expect(record.error).toBeNull();
    expect(tables(record)).toEqual(tables(once));
    expect(record.metrics).toEqual(once.metrics);
    expect(record.diagnostics.at(-1)).toMatchObject({ code: 'copies_fragments_ignored', values: { count: 2, ranges: [expect.stringMatching(/^1–\d+$/)] } });
  });

  it('a section 三 heading repeated inside the table is not a second report', () => {
    const lines = normalizeText(A).split('\n');
    const heading = lines.findIndex((l) => /三、收到和处理政府信息公开申请情况/.test(l));
    lines.splice(heading + 3, 0, lines[heading]!);
    expect(copyStarts(lines)).toEqual([0]);
  });
});
