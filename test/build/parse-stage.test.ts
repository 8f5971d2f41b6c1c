/**
 * The parse stage's results are plain JSON: the build uses a shard's results as made, and a later
 * build uses them as read back from the shard's parse entry, so the two must be the same value
 * (no undefined, NaN, Infinity or -0, which JSON would change).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateReports, loadSeeds } from '../../bench/generate.ts';
import { parseStage } from '../../scripts/lib/parse-stage.ts';
import { readReportFile } from '../../scripts/lib/read-report-file.ts';

const CORPUS_TEXT = '../shared/corpus/text';

function inputs(dir: string): { name: string; bytes: Uint8Array }[] {
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ name: f, bytes: readFileSync(join(dir, f)) }));
}

describe('the parse stage', () => {
  it('gives results that read back from JSON as the same value: seeds, synthetic reports, corpus texts and files that are no report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parse-stage-'));
    try {
      generateReports(loadSeeds('data/reports'), dir, 40, 5);
      const all = [
        ...inputs('data/reports'),
        ...inputs(dir),
        ...(existsSync(CORPUS_TEXT) ? inputs(CORPUS_TEXT) : []),
        { name: 'minutes.txt', bytes: new TextEncoder().encode('会议纪要\n一、会议听取了汇报。\n') },
        { name: 'empty.txt', bytes: new Uint8Array() },
      ];
      for (const { name, bytes } of all) {
        const result = parseStage(await readReportFile(bytes, name));
        expect(JSON.parse(JSON.stringify(result)), name).toStrictEqual(result);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
