// Worker bootstrap: Node 20 does not apply `--import tsx` to a worker's own modules, so this
// plain module loads the TypeScript worker named in the pool's workerData (entry) through tsx's API.
import { tsImport } from 'tsx/esm/api';

const worker = await tsImport(process.__tinypool_state__.workerData.entry, import.meta.url);
export default worker.default;
