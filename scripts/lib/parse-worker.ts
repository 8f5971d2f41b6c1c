/** Worker thread: reads and processes batches of files (see process-file.ts and worker-pool.ts). */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { AgencyOverride } from '../../src/lib/dataset/overrides.ts';
import { processFile, type FileTask } from './process-file.ts';
import type { Processed } from './worker-pool.ts';
import { reportPath } from './report-path.ts';

const { overrides, outDir } = workerData as { overrides: AgencyOverride[]; outDir: string | null };
let madeDir = false;
const port = parentPort;
if (!port) throw new Error('parse-worker.ts must run as a worker thread');
const out = port;

async function processBatch(batch: FileTask[]): Promise<void> {
  const results: Processed[] = [];
  for (const task of batch) {
    let result: Processed;
    try {
      result = await processFile(task, readFileSync(task.abs), overrides);
    } catch (cause) {
      const detail = `could not read: ${cause instanceof Error ? cause.message : String(cause)}`;
      result = { outcome: { status: 'unusable', file: task.file, sha256: '', reason: 'unreadable', detail }, json: null };
    }
    if (outDir && result.json !== null) {
      // Write the record here, in parallel, rather than ship it to the main thread. A write
      // failure is not caught: the worker dies and the pool re-runs the batch on the main thread.
      const path = join(outDir, reportPath(task.id));
      if (!madeDir) mkdirSync(dirname(path), { recursive: true });
      madeDir = true;
      writeFileSync(path, result.json);
      result = { ...result, json: null };
    }
    results.push(result);
  }
  out.postMessage(results);
}

// Batches run one after another (in arrival order) even when a reader awaits, so results come back in order.
let queue = Promise.resolve();
port.on('message', (batch: FileTask[]) => {
  queue = queue.then(() => processBatch(batch));
});
port.postMessage('ready');
