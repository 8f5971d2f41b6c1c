/**
 * Runs batches (stages.ts runBatch: shards through the stages, then shard files to write) on
 * worker threads (piscina), one per core; on the main thread when there are few files, or when a
 * batch fails on a worker (it runs again here, and the build says so). Bundled
 * (scripts/run-bundled.mjs) a worker runs the bundle's stage-worker.mjs; run as TypeScript (tests,
 * tsx) ts-worker.mjs loads stage-worker.ts through tsx.
 */
import { Piscina } from 'piscina';
import { addCounts, type CacheCounts } from './cache.ts';
import { RUNS_BUNDLED } from './runs-bundled.ts';
import { messageOf } from './input-error.ts';
import { batchRunner, contextOf, type Batch, type BatchAnswer, type BatchResult, type FileTask, type StageContext, type WorkerSetup } from './stages.ts';

export interface PoolOptions {
  workers: number;
  /** Fewer files than this run on the main thread (a worker costs about as much to start as ~1,000 parses). */
  minTasksForWorkers: number;
  warn: (message: string) => void;
  /** The worker module (default: the stage worker; tests give others). */
  worker?: URL;
}

const BATCH = 256;
const WORKER_HEAP_MB = 512;

/** Shards in stage batches of about BATCH files, so that each worker gets several. */
export function stageBatches(shards: readonly FileTask[][], workers: number): Batch[] {
  const tasks = shards.reduce((n, s) => n + s.length, 0);
  const size = Math.max(1, Math.min(BATCH, Math.ceil(tasks / (Math.max(1, workers) * 4))));
  const batches: FileTask[][][] = [];
  for (let i = 0, filled = size; i < shards.length; i++) {
    if (filled >= size) batches.push([]), (filled = 0);
    (batches.at(-1) as FileTask[][]).push(shards[i] as FileTask[]);
    filled += (shards[i] as FileTask[]).length;
  }
  return batches.map((shards) => ({ kind: 'stage', shards }));
}

export class Pool {
  /** The cache counts of every batch run so far. */
  readonly counts: CacheCounts = {};
  /** Worker threads started (0: all on the main thread). */
  workers = 0;
  private threads: Piscina | null = null;
  private started = false;
  private closed = false;
  private context: StageContext | null = null;
  /** Batches on the main thread (one at a time); none starts after close(). */
  private readonly here = batchRunner(() => {
    if (this.closed) throw new Error('build-data: the pool was closed before this batch ran');
    return (this.context ??= contextOf(this.setup));
  });

  constructor(
    private readonly setup: WorkerSetup,
    private readonly options: PoolOptions,
  ) {}

  /**
   * Runs the batches (any order), each result through `onResult`. The first call starts the
   * workers, when there are `tasks` files at least as many as minTasksForWorkers.
   */
  async run(batches: readonly Batch[], tasks: number, onResult: (batch: Batch, result: BatchResult) => void): Promise<void> {
    if (!this.started) {
      this.started = true;
      if (tasks >= this.options.minTasksForWorkers) this.start(Math.min(this.options.workers, batches.length));
    }
    await Promise.all(
      batches.map(async (batch) => {
        const { result, counts } = (await this.onWorker(batch)) ?? (await this.here(batch));
        addCounts(this.counts, counts);
        onResult(batch, result);
      }),
    );
  }

  /** Stops the workers; a batch still running (a build that failed) is not run anywhere else. */
  async close(): Promise<void> {
    this.closed = true;
    const threads = this.threads;
    this.threads = null;
    await threads?.destroy();
  }

  /** The batch run on a worker; null when there are none, or it failed there. */
  private async onWorker(batch: Batch): Promise<BatchAnswer | null> {
    const threads = this.threads;
    if (!threads) return null;
    try {
      return (await threads.run(batch)) as BatchAnswer;
    } catch (cause) {
      if (this.closed) throw cause;
      // Batches still queued when the workers were given up: said once, by stopWorkers.
      if (this.threads === threads) this.options.warn(`a batch failed on a worker (${messageOf(cause)}); its files run on the main thread`);
      return null;
    }
  }

  /**
   * A worker failed while it held no batch (it could not start, say): piscina starts no other
   * for a worker that failed before it was ready, and would keep the queued batches waiting, so
   * every batch left runs here.
   */
  private stopWorkers(cause: unknown): void {
    const threads = this.threads;
    if (!threads) return;
    this.threads = null;
    this.options.warn(`a worker failed (${messageOf(cause)}); the files left run on the main thread`);
    void threads.destroy();
  }

  private start(count: number): void {
    if (count < 1) return;
    this.threads = new Piscina({
      filename: (this.options.worker ?? new URL(RUNS_BUNDLED ? './stage-worker.mjs' : './ts-worker.mjs', import.meta.url)).href,
      minThreads: count,
      maxThreads: count,
      // Two batches each, so that a worker has its next batch while the main thread takes its last result (it runs them one at a time).
      concurrentTasksPerWorker: 2,
      workerData: { entry: new URL('./stage-worker.ts', import.meta.url).href, setup: this.setup },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    this.threads.on('error', (cause) => this.stopWorkers(cause));
    this.workers = count;
  }
}
