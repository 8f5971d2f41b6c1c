/**
 * The SHA-256 of files' bytes (hex, as readRecord records it in `source.sha256`), for the cache:
 * a file whose modification time moved but whose size did not (a fresh clone or checkout, a copy,
 * `touch`) is parsed again only if its bytes changed. Many files are hashed on threads of plain
 * JavaScript run from a string (they start in milliseconds, bundled or not), each a contiguous
 * share of the list; a few are hashed here.
 */
import { hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

/** Fewer files than this are hashed on the calling thread: a thread costs about as much as hashing a few hundred reports. */
const MIN_FILES_FOR_THREADS = 500;

const HASHER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const { hash } = require('node:crypto');
parentPort.postMessage(workerData.paths.map((path) => {
  try {
    return hash('sha256', readFileSync(path), 'hex');
  } catch {
    return null;
  }
}));
`;

/** The SHA-256 of these bytes, in hex: a report's `source.sha256`. */
export function sha256Hex(bytes: Uint8Array): string {
  return hash('sha256', bytes, 'hex');
}

/** The SHA-256 (hex) of the file's bytes, or null when it cannot be read. The threads' code above does the same. */
export function hashFile(path: string | Buffer): string | null {
  try {
    return sha256Hex(readFileSync(path));
  } catch {
    return null;
  }
}

/** hashFile for a share of the files on a thread of its own; `here` if the thread cannot start or dies. */
function hashAside<P extends string | Buffer>(paths: readonly P[], here: (path: P) => string | null): Promise<(string | null)[]> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (hashes: (string | null)[]) => {
      if (settled) return;
      settled = true;
      resolve(hashes);
    };
    /** The thread is gone without an answer: hash here (it exits after answering too: nothing to do then). */
    const hashHere = () => {
      if (!settled) settle(paths.map(here));
    };
    let worker: Worker;
    try {
      worker = new Worker(HASHER_CODE, { eval: true, workerData: { paths } });
    } catch {
      return hashHere();
    }
    worker.once('message', settle);
    worker.once('error', hashHere);
    worker.once('exit', hashHere);
  });
}

/**
 * Each file's hash (null: unreadable), in the order given, on up to `threads` threads (0: here).
 * `here` hashes a file on this thread (tests count its calls).
 */
export async function hashFiles<P extends string | Buffer>(paths: readonly P[], threads: number, here: (path: P) => string | null = hashFile): Promise<(string | null)[]> {
  const shares = Math.min(threads, Math.floor(paths.length / MIN_FILES_FOR_THREADS));
  if (shares < 1) return paths.map(here);
  const size = Math.ceil(paths.length / shares);
  const hashed = await Promise.all(Array.from({ length: shares }, (_, k) => hashAside(paths.slice(k * size, (k + 1) * size), here)));
  return hashed.flat();
}
