/** Worker thread: reads and processes batches of files (see process-file.ts and worker-pool.ts). */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { AgencyOverride } from '../../src/lib/dataset/overrides.ts';
import { processFile, type FileTask } from './process-file.ts';
import { asBytes, transferables, type Processed } from './worker-pool.ts';

const { overrides } = workerData as { overrides: AgencyOverride[] };
const port = parentPort;
if (!port) throw new Error('parse-worker.ts must run as a worker thread');
const out = port;

async function processBatch(batch: FileTask[]): Promise<void> {
  const results: Processed[] = [];
  for (const task of batch) {
    try {
      results.push(asBytes(await processFile(task, readFileSync(task.abs), overrides)));
    } catch (cause) {
      const detail = `could not read: ${cause instanceof Error ? cause.message : String(cause)}`;
      results.push({ outcome: { status: 'unusable', file: task.file, sha256: '', reason: 'unreadable', detail }, json: null });
    }
  }
  out.postMessage(results, transferables(results));
}

// Batches run one after another (in arrival order) even when a reader awaits, so results come back in order.
let queue = Promise.resolve();
port.on('message', (batch: FileTask[]) => {
  queue = queue.then(() => processBatch(batch));
});
port.postMessage('ready');
