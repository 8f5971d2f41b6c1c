/** Worker thread: reads and processes batches of files (see process-file.ts and worker-pool.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import type { AgencyOverride } from '../../src/lib/dataset/overrides.ts';
import type { FileTask } from './process-file.ts';
import { processOne, transferables, type Processed } from './worker-pool.ts';

const { overrides } = workerData as { overrides: AgencyOverride[] };
const port = parentPort;
if (!port) throw new Error('parse-worker.ts must run as a worker thread');
const out = port;

async function processBatch(batch: readonly FileTask[]): Promise<void> {
  const results: Processed[] = [];
  for (const task of batch) results.push(await processOne(task, overrides));
  out.postMessage(results, transferables(results));
}

// Batches run one after another, in arrival order, even when processing awaits, so results come back in order.
let queue = Promise.resolve();
port.on('message', (batch: FileTask[]) => {
  queue = queue.then(() => processBatch(batch));
});
port.postMessage('ready');
