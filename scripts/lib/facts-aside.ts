/**
 * facts.json's bytes made on a worker thread when the build runs bundled (scripts/run-bundled.mjs),
 * here otherwise (the bytes are the same). At 100,000 reports it is 31 MB of JSON, made while
 * this thread settles the shard files, cuts, checks and writes the CSV files and builds the
 * overview. The text columns go to the worker as their JSON bytes, handed over (textColumnsJson).
 */
import { Worker } from 'node:worker_threads';
import { factsJson, textColumnsJson, type FactValue, type NumberRows } from './fact-table.ts';
import { RUNS_BUNDLED } from './runs-bundled.ts';

/**
 * `numbers` (FactTable.numberRows) is read where it lies (shared memory) by the worker: rows may
 * be added to the table meanwhile (into memory no row given uses, or the table grows into memory
 * of its own), and no row given ever changes.
 */
export function factsJsonAside(schemaVersion: number, texts: Record<string, FactValue[]>, numbers: NumberRows, count: number): Promise<Uint8Array[]> {
  const textsJson = textColumnsJson(texts, count);
  if (!RUNS_BUNDLED) return Promise.resolve().then(() => factsJson(schemaVersion, textsJson, numbers, count));
  return new Promise<Uint8Array[]>((resolve, reject) => {
    const worker = new Worker(new URL('./facts-worker.mjs', import.meta.url), {
      workerData: { schemaVersion, textsJson, numbers, count },
      transferList: [numbers.starts.buffer as ArrayBuffer, ...Object.values(textsJson).map((bytes) => bytes.buffer as ArrayBuffer)],
    });
    worker.once('message', (chunks: Uint8Array[]) => resolve(chunks));
    worker.once('error', (e) => reject(new Error(`facts.json: its worker failed (${e instanceof Error ? e.message : String(e)})`)));
    worker.once('exit', (code) => code !== 0 && reject(new Error(`facts.json: its worker exited with ${code}`)));
  });
}
