/** Scoring a variant: matched cells, and wrong cells counted silent only when nothing tells the reader to doubt them. */
import { describe, expect, it } from 'vitest';
import { emptyRecord, type ReportRecord } from '../../src/lib/schema.ts';
import { reportLines, scoreVariant, totals, type ReadOutcome } from './runner.ts';
import type { Variant } from './variants.ts';

const variant: Variant = {
  name: 'seed-x/web-copy',
  family: 'layout',
  fileName: 'seed-x--web-copy.txt',
  bytes: new Uint8Array(),
  truth: {
    agency: '某某局',
    year: 2023,
    cells: { 'applications.new.natural': 5, 'applications.new.total': 5, 'review.upheld': { oneOf: [0, null] } },
  },
};

function record(edit: (r: ReportRecord) => void): ReportRecord {
  const r = emptyRecord('x', { file: 'x', sha256: '', format: 'txt' });
  r.agency.name = '某某局';
  r.year = 2023;
  r.applications.new.natural = 5;
  r.applications.new.total = 5;
  edit(r);
  return r;
}

const read = (r: ReportRecord | null, warnings: string[] = [], error: string | null = null): ReadOutcome => ({ record: r, warnings, error });

describe('scoreVariant', () => {
  it('counts agency, year and every truth cell; a blank-zero cell may be null', () => {
    const result = scoreVariant(variant, read(record(() => {})));
    expect(result).toMatchObject({ cells: 5, matched: 5, silent: 0, flagged: false, mismatches: [] });
  });

  it('counts a wrong cell in a record with no warning and no failed check as silent', () => {
    const result = scoreVariant(variant, read(record((r) => (r.applications.new.total = 50))));
    expect(result).toMatchObject({ cells: 5, matched: 4, silent: 1, flagged: false });
    expect(result.mismatches).toEqual(['applications.new.total: expected 5, got 50']);
  });

  it('does not count it silent when a warning, a failed check or an error goes with it', () => {
    const wrong = (r: ReportRecord) => (r.applications.new.total = 50);
    expect(scoreVariant(variant, read(record(wrong), ['applications_total_only'])).silent).toBe(0);
    const failed = record((r) => {
      wrong(r);
      r.checks.push({ rule: 'applications_balance', ok: false, section: 'applications', column: 'total', values: {} });
    });
    expect(scoreVariant(variant, read(failed)).silent).toBe(0);
    const unreadable = scoreVariant(variant, read(null, [], 'unreadable: bad zip'));
    expect(unreadable).toMatchObject({ matched: 1, silent: 0, flagged: true });
    expect(unreadable.mismatches[0]).toBe('unreadable: unreadable: bad zip');
  });

  it('reads a wrong agency or year as a wrong cell', () => {
    const result = scoreVariant(variant, read(record((r) => ((r.agency.name = '某某市'), (r.year = 2024)))));
    expect(result.mismatches).toEqual(['agency: expected 某某局, got 某某市', 'year: expected 2023, got 2024']);
    expect(result.silent).toBe(2);
  });
});

describe('reportLines', () => {
  it('prints the figure, the file count, silent errors, per-presentation lines and failing variants', () => {
    const ok = scoreVariant(variant, read(record(() => {})));
    const bad = scoreVariant({ ...variant, name: 'seed-y/web-copy' }, read(record((r) => (r.applications.new.total = 50))));
    expect(totals([ok, bad])).toEqual({ files: 2, cells: 10, matched: 9, silent: 1 });
    expect(reportLines([ok, bad])).toEqual([
      'variant_cell_accuracy_pct: 90.00',
      'variant_files: 2',
      'variant_silent_errors: 1',
      'variant_family layout: 90.00% (9/10), 2 files, 1 silent',
      '  web-copy: 9/10 (90.00%), 2 files, 1 silent',
      'variant seed-y/web-copy (seed-x--web-copy.txt): 4/5, 1 SILENT, no warning',
      '  applications.new.total: expected 5, got 50',
    ]);
  });
});
