/**
 * The corpus texts in ../shared/corpus/text (PDFs converted by pdftotext in three modes) against
 * the hand-read truth in ../shared/corpus/truth. Skipped when the corpus is absent; never copied
 * into the project.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellAccuracy, type Truth } from '../../src/lib/accuracy.ts';
import { parseReport } from '../../src/lib/parse/index.ts';

const TEXT = '../shared/corpus/text';
const TRUTH = '../shared/corpus/truth';
const present = existsSync(TEXT) && existsSync(TRUTH);

describe.skipIf(!present)('corpus texts against hand-read truth', () => {
  const files = present ? readdirSync(TEXT).filter((f) => f.endsWith('.txt')).sort() : [];
  const results = files.map((file) => {
    const truth = JSON.parse(readFileSync(join(TRUTH, file.replace(/\.pdftotext.*$/, '.json')), 'utf8')) as Truth;
    const record = parseReport(readFileSync(join(TEXT, file), 'utf8'), { file, sha256: '', format: 'txt' });
    return { file, truth, record, accuracy: cellAccuracy(record, truth) };
  });

  it('reaches at least 98% of the truth cells', () => {
    const cells = results.reduce((n, r) => n + r.accuracy.cells, 0);
    const matched = results.reduce((n, r) => n + r.accuracy.matched, 0);
    for (const r of results) console.log(`${r.file}: ${r.accuracy.matched}/${r.accuracy.cells}`, r.accuracy.mismatches);
    console.log(`corpus text cell accuracy: ${matched}/${cells} = ${((100 * matched) / cells).toFixed(2)}%`);
    expect(files.length).toBeGreaterThanOrEqual(5);
    expect(matched / cells).toBeGreaterThanOrEqual(0.98);
  });

  it('no silent error: a report with a wrong cell carries a diagnostic or a failed check', () => {
    for (const r of results) {
      if (r.accuracy.mismatches.length === 0) continue;
      const flagged = r.record.diagnostics.length > 0 || r.record.checks.some((c) => !c.ok);
      expect(flagged, `${r.file}: ${r.accuracy.mismatches.join('; ')}`).toBe(true);
    }
  });

  it('reads agency and year from every text', () => {
    for (const r of results) {
      expect(r.record.agency.name, r.file).toMatch(/人民政府$/);
      expect(r.record.year, r.file).toBe(r.truth.year);
    }
  });

  it('flags the inconsistencies the truth notes: hongze 2023 section 四 totals, hongze 2024 prose 17 vs table 95', () => {
    const failed = (name: string) => results.filter((r) => r.file.startsWith(name)).flatMap((r) => r.record.checks.filter((c) => !c.ok).map((c) => `${c.rule} ${c.row ?? c.column}`));
    expect(failed('huaian-hongze-district-2023')).toContain('cases_group_sum review');
    expect(failed('huaian-hongze-district-2024')).toContain('prose_restates_table new');
    expect(failed('huaian-city-2024')).toEqual([]);
  });
});
