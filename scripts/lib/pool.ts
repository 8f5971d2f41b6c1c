/**
 * Runs files through the stages (stages.ts) on worker threads, one per core, in batches of whole
 * shards (stages.ts runShard); on the
 * main thread when there are few files, no worker starts, or a worker dies (its batches are run
 * here). Bundled (scripts/run-bundled.mjs) a worker is the bundle's stage-worker.mjs; run as
 * TypeScript (tests, tsx) ts-worker.mjs loads stage-worker.ts through tsx.
 */
import { Worker } from 'node:worker_threads';
import { addCounts, type CacheCounts } from './cache.ts';
import { RUNS_BUNDLED } from './runs-bundled.ts';
import { contextOf, runShard, takeCounts, type FileResult, type FileTask, type WorkerSetup } from './stages.ts';

export interface PoolOptions {
  workers: number;
  /** Fewer files than this run on the main thread (a worker costs about as much to start as ~1,000 parses). */
  minTasksForWorkers: number;
  warn: (message: string) => void;
}

const BATCH = 32;
const WORKER_HEAP_MB = 512;

/** Every shard's files' results (any order) through `onResult`; returns the workers used (0: main thread) and the cache counts. */
export async function runFiles(shards: readonly FileTask[][], setup: WorkerSetup, options: PoolOptions, onResult: (r: FileResult) => void): Promise<{ workers: number; counts: CacheCounts }> {
  const counts: CacheCounts = {};
  const tasks = shards.reduce((n, s) => n + s.length, 0);
  const batches: FileTask[][][] = [];
  const size = Math.max(1, Math.min(BATCH, Math.ceil(tasks / (Math.max(1, options.workers) * 4))));
  for (let i = 0, filled = size; i < shards.length; i++) {
    if (filled >= size) batches.push([]), (filled = 0);
    (batches.at(-1) as FileTask[][]).push(shards[i] as FileTask[]);
    filled += (shards[i] as FileTask[]).length;
  }
  let context: ReturnType<typeof contextOf> | null = null;
  const here = async (batch: readonly FileTask[][]) => {
    context ??= contextOf(setup);
    for (const shard of batch) for (const r of await runShard(shard, context)) onResult(r);
    addCounts(counts, takeCounts(context));
  };
  const wanted = tasks < options.minTasksForWorkers ? 0 : Math.min(options.workers, batches.length);
  let next = 0;
  let used = 0;
  const runOn = () =>
    new Promise<void>((done) => {
      const url = new URL(RUNS_BUNDLED ? './stage-worker.mjs' : './ts-worker.mjs', import.meta.url);
      const worker = new Worker(url, { workerData: { entry: new URL('./stage-worker.ts', import.meta.url).href, setup }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
      let current: FileTask[][] | null = null;
      let started = false;
      const send = () => {
        current = next < batches.length ? (batches[next++] as FileTask[][]) : null;
        if (current) worker.postMessage(current);
        else void worker.terminate().then(() => done());
      };
      worker.on('message', (m: 'ready' | { results: FileResult[]; counts: CacheCounts }) => {
        if (m === 'ready') {
          started = true;
          used++;
        } else {
          for (const r of m.results) onResult(r);
          addCounts(counts, m.counts);
        }
        send();
      });
      worker.once('error', async (cause) => {
        worker.removeAllListeners('message');
        options.warn(`a worker ${started ? 'failed' : 'did not start'} (${cause instanceof Error ? cause.message : String(cause)}); its files run on the main thread`);
        if (current) await here(current);
        done();
      });
    });
  await Promise.all(Array.from({ length: wanted }, runOn));
  while (next < batches.length) await here(batches[next++] as FileTask[][]);
  return { workers: used, counts };
}
