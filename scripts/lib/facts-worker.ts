/** Worker thread: facts.json's bytes from the fact table's columns (see facts-aside.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { factsJson, type FactValue, type NumberRows } from './fact-table.ts';

const { schemaVersion, texts, numbers, count } = workerData as { schemaVersion: number; texts: Record<string, FactValue[]>; numbers: NumberRows; count: number };
const chunks = factsJson(schemaVersion, texts, numbers, count);
// Each chunk has an ArrayBuffer of its own: handed over, not copied.
parentPort?.postMessage(chunks, chunks.map((c) => c.buffer as ArrayBuffer));
