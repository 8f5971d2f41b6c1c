/**
 * Golden records: every report in data/reports/ parsed and compared in full with
 * test/golden/<id>.json. Goldens are reviewed number by number against the report before they
 * are committed. A missing golden is written locally but never in CI; a mismatch writes
 * <id>-changed.json beside it for review.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/lib/parse/index.ts';

const REPORTS = 'data/reports';
const GOLDEN = 'test/golden';
const reports = readdirSync(REPORTS).filter((f) => f.endsWith('.txt')).sort();

describe('golden records of data/reports', () => {
  it('has a report to check', () => expect(reports.length).toBeGreaterThanOrEqual(5));

  for (const file of reports) {
    it(file, () => {
      const bytes = readFileSync(join(REPORTS, file));
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const record = parseReport(bytes.toString('utf8'), { file: `${REPORTS}/${file}`, sha256, format: 'txt' });
      const goldenPath = join(GOLDEN, file.replace(/\.txt$/, '.json'));
      const actual = JSON.stringify(record, null, 2) + '\n';
      if (!existsSync(goldenPath)) {
        if (process.env.CI) throw new Error(`no golden for ${file}: run the tests locally, review ${goldenPath} number by number, commit it`);
        writeFileSync(goldenPath, actual);
        return;
      }
      const expected = readFileSync(goldenPath, 'utf8');
      if (actual !== expected) writeFileSync(goldenPath.replace(/\.json$/, '-changed.json'), actual);
      expect(JSON.parse(actual)).toEqual(JSON.parse(expected));
    });
  }
});
