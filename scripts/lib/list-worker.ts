/** Worker thread: lists the reports folder with sizes and mtimes (see list-files.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { listWithStats } from './list-files.ts';

const listing = listWithStats((workerData as { dir: string }).dir);
parentPort?.postMessage(listing, [listing.sizes.buffer as ArrayBuffer, listing.mtimes.buffer as ArrayBuffer]);
