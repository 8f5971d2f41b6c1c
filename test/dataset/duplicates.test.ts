import { describe, expect, it } from 'vitest';
import { pickDuplicates, type DuplicateCandidate } from '../../src/lib/dataset/duplicates.ts';

const c = (file: string, over: Partial<DuplicateCandidate> = {}): DuplicateCandidate => ({
  file, agency: '淮安市人民政府', year: 2023, checksFailed: 0, diagnostics: 0, cellsRead: 190, ...over,
});

describe('pickDuplicates', () => {
  it('keeps the copy with fewer failed checks, then fewer diagnostics, then more cells, then the first file name', () => {
    expect(pickDuplicates([c('a', { checksFailed: 1 }), c('b')]).map((d) => [d.file, d.kept])).toEqual([['a', 'b']]);
    expect(pickDuplicates([c('a', { diagnostics: 2 }), c('b', { diagnostics: 1 })]).map((d) => d.file)).toEqual(['a']);
    expect(pickDuplicates([c('a', { cellsRead: 100 }), c('b')]).map((d) => d.file)).toEqual(['a']);
    expect(pickDuplicates([c('b'), c('a')]).map((d) => [d.file, d.kept])).toEqual([['b', 'a']]);
  });

  it('groups by agency and year only, and never groups a report with no name or no year', () => {
    expect(pickDuplicates([c('a'), c('b', { year: 2022 }), c('c', { agency: '洪泽区人民政府' })])).toEqual([]);
    expect(pickDuplicates([c('a', { agency: null }), c('b', { agency: null }), c('c', { year: null }), c('d', { year: null })])).toEqual([]);
  });

  it('says why in the reason', () => {
    expect(pickDuplicates([c('x.txt'), c('y.txt')])[0]?.reason).toMatch(/duplicate: 淮安市人民政府 2023 also in x\.txt/);
  });
});
