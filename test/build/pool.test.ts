/** The worker pool: a worker that dies mid-run costs time, never a batch. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Pool } from '../../scripts/lib/pool.ts';
import type { Batch, BatchResult } from '../../scripts/lib/stages.ts';

const dir = mkdtempSync(join(tmpdir(), 'pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** What the stand-in workers are started with (they read none of it). */
const setup = { cacheRoot: null, outDir: dir, fingerprints: { extract: 'e', parse: 'p', resolve: 'r' }, joins: { overrides: [], sources: { byFile: new Map(), byId: new Map() } }, joinsKey: 'k' };

describe('the worker pool', () => {
  it('runs on the main thread a batch that failed on a worker, or whose worker died, and each batch once', async () => {
    process.env.POOL_TEST_THROW_AT = '3';
    process.env.POOL_TEST_DIE_AT = '8';
    const warnings: string[] = [];
    const pool = new Pool(setup, { workers: 2, minTasksForWorkers: 0, warn: (m) => warnings.push(m), worker: new URL('./failing-worker.mjs', import.meta.url) });
    // Empty write batches, each with its position: the stand-in worker answers with it, the main thread [] (nothing to write).
    const batches = Array.from({ length: 12 }, (_, position) => ({ kind: 'write', jobs: [], position }) as Batch);
    const ran = new Map<Batch, string[]>();
    try {
      await pool.run(batches, 12, (batch: Batch, result: BatchResult) => {
        if (result.kind !== 'write') return;
        const where = result.written.length === 0 ? 'main' : String(result.written[0]) === String(batches.indexOf(batch)) ? 'worker' : "worker, another batch's answer";
        ran.set(batch, [...(ran.get(batch) ?? []), where]);
      });
    } finally {
      await pool.close();
      delete process.env.POOL_TEST_THROW_AT;
      delete process.env.POOL_TEST_DIE_AT;
    }
    expect(pool.workers).toBe(2);
    // Every batch ran exactly once, though answers came out of order, and each answer went to its own batch.
    expect(batches.map((b) => ran.get(b)?.length)).toEqual(batches.map(() => 1));
    expect([...ran.values()].flat().filter((where) => where !== 'worker' && where !== 'main')).toEqual([]);
    // The batch that threw and the one whose worker died ran here (with any other the dead worker had), the rest on workers.
    expect(ran.get(batches[3]!)).toEqual(['main']);
    expect(ran.get(batches[8]!)).toEqual(['main']);
    const onMain = batches.filter((b) => ran.get(b)?.[0] === 'main').length;
    expect(onMain).toBeLessThanOrEqual(3);
    expect(warnings.length).toBe(onMain);
    expect(warnings).toContain('a batch failed on a worker (batch 3 failed); its files run on the main thread');
  });

  it('runs every batch on the main thread when no worker can start, and does not wait for one', async () => {
    const warnings: string[] = [];
    const pool = new Pool(setup, { workers: 2, minTasksForWorkers: 0, warn: (m) => warnings.push(m), worker: new URL('./broken-worker.mjs', import.meta.url) });
    const batches = Array.from({ length: 6 }, (): Batch => ({ kind: 'write', jobs: [] }));
    const ran: string[] = [];
    try {
      await pool.run(batches, 6, (_batch: Batch, result: BatchResult) => ran.push(result.kind === 'write' && result.written.length === 0 ? 'main' : 'worker'));
    } finally {
      await pool.close();
    }
    expect(ran).toEqual(batches.map(() => 'main'));
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings[0]).toMatch(/this worker cannot start/);
  }, 20_000);

  it('closes cleanly at any moment while its workers fail to start', async () => {
    // A worker that fails as it is stopped must not take the build down (tinypool's destroy threw
    // an uncaught TypeError then, in about one close in ten made ~50 ms after the start).
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    try {
      for (let delay = 20; delay <= 100; delay += 4) {
        const pool = new Pool(setup, { workers: 2, minTasksForWorkers: 0, warn: () => {}, worker: new URL('./broken-worker.mjs', import.meta.url) });
        const batches = Array.from({ length: 4 }, (): Batch => ({ kind: 'write', jobs: [] }));
        const running = pool.run(batches, 4, () => {}).catch(() => {});
        await new Promise((resolve) => setTimeout(resolve, delay));
        await pool.close();
        await running;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      process.off('uncaughtException', onUncaught);
    }
    expect(uncaught.map(String)).toEqual([]);
  }, 30_000);
});
