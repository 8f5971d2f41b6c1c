/** Worker thread (tinypool, pool.ts): runs batches of shards through the stages, or writes shard files (stages.ts runBatch). */
import type { BatchAnswer } from './pool.ts';
import { contextOf, runBatch, takeCounts, type Batch, type WorkerSetup } from './stages.ts';

const context = contextOf((process.__tinypool_state__.workerData as { setup: WorkerSetup }).setup);
// One batch at a time, in the order given (a PDF's extraction awaits: a second batch must not start meanwhile).
let queue: Promise<unknown> = Promise.resolve();

export default function runStageBatch(batch: Batch): Promise<BatchAnswer> {
  const done = queue.then(async () => ({ result: await runBatch(batch, context), counts: takeCounts(context) }));
  queue = done.catch(() => undefined);
  return done;
}
