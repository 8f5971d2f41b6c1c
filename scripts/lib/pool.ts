/**
 * Runs batches (stages.ts runBatch: shards through the stages, then shard files to write) on
 * worker threads, one per core; on the main thread when there are few files, no worker starts,
 * or a worker dies (the batches it had are run here). The workers started for the first batches serve the
 * later ones. Bundled (scripts/run-bundled.mjs) a worker is the bundle's stage-worker.mjs; run as
 * TypeScript (tests, tsx) ts-worker.mjs loads stage-worker.ts through tsx.
 */
import { Worker } from 'node:worker_threads';
import { addCounts, type CacheCounts } from './cache.ts';
import { RUNS_BUNDLED } from './runs-bundled.ts';
import { contextOf, runBatch, takeCounts, type Batch, type BatchResult, type FileTask, type StageContext, type WorkerSetup } from './stages.ts';

export interface PoolOptions {
  workers: number;
  /** Fewer files than this run on the main thread (a worker costs about as much to start as ~1,000 parses). */
  minTasksForWorkers: number;
  warn: (message: string) => void;
  /** The worker module (default: the stage worker; tests give others). */
  worker?: URL;
}

const BATCH = 256;
const IN_FLIGHT = 2;
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
  private readonly live: Worker[] = [];
  private started = false;
  private context: StageContext | null = null;

  constructor(
    private readonly setup: WorkerSetup,
    private readonly options: PoolOptions,
  ) {}

  /** Worker threads that started (0: all on the main thread). */
  workers = 0;

  /**
   * Runs the batches (any order), each result through `onResult`. The first call starts the
   * workers, when there are `tasks` files at least as many as minTasksForWorkers.
   */
  async run(batches: readonly Batch[], tasks: number, onResult: (batch: Batch, result: BatchResult) => void): Promise<void> {
    if (!this.started) {
      this.started = true;
      if (tasks >= this.options.minTasksForWorkers) await this.start(Math.min(this.options.workers, batches.length));
    }
    let next = 0;
    const drive = (worker: Worker) =>
      new Promise<void>((done) => {
        // Two batches in flight, so that a worker has its next batch while the main thread takes its last result.
        // Each goes with its position, which its answer names.
        const inFlight = new Map<number, Batch>();
        const send = () => {
          while (inFlight.size < IN_FLIGHT && next < batches.length) {
            inFlight.set(next, batches[next] as Batch);
            worker.postMessage({ at: next, batch: batches[next++] });
          }
          if (inFlight.size === 0) stop();
        };
        const onMessage = (m: { at: number; result: BatchResult; counts: CacheCounts }) => {
          const batch = inFlight.get(m.at);
          if (!batch) throw new Error(`build-data bug: a worker answered batch ${m.at}, which it was not given`);
          inFlight.delete(m.at);
          addCounts(this.counts, m.counts);
          onResult(batch, m.result);
          send();
        };
        const onError = async (cause: unknown) => {
          this.drop(worker);
          this.options.warn(`a worker failed (${cause instanceof Error ? cause.message : String(cause)}); its files run on the main thread`);
          const failed = [...inFlight.values()];
          inFlight.clear();
          stop();
          for (const batch of failed) await this.here(batch, onResult);
        };
        const stop = () => {
          worker.off('message', onMessage);
          worker.off('error', onError);
          done();
        };
        worker.on('message', onMessage);
        worker.once('error', onError);
        send();
      });
    await Promise.all([...this.live].map(drive));
    while (next < batches.length) await this.here(batches[next++] as Batch, onResult);
  }

  async close(): Promise<void> {
    await Promise.all(this.live.map((w) => w.terminate()));
    this.live.length = 0;
  }

  private drop(worker: Worker): void {
    const at = this.live.indexOf(worker);
    if (at >= 0) this.live.splice(at, 1);
  }

  private async here(batch: Batch, onResult: (batch: Batch, result: BatchResult) => void): Promise<void> {
    this.context ??= contextOf(this.setup);
    const result = await runBatch(batch, this.context);
    addCounts(this.counts, takeCounts(this.context));
    onResult(batch, result);
  }

  private async start(count: number): Promise<void> {
    const url = this.options.worker ?? new URL(RUNS_BUNDLED ? './stage-worker.mjs' : './ts-worker.mjs', import.meta.url);
    const started = await Promise.all(
      Array.from(
        { length: count },
        () =>
          new Promise<Worker | null>((done) => {
            const worker = new Worker(url, { workerData: { entry: new URL('./stage-worker.ts', import.meta.url).href, setup: this.setup }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
            const onError = (cause: unknown) => {
              this.options.warn(`a worker did not start (${cause instanceof Error ? cause.message : String(cause)}); its files run on the main thread`);
              done(null);
            };
            worker.once('error', onError);
            worker.once('message', () => {
              worker.off('error', onError);
              // A worker that fails between runs is not given another batch.
              worker.on('error', () => this.drop(worker));
              done(worker);
            });
          }),
      ),
    );
    for (const worker of started) if (worker) this.live.push(worker);
    this.workers = this.live.length;
  }
}
