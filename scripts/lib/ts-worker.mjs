// Worker bootstrap: Node 20 does not apply `--import tsx` to a worker's own modules, so this
// plain module loads the TypeScript worker named in the pool's workerData (entry) through tsx's API.
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const worker = await tsImport(workerData.entry, import.meta.url);
export default worker.default;
