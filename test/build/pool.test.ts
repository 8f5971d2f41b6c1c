/** The worker pool: a worker that dies mid-run costs time, never a batch. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Pool } from '../../scripts/lib/pool.ts';
import type { Batch, BatchResult } from '../../scripts/lib/stages.ts';

const dir = mkdtempSync(join(tmpdir(), 'pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the worker pool', () => {
  it('runs on the main thread the batches a worker had when it died, and each batch once', async () => {
    process.env.POOL_TEST_FAIL_AT = '3';
    const warnings: string[] = [];
    const setup = { cacheRoot: null, linesRoot: dir, outDir: dir, fingerprints: { extract: 'e', parse: 'p', resolve: 'r' }, joins: { overrides: [], sources: { byFile: new Map(), byId: new Map() } }, joinsKey: 'k' };
    const pool = new Pool(setup, { workers: 2, minTasksForWorkers: 0, warn: (m) => warnings.push(m), worker: new URL('./failing-worker.mjs', import.meta.url) });
    // Empty write batches: the stand-in worker answers with the batch's position, the main thread [] (nothing to write).
    const batches: Batch[] = Array.from({ length: 12 }, () => ({ kind: 'write', jobs: [] }));
    const ran = new Map<Batch, string[]>();
    try {
      await pool.run(batches, 12, (batch: Batch, result: BatchResult) => {
        if (result.kind !== 'write') return;
        const where = result.written.length === 0 ? 'main' : String(result.written[0]) === String(batches.indexOf(batch)) ? 'worker' : 'worker, another batch\'s answer';
        ran.set(batch, [...(ran.get(batch) ?? []), where]);
      });
    } finally {
      await pool.close();
      delete process.env.POOL_TEST_FAIL_AT;
    }
    expect(pool.workers).toBe(2);
    // Every batch ran exactly once, though answers came out of order. Each worker answered at most two before it died on its third (an answer
    // posted just before may be lost with the worker: that batch then runs here too), and the rest ran here.
    expect(batches.map((b) => ran.get(b)?.length)).toEqual(batches.map(() => 1));
    expect([...ran.values()].flat().filter((where) => where !== 'worker' && where !== 'main')).toEqual([]);
    const onWorkers = [...ran.values()].flat().filter((where) => where === 'worker').length;
    expect(onWorkers).toBeGreaterThan(0);
    expect(onWorkers).toBeLessThanOrEqual(4);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/a worker failed \(batch 3 failed\); its files run on the main thread/);
  });
});
