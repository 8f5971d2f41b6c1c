/**
 * The whole build-data run, top to bottom: lock → list → extract → parse → resolve → write.
 * Extraction and parsing are cached in stages keyed by their own inputs (stages.ts, cache.ts);
 * everything after them is made again from the records every build, so no output is trusted
 * because a file of its name is on disk.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { BuildReport } from '../../src/lib/dataset/build-report.ts';
import { assignIds } from '../../src/lib/dataset/report-ids.ts';
import { reportShard } from '../../src/lib/dataset/shards.ts';
import { parseOverrides } from '../../src/lib/dataset/overrides.ts';
import { parseSources, sourceLookup, sourceProblemText } from '../../src/lib/dataset/sources.ts';
import { Cache, keyOf, sweepTemporary, type CacheCounts } from './cache.ts';
import type { Logger, OutputWriter } from './effects.ts';
import { fingerprint, repoRoot } from './fingerprint.ts';
import { listWithStats } from './list-files.ts';
import { EmptyReportsFolder, listingNotUsed, nameNotes } from './listing-report.ts';
import { killPoint } from './kill-point.ts';
import { lockFolders } from './lock.ts';
import { Pool, stageBatches } from './pool.ts';
import { resolveDataset } from './resolve.ts';
import { Seen } from './seen.ts';
import { removeOtherShards, ShardPlan, ShardsSeen, type ShardJob, type ShardWritten } from './shards.ts';
import { LAST_PARSE, type Batch, type FileResult, type FileTask, type Fingerprints, type WorkerSetup } from './stages.ts';
import { writeOutputs } from './write-outputs.ts';

export interface BuildOptions {
  reportsDir: string;
  /** data/agencies.csv, or null for none. */
  agenciesFile: string | null;
  /** data/sources.csv (where each report was published), or null for none. */
  sourcesFile?: string | null;
  /** Cache root (e.g. .cache/build-data), or null to build without a cache. */
  cacheRoot: string | null;
  /** The output folder (locked for the build; all writes go through the writer). */
  outDir: string;
  workers: number;
  /** Run on the main thread when fewer files than this need work (default 1000). */
  minTasksForWorkers?: number;
  /** The stages' fingerprints (default: made from their code, stageFingerprints). */
  fingerprints?: Fingerprints;
  /** Build an empty dataset from a folder with no files (else the build refuses: EmptyReportsFolder). */
  allowEmpty?: boolean;
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

/** The stages' fingerprints, from the code each runs (fingerprint.ts). */
export function stageFingerprints(): Fingerprints {
  const repo = repoRoot();
  return {
    extract: fingerprint(repo, ['scripts/lib/read-report-file.ts']),
    parse: fingerprint(repo, ['scripts/lib/parse-stage.ts']),
    resolve: fingerprint(repo, ['scripts/lib/stages.ts']),
  };
}

export async function buildData(options: BuildOptions, { logger, writer }: BuildEffects): Promise<BuildRun> {
  const started = performance.now();
  let killed = false;
  const release = lockFolders([options.outDir, ...(options.cacheRoot ? [options.cacheRoot] : [])], (m) => (logger.warn(m), (killed = true)));
  try {
    // What a killed build was writing when it stopped (the output folder's are few: looked for every build).
    sweepTemporary(options.outDir, 1);
    if (killed && options.cacheRoot) sweepTemporary(options.cacheRoot, 2);
    const cache = new Cache(options.cacheRoot);
    const fingerprints = options.fingerprints ?? stageFingerprints();
    const overridesText = options.agenciesFile && existsSync(options.agenciesFile) ? readFileSync(options.agenciesFile, 'utf8') : '';
    const { overrides, errors } = parseOverrides(overridesText);
    const sourcesText = options.sourcesFile && existsSync(options.sourcesFile) ? readFileSync(options.sourcesFile, 'utf8') : '';
    const sources = parseSources(sourcesText);

    // List: every file, its id, and what the last build saw of it.
    const listedAt = Date.now();
    const listing = listWithStats(options.reportsDir);
    // Nothing is written from a folder with no files unless asked: it would empty the dataset.
    if (listing.rels.length === 0 && !options.allowEmpty) throw new EmptyReportsFolder(options.reportsDir, listing);
    const ids = assignIds(listing.rels);
    const seen = new Seen(cache, options.reportsDir, fingerprints);
    const tasks = seen.tasks(listing, ids);
    killPoint('listed');

    // Extract and parse (each cached in stages) and join each record with agencies.csv and sources.csv, on worker
    // threads, shard by shard. A shard's record lines made now are written to its file under reports/ at once.
    const setup: WorkerSetup = {
      cacheRoot: options.cacheRoot,
      outDir: options.outDir,
      fingerprints,
      joins: { overrides, sources: sourceLookup(sources.rows) },
      joinsKey: keyOf(overridesText, sourcesText),
    };
    const pool = new Pool(setup, { workers: options.workers, minTasksForWorkers: options.minTasksForWorkers ?? 1000, warn: (m) => logger.warn(m) });
    try {
      const plan = new ShardPlan();
      const results = new Array<FileResult>(tasks.length);
      const stage = (shards: readonly FileTask[][]) =>
        pool.run(stageBatches(shards, options.workers), tasks.length, (batch, done) => {
          if (batch.kind !== 'stage' || done.kind !== 'stage') return;
          done.shards.forEach((shard, i) => {
            plan.add(batch.shards[i] as FileTask[], shard);
            for (const r of shard.results) results[r.index] = r;
          });
          killPoint('staging');
        });
      const shardTasks = inShards(tasks);
      await stage(shardTasks);
      seen.save(listing, listedAt, results);
      let pruned = seen.pruneUnused(shardTasks, results, setup.joinsKey, pool.counts.shard?.made ?? 0);
      killPoint('staged');

      // Resolve: duplicates and the build report, over all records.
      const outcomes = results.map((r) => r.outcome);
      const { used, dropped, report } = resolveDataset(outcomes, errors, { notRead: listingNotUsed(listing), names: nameNotes(listing, ids) }, sources.problems.map(sourceProblemText));

      // Write: the shards without the dropped duplicates, then the rest of the dataset.
      const droppedIds = new Set(outcomes.flatMap((o, i) => (o.status === 'parsed' && dropped.has(o.file) ? [ids[i] as string] : [])));
      const shardsSeen = new ShardsSeen(cache, options.outDir);
      const { shards, remade } = await writeShards(pool, plan, droppedIds, stage, shardsSeen);
      removeOtherShards(writer, shards);
      // The workers' memory is given back before the rest of the dataset is made.
      await pool.close();
      killPoint('shards-written');
      const segments = { cache, used: new Set<string>() };
      await writeOutputs(writer, used, report, segments);
      // Once a segment was made, those no block uses any more (their rows changed) are removed.
      if ((cache.counts.deflate?.made ?? 0) > 0) pruned += cache.prune('deflate', segments.used);
      shardsSeen.save();
      cache.flush();

      const prunedNote = pruned > 0 ? `; ${pruned} cache entries no file uses now removed` : '';
      const remadeNote = remade > 0 ? `; ${remade} files under reports/ did not hold their records: written again` : '';
      logger.info(`build-data: ${tasks.length} files; ${options.cacheRoot ? cacheSummary(pool.counts, cache.counts) + prunedNote : 'no cache'}${remadeNote}; ${((performance.now() - started) / 1000).toFixed(1)} s`);
      return { report, extractedNow: results.filter((r) => r.extracted).length, parsedNow: results.filter((r) => r.parsed).length, workersUsed: pool.workers, cache: pool.counts };
    } finally {
      await pool.close();
    }
  } finally {
    release();
  }
}

const WRITE_BATCH = 64;

/**
 * Makes every shard file (shards.ts writeShard) on the pool's threads, and returns the shards
 * written and how many were made again: a file that does not hold its shard's lines (damaged,
 * deleted, or holding another build's) is written again by staging its shard's files, which must
 * give the same lines.
 */
async function writeShards(pool: Pool, plan: ShardPlan, dropped: ReadonlySet<string>, stage: (shards: readonly FileTask[][]) => Promise<void>, seen: ShardsSeen): Promise<{ shards: string[]; remade: number }> {
  const all = seen.withLast(plan.jobs(dropped));
  const written = new Map<string, ShardWritten>();
  let jobs = all;
  let remade = 0;
  for (let round = 0; ; round++) {
    const batches: Batch[] = [];
    for (let i = 0; i < jobs.length; i += WRITE_BATCH) batches.push({ kind: 'write', jobs: jobs.slice(i, i + WRITE_BATCH) });
    const missing = new Map<string, string>();
    await pool.run(batches, 0, (batch, done) => {
      if (batch.kind !== 'write' || done.kind !== 'write') return;
      done.written.forEach((w, i) => {
        const job = batch.jobs[i] as ShardJob;
        written.set(job.shard, w);
        if (w.state === 'missing') missing.set(job.shard, job.lines);
      });
    });
    if (missing.size === 0) break;
    remade += missing.size;
    if (round > 0) throw new Error(`build-data bug: the record lines of shards ${[...missing.keys()].join(', ')} are still missing after they were made again`);
    await stage([...missing.keys()].map((shard) => plan.tasksOf(shard).map((t) => ({ ...t, hint: null }))));
    const again = plan.jobs(dropped).filter((j) => missing.has(j.shard));
    const changed = again.filter((j) => j.lines !== missing.get(j.shard));
    if (changed.length > 0) throw new Error(`build-data: the files of reports shard ${changed.map((j) => j.shard).join(', ')} changed while the build ran (their records differ from those read before); run the build again`);
    jobs = again;
  }
  seen.note(all, all.map((j) => written.get(j.shard) as ShardWritten));
  return { shards: all.map((j) => j.shard), remade };
}

/** Tasks by shard (shards in order, tasks by id within each). */
function inShards(tasks: readonly FileTask[]): FileTask[][] {
  const shards = new Map<string, FileTask[]>();
  for (const t of tasks) {
    const shard = reportShard(t.id);
    shards.get(shard)?.push(t) ?? shards.set(shard, [t]);
  }
  return [...shards.keys()].sort().map((shard) => (shards.get(shard) as FileTask[]).sort((a, b) => (a.id < b.id ? -1 : 1)));
}

/** `extract N made now, M from the cache (K damaged entries rebuilt); parse …; zip segments …`. */
function cacheSummary(counts: CacheCounts, own: CacheCounts): string {
  const line = (stage: string, c = counts[stage] ?? { hit: 0, made: 0, damaged: 0, unsaved: 0 }, name = stage) => {
    const notes = [c.damaged > 0 ? `${c.damaged} damaged entries rebuilt` : '', c.unsaved > 0 ? `${c.unsaved} could not be saved` : ''].filter(Boolean);
    return `${name} ${c.made} made now, ${c.hit} from the cache${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
  };
  // The zips' segments are made on the main thread: their counts are its own.
  const segments = own.deflate ? `; ${line('deflate', own.deflate, 'zip segments')}` : '';
  const lastDamaged = counts[LAST_PARSE]?.damaged ?? 0;
  const last = lastDamaged > 0 ? `; ${lastDamaged} of the last build's parse entries were damaged: their shards' files were all parsed again` : '';
  return `${line('extract')}; ${line('parse')}${last}; ${line('shard')}${segments}${own.seen?.damaged ? '; what the last build saw of the files was damaged, and is made again' : ''}`;
}
