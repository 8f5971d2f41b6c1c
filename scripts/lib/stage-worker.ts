/** Worker thread: runs batches of shards through the stages, or writes shard files (stages.ts runBatch, pool.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { contextOf, runBatch, takeCounts, type Batch, type WorkerSetup } from './stages.ts';

const port = parentPort;
if (!port) throw new Error('stage-worker.ts must run as a worker thread');
const context = contextOf((workerData as { setup: WorkerSetup }).setup);
// One batch at a time, in the order given (a PDF's extraction awaits: a second batch must not start meanwhile).
let queue = Promise.resolve();
port.on('message', ({ at, batch }: { at: number; batch: Batch }) => {
  queue = queue.then(async () => {
    const result = await runBatch(batch, context);
    // Each CSV line owns its buffer (TextEncoder); lines that could not be stored are copied (Buffer.concat may give a slice of a shared pool).
    const moved = result.kind === 'stage' ? result.shards.flatMap((s) => s.results.flatMap((r) => (r.outcome.status === 'parsed' ? [r.outcome.summary.csv.buffer as ArrayBuffer] : []))) : [];
    port.postMessage({ at, result, counts: takeCounts(context) }, moved);
  });
});
port.postMessage('ready');
