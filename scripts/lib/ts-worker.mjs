// Worker bootstrap: Node 20 does not apply `--import tsx` to a worker's own entry module, so this
// plain module loads the TypeScript worker named in workerData.entry through tsx's API.
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.entry, import.meta.url);
