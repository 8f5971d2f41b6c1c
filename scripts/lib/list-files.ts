/**
 * The reports folder's files with their sizes and modification times, which tell the cache what
 * changed. At 100,000 files the stat calls take about half a second, so a build with a cache lists
 * the folder on a worker thread while it reads the cache (when it runs bundled, see
 * scripts/run-bundled.mjs: a worker of plain JavaScript starts in milliseconds).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { RUNS_BUNDLED } from './runs-bundled.ts';

export interface Listing {
  /** Paths relative to the folder, / separators, in code-point order. */
  rels: string[];
  sizes: Float64Array;
  mtimes: Float64Array;
}

/** Every regular file under `dir`, as paths relative to it with / separators, in code-point order. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else out.push(path);
    }
  };
  walk('');
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function listWithStats(dir: string): Listing {
  const rels = listFiles(dir);
  const sizes = new Float64Array(rels.length);
  const mtimes = new Float64Array(rels.length);
  rels.forEach((rel, i) => {
    const { size, mtimeMs } = statSync(join(dir, rel));
    sizes[i] = size;
    mtimes[i] = mtimeMs;
  });
  return { rels, sizes, mtimes };
}

/** listWithStats on a worker thread when this code runs bundled; here otherwise (the result is the same). */
export function listWithStatsAside(dir: string): Promise<Listing> {
  if (!RUNS_BUNDLED) return Promise.resolve().then(() => listWithStats(dir));
  return new Promise<Listing>((resolve, reject) => {
    const worker = new Worker(new URL('./list-worker.mjs', import.meta.url), { workerData: { dir } });
    worker.once('message', (listing: Listing) => resolve(listing));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`listing ${dir}: worker exited with ${code}`)));
  });
}
