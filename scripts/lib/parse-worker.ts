/** Worker thread: reads and processes batches of files (see process-file.ts and worker-pool.ts). */
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import type { AgencyOverride } from '../../src/lib/dataset/overrides.ts';
import { processFile, type FileTask } from './process-file.ts';
import { asBytes, transferables, type Processed } from './worker-pool.ts';

const { overrides } = workerData as { overrides: AgencyOverride[] };
const port = parentPort;
if (!port) throw new Error('parse-worker.ts must run as a worker thread');
const out = port;

/** A batch's files are read as soon as it arrives, on the thread pool, while the batch before it is parsed. */
function readAll(batch: readonly FileTask[]): Promise<Uint8Array | Error>[] {
  return batch.map((task) => readFile(task.abs).catch((cause: unknown) => (cause instanceof Error ? cause : new Error(String(cause)))));
}

async function processBatch(batch: readonly FileTask[], reads: readonly Promise<Uint8Array | Error>[]): Promise<void> {
  const results: Processed[] = [];
  for (const [i, task] of batch.entries()) {
    try {
      const bytes = await reads[i];
      if (bytes instanceof Error) throw bytes;
      results.push(asBytes(await processFile(task, bytes as Uint8Array, overrides)));
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
  const reads = readAll(batch);
  queue = queue.then(() => processBatch(batch, reads));
});
port.postMessage('ready');
