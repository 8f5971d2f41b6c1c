/** Building on worker threads gives the bytes the main thread gives, also when extraction awaits (PDFs). */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildData } from '../../scripts/lib/build.ts';
import { fsWriter, silentLogger } from '../../scripts/lib/effects.ts';
import { makePdf } from '../extract/fixtures/make-pdf.ts';
import { snapshot } from '../support/snapshot.ts';

const root = mkdtempSync(join(tmpdir(), 'build-workers-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('builds on worker threads', () => {
  it('publish what a build on the main thread does, from a folder of PDFs and text reports', async () => {
    const reports = join(root, 'reports');
    mkdirSync(reports);
    for (const f of readdirSync('data/reports').filter((f) => f.endsWith('.txt'))) {
      copyFileSync(join('data/reports', f), join(reports, f));
    }
    // PDFs, which the extractor reads with pdf.js, which awaits; some long, most of one page, so that a batch
    // given to a worker after another could finish first if the worker ran them at once.
    for (let i = 0; i < 24; i++) {
      const lines = [`某某县第${i}局2023年政府信息公开工作年度报告`, '一、总体情况', `本年度收到政府信息公开申请${i}件。`];
      const page = { texts: lines.map((text, k) => ({ x: 72, y: 760 - 24 * k, text, font: 'cjk' as const, size: 12 })) };
      writeFileSync(join(reports, `pdf-${String(i).padStart(2, '0')}.pdf`), makePdf(Array.from({ length: i % 3 === 0 ? 60 : 1 }, () => page)));
    }
    const build = (out: string, workers: number) =>
      buildData({ reportsDir: reports, outDir: join(root, out), agenciesFile: null, cacheRoot: null, workers, minTasksForWorkers: 0 }, { logger: silentLogger, writer: fsWriter(join(root, out)) });
    const onWorkers = await build('out-workers', 2);
    expect(onWorkers.workersUsed).toBe(2);
    await build('out-main', 0);
    expect(snapshot(join(root, 'out-workers'))).toEqual(snapshot(join(root, 'out-main')));
    expect(onWorkers.report.totals.files).toBe(29);
  }, 120_000);
});
