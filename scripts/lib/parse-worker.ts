/** Worker thread: reads and processes batches of files (see process-file.ts and worker-pool.ts). */
import { parentPort, Worker, workerData } from 'node:worker_threads';
import type { AgencyOverride } from '../../src/lib/dataset/overrides.ts';
import type { FileTask } from './process-file.ts';
import { processOne, transferables, type Processed } from './worker-pool.ts';

const { overrides } = workerData as { overrides: AgencyOverride[] };
const port = parentPort;
if (!port) throw new Error('parse-worker.ts must run as a worker thread');
const out = port;

/**
 * The files of the batches queued here are read ahead, in order, by a thread of this worker's
 * own, synchronously (readFileSync): while it waits for the disk this thread parses, and when the
 * files are in the page cache a read costs little more than reading here. Parse step of a cold
 * build of 20,000 reports, alternating runs on this 2-core machine: files in the page cache, read
 * ahead through fs/promises (an open, a stat, a read and a close, each a round trip to the thread
 * pool) 10.9–15.0 s, read here just before parsing 9.3–11.2 s, read ahead by the reader thread
 * 9.5–12.0 s; page cache dropped first: 9.9–11.6 s, 12.3–12.8 s and 9.6–10.3 s.
 */
const READER_CODE = `
const { parentPort } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
parentPort.on('message', (paths) => {
  parentPort.postMessage(paths.map((path) => {
    try {
      return readFileSync(path);
    } catch (cause) {
      return cause instanceof Error ? cause.message : String(cause);
    }
  }));
});
`;

/** A file's bytes, or why it could not be read. */
type Read = Uint8Array | string;

/** The bytes read; throws (the file is unreadable) with the reader's message when there are none. */
function bytesOf(read: Read): Uint8Array {
  if (typeof read === 'string') throw new Error(read);
  return read;
}

/** Reads asked of the reader thread, answered in the order asked; null once it has failed (files are then read here). */
let reader: Worker | null = new Worker(READER_CODE, { eval: true });
const waiting: ((reads: Read[] | null) => void)[] = [];
reader.on('message', (reads: Read[]) => waiting.shift()?.(reads));
const stopReader = () => {
  reader = null;
  for (const answer of waiting.splice(0)) answer(null);
};
reader.on('error', stopReader);
reader.on('exit', stopReader);
reader.unref();

function readAhead(batch: readonly FileTask[]): Promise<Read[] | null> {
  if (!reader) return Promise.resolve(null);
  const answered = new Promise<Read[] | null>((resolve) => waiting.push(resolve));
  reader.postMessage(batch.map((task) => task.abs));
  return answered;
}

async function processBatch(batch: readonly FileTask[], reading: Promise<Read[] | null>): Promise<void> {
  const reads = await reading;
  const results: Processed[] = [];
  for (const [i, task] of batch.entries()) {
    const read = reads?.[i];
    // No answer from the reader (it failed): the file is read here.
    results.push(await processOne(task, overrides, read === undefined ? undefined : () => bytesOf(read)));
  }
  out.postMessage(results, transferables(results));
}

// Batches run one after another, in arrival order, even when processing awaits, so results come back in order.
let queue = Promise.resolve();
port.on('message', (batch: FileTask[]) => {
  const reading = readAhead(batch);
  queue = queue.then(() => processBatch(batch, reading));
});
port.postMessage('ready');
