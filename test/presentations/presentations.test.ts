/**
 * The presentation suite: every seed (and corpus report, when ../shared/corpus is there) rendered
 * as publishers present it, read as the build reads it. No variant may be wrong in silence.
 * Browser-printed PDFs only where /usr/bin/chromium exists.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from './pdf-cache.ts';
import { pdftotextAvailable } from './pdf-text.ts';
import { pct, reportLines, totals, type VariantResult } from './runner.ts';
import { runSuite } from './suite.ts';

/**
 * Issue 15's goal: at least 99% of the suite's cells, with no silent error. Measured 2026-12-02
 * once the parser work landed: 99.70% (864 files, with the corpus and Chromium), 99.83% (784, no
 * Chromium), 99.73% (540, seeds only), 99.85% (490, seeds only, no Chromium); on the parser before
 * it, 79.55–81.45%. With the printed PDFs' pdftotext text added (2026-12-05): 99.23% (1,104 files),
 * 99.54% (690, seeds only).
 */
const ACCURACY_FLOOR_PCT = 99;

describe('presentation suite', () => {
  let results: VariantResult[] = [];

  beforeAll(async () => {
    results = await runSuite();
    for (const line of reportLines(results, 1)) console.log(line);
  }, 600_000); // printing the PDFs the first time (not yet in .cache/presentations) takes minutes

  it('reads every variant, the printed PDFs where Chromium is, and their pdftotext text where poppler-utils is', () => {
    expect(results.length).toBeGreaterThan(0);
    expect(results.some((r) => r.fileName.endsWith('.pdf'))).toBe(chromiumAvailable());
    expect(results.some((r) => r.family === 'pdf-text')).toBe(chromiumAvailable() && pdftotextAvailable());
  });

  it('makes no silent error: every wrong cell comes with a warning, a failed check or an error', () => {
    const silent = results.filter((r) => r.silent > 0).map((r) => `${r.name}: ${r.mismatches.slice(0, 3).join('; ')}`);
    expect(silent).toEqual([]);
  });

  it(`reads at least ${ACCURACY_FLOOR_PCT}% of the cells (goal: 99%)`, () => {
    const all = totals(results);
    expect(all.cells).toBeGreaterThan(0);
    expect(Number(pct(all))).toBeGreaterThanOrEqual(ACCURACY_FLOOR_PCT);
  });
});
