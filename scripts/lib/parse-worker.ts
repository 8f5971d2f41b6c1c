/** Worker thread: reads and processes batches of files (see process-file.ts and worker-pool.ts). */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { AgencyOverride } from '../../src/lib/dataset/overrides.ts';
import { processFile, type FileTask } from './process-file.ts';

const overrides = (workerData as { overrides: AgencyOverride[] }).overrides;
const port = parentPort;
if (!port) throw new Error('parse-worker.ts must run as a worker thread');

port.on('message', async (batch: FileTask[]) => {
  const results = [];
  for (const task of batch) {
    try {
      results.push(await processFile(task, readFileSync(task.abs), overrides));
    } catch (cause) {
      const detail = `could not read: ${cause instanceof Error ? cause.message : String(cause)}`;
      results.push({ outcome: { status: 'unusable', file: task.file, sha256: '', reason: 'unreadable', detail }, json: null });
    }
  }
  port.postMessage(results);
});
port.postMessage('ready');
