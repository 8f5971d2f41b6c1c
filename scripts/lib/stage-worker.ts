/** Worker thread (tinypool, pool.ts): runs batches of shards through the stages, or writes shard files (stages.ts runBatch). */
import { batchRunner, contextOf, type WorkerSetup } from './stages.ts';

const context = contextOf((process.__tinypool_state__.workerData as { setup: WorkerSetup }).setup);

export default batchRunner(() => context);
