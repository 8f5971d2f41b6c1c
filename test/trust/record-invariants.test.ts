/**
 * The fuzz properties can fail: each invariant flags a record tampered the way a parser bug
 * would tamper it (an invented cell, a silent 0, a false ok, a dropped row, a prose figure read
 * wrong), starting from a real report's record.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseReport } from '../../src/lib/parse/index.ts';
import type { ReportRecord } from '../../src/lib/schema.ts';
import { checkKey, checkViolations, inventedNumbers, numberTokens, shapeViolations } from './record-invariants.ts';
import { diagnostic, type CheckRule } from '../../src/lib/diagnostics.ts';

const TEXT = readFileSync('data/reports/001_728a91f025a299f0.txt', 'utf8');
let record: ReportRecord;
beforeEach(() => {
  record = parseReport(TEXT, { file: 'x.txt', sha256: '', format: 'txt' });
});

describe('record invariants', () => {
  it('hold on the real report', () => {
    expect(record.checks.length).toBeGreaterThan(10);
    expect(Object.keys(record.metrics).length).toBeGreaterThan(0);
    expect([...shapeViolations(record), ...inventedNumbers(record, TEXT), ...checkViolations(record)]).toEqual([]);
  });

  it('read number tokens with grouping, decimals, signs and full-width digits', () => {
    const tokens = numberTokens('访问量1,433次，金额８８６２.０２万元，减少-3项');
    for (const v of [1433, 1, 433, 8862.02, -3, 3]) expect(tokens.has(v), String(v)).toBe(true);
    expect(tokens.has(-1433)).toBe(false);
  });

  it('flag a number not in the text', () => {
    record.applications.granted.legal = 987_654;
    expect(inventedNumbers(record, TEXT)).toEqual(['applications.granted.legal = 987654 is not printed in the text']);
  });

  it('flag a 0 the text never prints unless a diagnostic says it was inferred', () => {
    const noZero = TEXT.replace(/\b0\b/g, '7');
    record.review.upheld = 0;
    expect(inventedNumbers(record, noZero).some((v) => v.startsWith('review.upheld = 0'))).toBe(true);
    record.diagnostics.push(diagnostic('cases_zeros_inferred', 'cases', { printed: 3 }));
    expect(inventedNumbers(record, noZero).some((v) => v.startsWith('review.upheld'))).toBe(false);
  });

  it('flag a prose metric whose value is not its printed figure, or whose figure is not in the text', () => {
    const [key] = Object.keys(record.metrics) as (keyof ReportRecord['metrics'])[];
    record.metrics[key!] = (record.metrics[key!] ?? 0) * 10 + 1;
    expect(inventedNumbers(record, TEXT).some((v) => v.startsWith(`metrics.${key}`))).toBe(true);
    record.metric_sources[key!] = { sentence: '', raw: '4242万次', approximate: false };
    expect(inventedNumbers(record, TEXT).some((v) => v.includes('“4242万次” is not in the text'))).toBe(true);
  });

  it('flag a check listed as ok that does not hold, and a broken identity left unreported', () => {
    record.applications.new.total = (record.applications.new.total ?? 0) + 1;
    const rule = 'applications_balance::total';
    const check = record.checks.find((c) => checkKey(c) === rule);
    expect(check?.ok).toBe(true);
    expect(checkViolations(record)).toContain(`check “${rule}” says ok but does not hold (${JSON.stringify(check?.values)})`);
    record.checks = record.checks.filter((c) => checkKey(c) !== rule);
    expect(checkViolations(record)).toContain(`identity broken but not reported as failed: ${rule}`);
  });

  it('flag a rule it cannot recompute, so new rules get a test', () => {
    record.checks.push({ rule: 'something new' as CheckRule, ok: true, section: 'applications', values: {} });
    expect(checkViolations(record)).toContain('check “something new” is a rule this test does not know: add it to recompute()');
  });

  it('flag a record missing a row, a cell that is not number|null, or NaN', () => {
    delete (record.applications as Partial<ReportRecord['applications']>).carried_forward;
    (record.review as Record<string, unknown>).total = '3';
    record.litigation_direct.upheld = Number.NaN;
    const found = shapeViolations(record).join('\n');
    expect(found).toMatch(/applications has rows/);
    expect(found).toMatch(/review.total is 3/);
    expect(found).toMatch(/litigation_direct.upheld is NaN/);
  });
});
