/**
 * Every two presentation styles at once (wrapped title with thousands separators, zeros as blanks
 * with 总计 first, …), in the text, page and Word layouts: however many cells are lost, none may be
 * wrong in silence. Not part of the headline figure (npm run accuracy), which stays one style at a time.
 */
import { describe, expect, it } from 'vitest';
import { runVariants, totals } from './runner.ts';
import { loadModels, readAsBuild } from './suite.ts';
import { pairSpecs, renderVariants } from './variants.ts';

describe('presentation styles in pairs', () => {
  it('make no silent error', { timeout: 300_000 }, async () => {
    const specs = pairSpecs(['web-copy', 'html-gbk', 'docx', 'text-aligned']);
    const variants = loadModels().flatMap((model) => renderVariants(model, specs).variants);
    const results = await runVariants(variants, readAsBuild);
    const all = totals(results);
    console.log(`pairs: ${all.files} files, ${((100 * all.matched) / all.cells).toFixed(2)}% of cells, ${all.silent} silent`);
    const silent = results.filter((r) => r.silent > 0).map((r) => `${r.name}: ${r.mismatches.slice(0, 3).join('; ')}`);
    expect(silent).toEqual([]);
    expect(all.files).toBe(variants.length);
  });
});
