/**
 * files → records → dataset + CSV + build report: the whole build-data run, with its side
 * effects passed in. Steps: list the reports folder; reuse cached results for files whose size,
 * mtime and key are unchanged; parse the rest on worker threads, in shard order, writing each
 * shard file of records as soon as its files are done; drop duplicates (and rewrite the shards
 * they were in); write the aggregate files; remove outputs no longer produced; save the cache.
 */
import { existsSync, readFileSync } from 'node:fs';
import { RESOLVER_VERSION } from '../../src/lib/agency/index.ts';
import type { BuildReport, NotUsedReason } from '../../src/lib/dataset/build-report.ts';
import { DUPLICATE_RULE, duplicateKey, pickDuplicates } from '../../src/lib/dataset/duplicates.ts';
import { parseOverrides } from '../../src/lib/dataset/overrides.ts';
import { PARSER_VERSION } from '../../src/lib/parse/index.ts';
import { assignIds } from '../../src/lib/dataset/report-ids.ts';
import { reportShard, shardOfFileName } from '../../src/lib/dataset/shards.ts';
import { SCHEMA_VERSION } from '../../src/lib/schema.ts';
import { cacheDirFor, cacheSalt, loadCache, saveCache, type CacheEntry, type KeptOutcome, type KeptSummary } from './cache.ts';
import { FactTable } from './fact-table.ts';
import type { Logger, OutputWriter } from './effects.ts';
import type { FileOutcome, FileTask, ReportSummary } from './process-file.ts';
import { hashFiles } from './hash-files.ts';
import { listedPath, listWithStatsAside, type Listing } from './list-files.ts';
import { EmptyReportsFolder, listingNotUsed, nameNotes } from './listing-report.ts';
import { ShardAssembler } from './shard-assembler.ts';
import { SegmentStore } from './segment-store.ts';
import { parseFiles } from './worker-pool.ts';
import { beginFacts, writeOutputs } from './write-outputs.ts';

export { assignIds };

export interface BuildOptions {
  reportsDir: string;
  /** data/agencies.csv, or null for none. */
  agenciesFile: string | null;
  /** Cache root (e.g. .cache/build-data), or null to build without a cache. */
  cacheRoot: string | null;
  /** Output folder, used only to key the cache; all writes go through the writer. */
  outDir: string;
  workers: number;
  /** Parse on the main thread when fewer files than this need parsing (default 1000). */
  minTasksForWorkers?: number;
  /** The reports folder's listing, when the caller has begun it (listWithStatsAside); else the build begins it. */
  listing?: Promise<Listing>;
  /** Build an empty dataset from a folder with no files (else the build refuses: EmptyReportsFolder). */
  allowEmpty?: boolean;
}

export interface BuildEffects {
  logger: Logger;
  writer: OutputWriter;
}

/** Wall-clock and CPU time (all threads) of each build step, for the summary line (`parse 31.2 s (cpu 60.3 s), …`). */
function phaseClock() {
  const laps: [string, number, number][] = [];
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  return {
    lap(name: string) {
      const now = performance.now();
      const cpu = process.cpuUsage(lastCpu);
      laps.push([name, now - last, (cpu.user + cpu.system) / 1000]);
      last = now;
      lastCpu = process.cpuUsage();
    },
    summary: () => laps.map(([name, ms, cpuMs]) => `${name} ${(ms / 1000).toFixed(1)} s (cpu ${(cpuMs / 1000).toFixed(1)} s)`).join(', '),
  };
}

/** A Buffer over the same bytes (no copy). */
const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export interface BuildRun {
  report: BuildReport;
  /** Files parsed by this run (the rest came from the cache), and worker threads used (0: main thread). */
  parsedNow: number;
  workersUsed: number;
}

export async function buildData(options: BuildOptions, effects: BuildEffects): Promise<BuildRun> {
  const { logger, writer } = effects;
  const clock = phaseClock();
  let parsedNow = 0;
  let workersUsed = 0;
  const overridesText = options.agenciesFile && existsSync(options.agenciesFile) ? readFileSync(options.agenciesFile, 'utf8') : '';
  const { overrides, errors: overrideErrors } = parseOverrides(overridesText);

  // The folder is listed (and every file stat'ed) on a worker thread while this one reads the cache.
  const listing = options.listing ?? listWithStatsAside(options.reportsDir);
  const salt = cacheSalt(overridesText);
  const cacheDir = options.cacheRoot ? cacheDirFor(options.cacheRoot, options.reportsDir, options.outDir) : null;
  // Every fact row of this build, cached or parsed now: summaries hold row numbers into it.
  // The cached rows' bytes are read on another thread meanwhile (`ready`).
  const { entries: cache, facts, ready } = cacheDir ? loadCache(cacheDir, salt) : { entries: new Map<string, CacheEntry>(), facts: new FactTable(), ready: Promise.resolve() };
  const reportFiles = writer.list('reports');
  const onDisk = new Set(reportFiles.flatMap((name) => shardOfFileName(name) ?? []));
  // What each shard file holds, by the cache: a shard file on disk with no cache entries is unknown, hence empty.
  const contents = new Map<string, Set<string>>();
  for (const entry of cache.values()) {
    if (!entry.written || entry.outcome.status !== 'parsed') continue;
    const shard = reportShard(entry.outcome.summary.id);
    if (!onDisk.has(shard)) continue;
    const set = contents.get(shard);
    if (set) set.add(entry.outcome.summary.id);
    else contents.set(shard, new Set([entry.outcome.summary.id]));
  }
  for (const shard of onDisk) if (!contents.has(shard)) contents.set(shard, new Set());
  // All of the above needs the cache only; the listing is awaited here, on its thread until now.
  const listed = await listing;
  const { rels, sizes, mtimes } = listed;
  if (rels.length === 0 && !options.allowEmpty) throw new EmptyReportsFolder(options.reportsDir, listed);
  const ids = assignIds(rels);

  /** The task that parses listed file i. */
  const taskAt = (i: number) => {
    const rel = rels[i] as string;
    const id = ids[i] as string;
    return { index: i, abs: listedPath(options.reportsDir, listed, i), file: rel, id, shard: reportShard(id), size: sizes[i] as number, mtimeMs: mtimes[i] as number };
  };
  /** What the build knows of listed file i (from the cache, or once parsed): in listing order, which is file order. */
  const entryAt = new Array<CacheEntry>(rels.length);
  const tasks: ReturnType<typeof taskAt>[] = [];
  const unchanged = new Set<string>();
  /** Files of the same size as cached but another mtime: their bytes decide (below). */
  const touched: { index: number; hit: CacheEntry }[] = [];
  rels.forEach((rel, i) => {
    const file = rel;
    const id = ids[i] as string;
    const shard = reportShard(id);
    const size = sizes[i] as number;
    const hit = cache.get(file);
    // A file that could not be read at all (sha256 '') is always tried again; so is a report
    // whose id changed (another file now shares its name) or whose record should be in a shard
    // file that is gone.
    const reusable =
      hit &&
      hit.outcome.sha256 !== '' &&
      hit.size === size &&
      (hit.outcome.status !== 'parsed' || hit.outcome.summary.id === id) &&
      !(hit.written && !contents.get(shard)?.has(id));
    if (!reusable) tasks.push(taskAt(i));
    else if (hit.mtimeMs !== mtimes[i]) touched.push({ index: i, hit });
    else {
      entryAt[i] = hit;
      if (hit.outcome.status === 'parsed') unchanged.add(id);
    }
  });
  // A fresh clone or checkout gives every file a new mtime: a file whose bytes hash as cached is
  // not parsed again (its entry is kept with the new mtime, so the cache saves it).
  if (touched.length > 0) {
    const hashes = await hashFiles(touched.map(({ index }) => listedPath(options.reportsDir, listed, index)), Math.max(0, options.workers));
    touched.forEach(({ index, hit }, k) => {
      if (hashes[k] !== hit.outcome.sha256) return void tasks.push(taskAt(index));
      entryAt[index] = { ...hit, mtimeMs: mtimes[index] as number };
      if (hit.outcome.status === 'parsed') unchanged.add(hit.outcome.summary.id);
    });
  }
  // In shard order, so that each shard's files finish close together and the shard is written then.
  tasks.sort((a, b) => (a.shard < b.shard ? -1 : a.shard > b.shard ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const sameBytes = touched.filter(({ index }) => entryAt[index] !== undefined).length;
  logger.info(
    `build-data: ${rels.length} files, ${rels.length - tasks.length} from cache` +
      (touched.length > 0 ? ` (${sameBytes} of them with a new mtime but the same bytes)` : '') +
      `, ${tasks.length} to parse`,
  );
  // Parsing adds a fact row for each report: more than the table has room for would grow it,
  // copying the cached rows' numbers before they are all read. Fewer are parsed meanwhile.
  if (tasks.length > facts.roomForRows()) await ready;
  clock.lap('list and cache');

  // Every file parsed by this run is a task, here or made for a re-parse below.
  const taskOf = new Map(tasks.map((t) => [t.file, t]));
  const record = (outcome: FileOutcome<Uint8Array>, task: { index: number; size: number; mtimeMs: number }) => {
    const kept: KeptOutcome =
      outcome.status === 'parsed'
        ? { ...outcome, summary: { ...outcome.summary, csv: asBuffer(outcome.summary.csv), fact: facts.add(outcome.summary.fact), file: outcome.file, sha256: outcome.sha256 } }
        : outcome;
    entryAt[task.index] = { file: outcome.file, size: task.size, mtimeMs: task.mtimeMs, outcome: kept };
  };
  const shards = new ShardAssembler(writer, contents, unchanged);
  const parse = async (batch: FileTask[], onRecord: (id: string, json: Buffer | null, summary: ReportSummary<Uint8Array> | null) => void) => {
    parsedNow += batch.length;
    const used = await parseFiles(batch, {
      workers: options.workers,
      minTasksForWorkers: options.minTasksForWorkers ?? 1000,
      overrides,
      warn: (m) => logger.warn(m),
      onResult: ({ outcome, json }) => {
        const task = taskOf.get(outcome.file);
        if (!task) throw new Error(`build-data bug: a result for ${outcome.file}, which was not asked for`);
        const id = task.id;
        record(outcome, task);
        const parsed = outcome.status === 'parsed' && json !== null;
        onRecord(id, parsed ? asBuffer(json) : null, parsed ? outcome.summary : null);
      },
    });
    workersUsed = Math.max(workersUsed, used);
  };
  for (const task of tasks) shards.expect(task.shard);
  await parse(tasks, (id, json, summary) => shards.receive(reportShard(id), id, json, summary ? duplicateKey(summary) : null));
  // Everything from here on may read the cached rows' bytes (or grow the table: a shard's missing records are parsed again).
  await ready;
  clock.lap('parse');

  for (let i = 0; i < rels.length; i++) if (entryAt[i] === undefined) throw new Error(`build-data bug: no result for ${rels[i]}`);
  const outcomes = entryAt.map((e) => e.outcome);
  // The parsed reports' summaries, in file order; each names its file, and is what the duplicate rule reads.
  const parsed: KeptSummary[] = [];
  for (const o of outcomes) if (o.status === 'parsed') parsed.push(o.summary);
  const dropped = pickDuplicates(parsed);
  const droppedFiles = new Set(dropped.map((d) => d.file));
  const used: KeptSummary[] = parsed
    .filter((s) => !droppedFiles.has(s.file))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // facts.json's worker starts now, and works while the shard files are settled.
  const factsBegun = beginFacts(used, facts);

  // Shards now hold every parsed report: drop the duplicates, add reports used now but never written.
  await shards.settle(used.map((s) => s.id), async (missing) => {
    const wanted = new Set(missing);
    const again = ids.flatMap((id, i) => (wanted.has(id) ? [taskAt(i)] : []));
    for (const task of again) taskOf.set(task.file, task);
    const json = new Map<string, Buffer>();
    await parse(again, (id, j) => j !== null && json.set(id, j));
    return json;
  });
  // Anything else in reports/ (a file of an older layout, a stray file) is not part of the dataset.
  for (const name of reportFiles) if (shardOfFileName(name) === null) writer.remove(`reports/${name}`);
  entryAt.forEach((entry, i) => {
    const written = entry.outcome.status === 'parsed' && shards.holds(reportShard(entry.outcome.summary.id), entry.outcome.summary.id);
    // A cached entry never written reads back with no `written` at all.
    if ((entry.written ?? false) === written) return;
    // A cached entry is replaced, so the cache sees it changed; one made by this run is ours to fill in.
    if (cache.get(entry.file) === entry) entryAt[i] = { ...entry, written };
    else entry.written = written;
  });
  clock.lap('shards');

  const notUsed: BuildReport['not_used'] = [
    ...outcomes.flatMap((o) => (o.status === 'unusable' ? [{ file: o.file, reason: o.reason as NotUsedReason, detail: o.detail }] : [])),
    ...dropped.map((d) => ({ file: d.file, reason: 'duplicate' as const, detail: d.reason })),
    ...listingNotUsed(listed),
  ].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const byReason: BuildReport['not_used_by_reason'] = {};
  for (const n of notUsed) byReason[n.reason] = (byReason[n.reason] ?? 0) + 1;
  const unreadable = new Set<NotUsedReason>(['empty', 'too_large', 'binary', 'unsupported', 'unreadable']);
  const applied = parsed.flatMap((s) => s.overrides.map((o) => ({ file: s.file, id: s.id, line: o.line, fields: o.fields })));

  const report: BuildReport = {
    schema_version: SCHEMA_VERSION,
    parser_version: PARSER_VERSION,
    resolver_version: RESOLVER_VERSION,
    totals: {
      files: rels.length + listed.problems.length,
      read: outcomes.filter((o) => !(o.status === 'unusable' && unreadable.has(o.reason))).length,
      parsed: parsed.length,
      parsed_with_diagnostics: parsed.filter((s) => s.diagnostics > 0).length,
      failed_checks: parsed.filter((s) => s.checksFailed > 0).length,
      used: used.length,
      not_used: notUsed.length,
      overrides_applied: applied.length,
    },
    not_used_by_reason: byReason,
    not_used: notUsed,
    duplicate_rule: DUPLICATE_RULE,
    names: nameNotes(listed, ids),
    overrides: { errors: overrideErrors, applied },
  };
  if (report.totals.used + report.totals.not_used !== report.totals.files) {
    throw new Error(`build-data bug: ${report.totals.files} files but ${report.totals.used} used + ${report.totals.not_used} not used`);
  }
  clock.lap('duplicates and report');
  // The cache is saved while the CSV zips deflate on the thread pool (writeOutputs returns at its first wait).
  const segments = cacheDir ? SegmentStore.load(cacheDir, salt) : SegmentStore.empty(salt);
  const outputs = writeOutputs(writer, used, facts, report, segments, factsBegun);
  let cacheSaved: Promise<void> = Promise.resolve();
  if (cacheDir) {
    cacheSaved = saveCache(cacheDir, salt, entryAt, entryAt.filter((e) => cache.get(e.file) !== e), facts);
  }
  await Promise.all([outputs, cacheSaved]);
  if (cacheDir) await segments.save(cacheDir);
  clock.lap(cacheDir ? 'outputs and cache' : 'outputs');
  logger.info(`build-data: time ${clock.summary()}`);
  return { report, parsedNow, workersUsed };
}
