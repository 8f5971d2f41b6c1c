/** Worker thread: runs batches of files through the stages (stages.ts, pool.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { contextOf, runShard, takeCounts, type FileResult, type FileTask, type WorkerSetup } from './stages.ts';

const port = parentPort;
if (!port) throw new Error('stage-worker.ts must run as a worker thread');
const context = contextOf((workerData as { setup: WorkerSetup }).setup);
port.on('message', async (batch: FileTask[][]) => {
  const results: FileResult[] = [];
  for (const shard of batch) results.push(...(await runShard(shard, context)));
  const moved = results.flatMap((r) => (r.outcome.status === 'parsed' && r.json ? [r.json.buffer as ArrayBuffer, r.outcome.summary.csv.buffer as ArrayBuffer] : []));
  port.postMessage({ results, counts: takeCounts(context) }, moved);
});
port.postMessage('ready');
