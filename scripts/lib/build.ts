/**
 * The whole build-data run, top to bottom: lock → list → extract → parse → resolve → write.
 * Extraction and parsing are cached in stages keyed by their own inputs (stages.ts, cache.ts);
 * everything after them is made again from the records every build, so no output is trusted
 * because a file of its name is on disk.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { BuildReport } from '../../src/lib/dataset/build-report.ts';
import { reportShard } from '../../src/lib/dataset/shards.ts';
import { parseOverrides } from '../../src/lib/dataset/overrides.ts';
import { Cache, keyOf, type CacheCounts } from './cache.ts';
import type { Logger, OutputWriter } from './effects.ts';
import { fingerprint, repoRoot } from './fingerprint.ts';
import { listWithStatsAside, type Listing } from './list-files.ts';
import { killPoint } from './kill-point.ts';
import { lockFolders } from './lock.ts';
import { runFiles } from './pool.ts';
import { resolveDataset, type Outcome } from './resolve.ts';
import { ShardWriter } from './shards.ts';
import type { FileResult, FileTask, Fingerprints } from './stages.ts';
import { writeOutputs } from './write-outputs.ts';

export interface BuildOptions {
  reportsDir: string;
  /** data/agencies.csv, or null for none. */
  agenciesFile: string | null;
  /** Cache root (e.g. .cache/build-data), or null to build without a cache. */
  cacheRoot: string | null;
  /** The output folder (locked for the build; all writes go through the writer). */
  outDir: string;
  workers: number;
  /** Run on the main thread when fewer files than this need work (default 1000). */
  minTasksForWorkers?: number;
  /** The reports folder's listing, when the caller has begun it. */
  listing?: Promise<Listing>;
  /** The stages' fingerprints (default: made from their code, stageFingerprints). */
  fingerprints?: Fingerprints;
}

export interface BuildEffects {
  logger: Logger;
  writer: OutputWriter;
}

export interface BuildRun {
  report: BuildReport;
  /** Files extracted now, and records parsed now (the rest came from the cache). */
  extractedNow: number;
  parsedNow: number;
  workersUsed: number;
  cache: CacheCounts;
}

/** A path's file name without its extension (the last `.` and what follows, if anything does). */
function baseName(file: string): string {
  const name = file.slice(file.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot >= 0 && dot < name.length - 1 ? name.slice(0, dot) : name;
}

/** Ids from base names; a name two files share (x.txt, x.pdf) gets its extension appended. */
export function assignIds(files: readonly string[]): string[] {
  const base = files.map(baseName);
  const count = new Map<string, number>();
  for (const b of base) count.set(b, (count.get(b) ?? 0) + 1);
  // The usual folder: no name shared, every id its base name.
  if (count.size === base.length) return base;
  const used = new Set<string>();
  return files.map((f, i) => {
    const b = base[i] as string;
    let id = (count.get(b) ?? 0) > 1 ? `${b}-${(f.match(/\.([^./]+)$/)?.[1] ?? 'file').toLowerCase()}` : b;
    for (let n = 2; used.has(id); n++) id = `${b}-${n}`;
    used.add(id);
    return id;
  });
}

/** The stages' fingerprints, from the code each runs (fingerprint.ts). */
export function stageFingerprints(): Fingerprints {
  const repo = repoRoot();
  return { extract: fingerprint(repo, ['scripts/lib/read-report-file.ts']), parse: fingerprint(repo, ['scripts/lib/parse-stage.ts']) };
}

/** What the last build saw of each file: size, mtime, and its bytes' and text's hashes (stage keys), under one extractor. */
interface Seen {
  extract: string;
  files: Record<string, [size: number, mtimeMs: number, bytes: string, text: string]>;
}

export async function buildData(options: BuildOptions, { logger, writer }: BuildEffects): Promise<BuildRun> {
  const started = performance.now();
  const release = lockFolders([options.outDir, ...(options.cacheRoot ? [options.cacheRoot] : [])], (m) => logger.warn(m));
  try {
    const cache = new Cache(options.cacheRoot);
    const fingerprints = options.fingerprints ?? stageFingerprints();
    const overridesText = options.agenciesFile && existsSync(options.agenciesFile) ? readFileSync(options.agenciesFile, 'utf8') : '';
    const { overrides, errors } = parseOverrides(overridesText);

    // List: every file, its id, and what the last build saw of it.
    const { rels, sizes, mtimes } = await (options.listing ?? listWithStatsAside(options.reportsDir));
    const ids = assignIds(rels);
    const prefix = relative(process.cwd(), options.reportsDir).split(sep).join('/');
    const seenKey = keyOf('seen', resolve(options.reportsDir));
    const seen = cache.get<Seen>('seen', seenKey);
    killPoint('listed');
    const tasks: FileTask[] = rels.map((rel, i) => {
      const last = seen?.extract === fingerprints.extract ? seen.files[rel] : undefined;
      const same = last && last[0] === sizes[i] && last[1] === mtimes[i];
      return { index: i, abs: join(options.reportsDir, rel), file: prefix ? `${prefix}/${rel}` : rel, id: ids[i] as string, hint: same ? { bytes: last[2], text: last[3] } : null };
    });

    // Extract, parse (each cached in stages) and join each record with agencies.csv, on worker
    // threads, in shard order: each shard file is written once its last file is done.
    const shardOf = new Map(ids.map((id) => [id, reportShard(id)]));
    const order = (t: FileTask) => `${shardOf.get(t.id)}\u0000${t.id}`;
    tasks.sort((a, b) => (order(a) < order(b) ? -1 : 1));
    const shards = new ShardWriter(writer, ids);
    const results = new Array<FileResult>(rels.length);
    const pool = await runFiles(tasks, { cacheRoot: options.cacheRoot, fingerprints, joins: { overrides } }, { workers: options.workers, minTasksForWorkers: options.minTasksForWorkers ?? 1000, warn: (m) => logger.warn(m) }, (r) => {
      shards.add(ids[r.index] as string, r.json);
      results[r.index] = { ...r, json: null };
      killPoint('staging');
    });
    const next: Seen = { extract: fingerprints.extract, files: {} };
    rels.forEach((rel, i) => {
      const r = results[i] as FileResult;
      if (r.bytes !== '') next.files[rel] = [sizes[i] as number, mtimes[i] as number, r.bytes, r.text];
    });
    cache.put('seen', seenKey, next);
    cache.flush();
    killPoint('staged');

    // Resolve: duplicates and the build report, over all records.
    const outcomes: Outcome[] = results.map((r) => r.outcome);
    const { used, dropped, report } = resolveDataset(outcomes, errors);
    if (report.totals.used + report.totals.not_used !== report.totals.files) throw new Error(`build-data bug: ${report.totals.files} files but ${report.totals.used} used + ${report.totals.not_used} not used`);

    // Write the dataset: the shards without the dropped duplicates, then the rest.
    shards.finish(new Set(outcomes.flatMap((o, i) => (o.status === 'parsed' && dropped.has(o.file) ? [ids[i] as string] : []))));
    killPoint('shards-written');
    await writeOutputs(writer, used, report);

    const counts = pool.counts;
    const line = (stage: string) => {
      const c = counts[stage] ?? { hit: 0, made: 0, damaged: 0, unsaved: 0 };
      const notes = [c.damaged > 0 ? `${c.damaged} damaged entries rebuilt` : '', c.unsaved > 0 ? `${c.unsaved} could not be saved` : ''].filter(Boolean);
      return `${stage} ${c.made} made now, ${c.hit} from the cache${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
    };
    const damagedSeen = cache.counts.seen?.damaged ? '; the list of files seen last time was damaged and is rebuilt' : '';
    logger.info(`build-data: ${rels.length} files; ${options.cacheRoot ? `${line('extract')}; ${line('parse')}${damagedSeen}` : 'no cache'}; ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return { report, extractedNow: results.filter((r) => r.extracted).length, parsedNow: counts.parse?.made ?? 0, workersUsed: pool.workers, cache: counts };
  } finally {
    release();
  }
}
