/** Worker thread (piscina, pool.ts): runs batches of shards through the stages, or writes shard files (stages.ts runBatch). */
import { workerData } from 'node:worker_threads';
import { batchRunner, contextOf, type WorkerSetup } from './stages.ts';

const context = contextOf((workerData as { setup: WorkerSetup }).setup);

export default batchRunner(() => context);
