/**
 * facts.json's bytes made on a worker thread when the build runs bundled (scripts/run-bundled.mjs),
 * here otherwise (the bytes are the same). At 100,000 reports it is 31 MB of JSON, made while
 * this thread cuts, checks and writes the CSV files and builds the overview.
 */
import { Worker } from 'node:worker_threads';
import { factsJson, type FactValue, type NumberRows } from './fact-table.ts';
import { RUNS_BUNDLED } from './runs-bundled.ts';

/** `numbers` (FactTable.numberRows) is read where it lies (shared memory) by the worker: no row may be added to the table meanwhile. */
export function factsJsonAside(schemaVersion: number, texts: Record<string, FactValue[]>, numbers: NumberRows, count: number): Promise<Uint8Array[]> {
  if (!RUNS_BUNDLED) return Promise.resolve().then(() => factsJson(schemaVersion, texts, numbers, count));
  return new Promise<Uint8Array[]>((resolve, reject) => {
    const worker = new Worker(new URL('./facts-worker.mjs', import.meta.url), {
      workerData: { schemaVersion, texts, numbers, count },
      transferList: [numbers.starts.buffer as ArrayBuffer],
    });
    worker.once('message', (chunks: Uint8Array[]) => resolve(chunks));
    worker.once('error', (e) => reject(new Error(`facts.json: its worker failed (${e instanceof Error ? e.message : String(e)})`)));
    worker.once('exit', (code) => code !== 0 && reject(new Error(`facts.json: its worker exited with ${code}`)));
  });
}
