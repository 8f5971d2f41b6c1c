/** Worker thread: lists the reports folder with sizes and mtimes (see list-files.ts); a folder that cannot be read is reported by its message. */
import { parentPort, workerData } from 'node:worker_threads';
import { listWithStats } from './list-files.ts';

try {
  const listing = listWithStats((workerData as { dir: string }).dir);
  parentPort?.postMessage({ listing }, [listing.sizes.buffer as ArrayBuffer, listing.mtimes.buffer as ArrayBuffer]);
} catch (cause) {
  parentPort?.postMessage({ error: cause instanceof Error ? cause.message : String(cause) });
}
