/**
 * The presentation suite: every seed (and corpus report, when ../shared/corpus is there) rendered
 * as publishers present it, read as the build reads it. No variant may be wrong in silence.
 * Browser-printed PDFs only where /usr/bin/chromium exists.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from './pdf-cache.ts';
import { pct, reportLines, totals, type VariantResult } from './runner.ts';
import { runSuite } from './suite.ts';

/**
 * Measured 2026-12-02 on branch `suite`: 81.45% (864 files, with the corpus and Chromium), 79.75%
 * (784, no Chromium), 81.27% (540, seeds only), 79.55% (490, seeds only, no Chromium). The parser
 * reads no script strings, no renumbered or 第X部分 sections, no appendix tables and no zeros
 * printed as —, - or /. A floor below the lowest, so a regression fails wherever the suite runs;
 * the parser's owner raises it to 99 (issue 15's goal) when those land.
 */
const ACCURACY_FLOOR_PCT = 79;

describe('presentation suite', () => {
  let results: VariantResult[] = [];

  beforeAll(async () => {
    results = await runSuite();
    for (const line of reportLines(results, 1)) console.log(line);
  }, 600_000); // printing the PDFs the first time (not yet in .cache/presentations) takes minutes

  it('reads every variant, the printed PDFs where Chromium is', () => {
    expect(results.length).toBeGreaterThan(0);
    expect(results.some((r) => r.fileName.endsWith('.pdf'))).toBe(chromiumAvailable());
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
