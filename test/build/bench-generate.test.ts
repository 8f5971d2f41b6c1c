import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateReports, loadSeeds } from '../../bench/generate.ts';
import { parseReport } from '../../src/lib/parse/index.ts';

describe("the bench's synthetic reports", () => {
  it('pass every check of their own, as the generator means them to (tables and the prose restating them)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-generate-'));
    try {
      const paths = generateReports(loadSeeds('data/reports'), dir, 2000, 3);
      const failed = paths.flatMap((path) => {
        const record = parseReport(readFileSync(path, 'utf8'), { file: path, sha256: '', format: 'txt' });
        expect(record.checks.length, path).toBeGreaterThan(10);
        return record.checks.filter((c) => !c.ok).map((c) => `${path}: ${JSON.stringify(c)}`);
      });
      expect(failed).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
