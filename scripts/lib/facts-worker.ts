/** Worker thread: facts.json's bytes from the fact table's columns (see facts-aside.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { factsJson, type NumberRows } from './fact-table.ts';

const { schemaVersion, textsJson, numbers, count } = workerData as { schemaVersion: number; textsJson: Record<string, Uint8Array>; numbers: NumberRows; count: number };
const chunks = factsJson(schemaVersion, textsJson, numbers, count);
// Each chunk has an ArrayBuffer of its own: handed over, not copied.
parentPort?.postMessage(chunks, chunks.map((c) => c.buffer as ArrayBuffer));
