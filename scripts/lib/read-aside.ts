/**
 * A file read into shared memory on a thread of its own, which then touches every page of it.
 * On this machine (a Firecracker VM) a page read into by the kernel still costs ~5 µs the first
 * time a thread of the process touches it, with no page fault counted: at 100,000 reports the
 * cache's data file (~185 MB) cost ~0.55 s to read and ~0.25 s more at first touch, both on the
 * main thread while it had the cache's entries to parse. Done here, both run on the other core,
 * at the lowest priority: while the folder is listed there too, the listing comes first.
 * The reader is plain JavaScript run from a string, so it starts in milliseconds, bundled or not.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

const READER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const { closeSync, openSync, readlinkSync, readSync } = require('node:fs');
const { setPriority } = require('node:os');
const { path, memory, size } = workerData;
// The lowest priority for this thread alone (Linux: /proc/thread-self names its id): it reads
// while a core is free, and never holds back the folder's listing or the main thread.
try {
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 19);
} catch {}
let failure = null;
try {
  const bytes = new Uint8Array(memory, 0, size);
  const fd = openSync(path, 'r');
  try {
    for (let at = 0; at < size; ) {
      const read = readSync(fd, bytes, at, size - at, at);
      if (read === 0) throw new Error('it ended at byte ' + at + ' of ' + size);
      at += read;
    }
  } finally {
    closeSync(fd);
  }
  let sum = 0;
  for (let at = 0; at < size; at += 4096) sum += bytes[at];
} catch (cause) {
  failure = cause instanceof Error ? cause.message : String(cause);
}
parentPort.postMessage(failure);
`;

/** Reads the first `size` bytes of the file at `path` into `memory`, here and now. */
export function readInto(path: string, memory: SharedArrayBuffer, size: number): void {
  const bytes = new Uint8Array(memory, 0, size);
  const fd = openSync(path, 'r');
  try {
    for (let at = 0; at < size; ) {
      const read = readSync(fd, bytes, at, size - at, at);
      if (read === 0) throw new Error(`${path}: it ended at byte ${at} of ${size}`);
      at += read;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads the first `size` bytes of the file at `path` into `memory` on a thread of its own; settles
 * once they are all there. No byte of `memory` below `size` may be read or written until then.
 * If the thread cannot start or dies, the file is read here instead; if it cannot be read at all,
 * the promise rejects with the reason.
 */
export function readIntoAside(path: string, memory: SharedArrayBuffer, size: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const settle = (failure: string | null) => {
      if (settled) return;
      settled = true;
      if (failure === null) resolve();
      else reject(new Error(`${path}: ${failure}`));
    };
    /** The thread is gone without an answer: read here. */
    const readHere = () => {
      if (settled) return;
      try {
        readInto(path, memory, size);
        settle(null);
      } catch (cause) {
        settled = true;
        reject(cause instanceof Error ? cause : new Error(String(cause)));
      }
    };
    let reader: Worker;
    try {
      reader = new Worker(READER_CODE, { eval: true, workerData: { path, memory, size } });
    } catch {
      return readHere();
    }
    reader.once('message', (failure: string | null) => settle(failure));
    reader.once('error', readHere);
    reader.once('exit', readHere);
  });
}
