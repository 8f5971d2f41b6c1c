import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileTask } from '../../scripts/lib/process-file.ts';
import { parseFiles, type Processed } from '../../scripts/lib/worker-pool.ts';

const SEEDS = readdirSync('data/reports').filter((f) => f.endsWith('.txt')).sort();

/** The seeds, each twice, with a file that is not there between them. */
function tasks(): FileTask[] {
  const seeds = [...SEEDS, ...SEEDS].map((f, i) => ({ abs: resolve('data/reports', f), file: `data/reports/${f}`, id: `${f.replace('.txt', '')}-${i}` }));
  const gone = { abs: resolve('data/reports', 'no-such-report.txt'), file: 'data/reports/no-such-report.txt', id: 'gone' };
  return [...seeds.slice(0, 3), gone, ...seeds.slice(3)];
}

/** Results come in batches, from whichever worker is done first: in the order of the tasks here. */
async function run(workers: number): Promise<{ used: number; results: Processed[] }> {
  const results = new Map<string, Processed>();
  const keyOf = (r: Processed) => `${r.outcome.file} ${r.outcome.status === 'parsed' ? r.outcome.summary.id : ''}`;
  const onResult = (r: Processed) => results.set(keyOf(r), r);
  const used = await parseFiles(tasks(), { workers, minTasksForWorkers: 0, overrides: [], onResult, warn: (m) => expect.fail(m) });
  return { used, results: tasks().map((t) => results.get(`${t.file} ${t.id === 'gone' ? '' : t.id}`) as Processed) };
}

describe('parsing files on worker threads', () => {
  it('gives every file its result, the same on worker threads as on the main thread; a file that cannot be read is unusable', async () => {
    const inline = await run(0);
    const threaded = await run(2);
    expect(inline.used).toBe(0);
    expect(threaded.used).toBe(2);
    expect(threaded.results.map((r) => r?.outcome.file)).toEqual(tasks().map((t) => t.file));
    expect(threaded.results).toEqual(inline.results);
    const gone = threaded.results[3]?.outcome;
    expect(gone?.status === 'unusable' && gone.reason).toBe('unreadable');
    expect(gone?.status === 'unusable' && gone.detail).toMatch(/^could not read: ENOENT/);
    expect(threaded.results.filter((r) => r.outcome.status === 'parsed')).toHaveLength(2 * SEEDS.length);
  }, 60_000);
});
