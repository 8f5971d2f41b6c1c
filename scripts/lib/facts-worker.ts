/** Worker thread: facts.json's text from the fact table's columns, as UTF-8 bytes (see facts-aside.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { factsJson, type FactValue, type NumberRows } from './fact-table.ts';

const { schemaVersion, texts, numbers, count } = workerData as { schemaVersion: number; texts: Record<string, FactValue[]>; numbers: NumberRows; count: number };
const bytes = new TextEncoder().encode(factsJson(schemaVersion, texts, numbers, count));
parentPort?.postMessage(bytes, [bytes.buffer as ArrayBuffer]);
