/**
 * files → records → dataset + CSV + build report: the whole build-data run, with its side
 * effects passed in. Steps: list the reports folder; reuse cached results for files whose size,
 * mtime and key are unchanged; parse the rest on worker threads (writing each reports/<id>.json as
 * it arrives); drop duplicates; write the aggregate files; remove outputs no longer produced;
 * save the cache.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { RESOLVER_VERSION } from '../../src/lib/agency/index.ts';
import type { BuildReport, NotUsedReason } from '../../src/lib/dataset/build-report.ts';
import { DUPLICATE_RULE, pickDuplicates } from '../../src/lib/dataset/duplicates.ts';
import { parseOverrides } from '../../src/lib/dataset/overrides.ts';
import { PARSER_VERSION } from '../../src/lib/parse/index.ts';
import { SCHEMA_VERSION } from '../../src/lib/schema.ts';
import { cacheDirFor, cacheSalt, entryKey, loadCache, saveCache, type CacheEntry } from './cache.ts';
import type { Logger, OutputWriter } from './effects.ts';
import type { FileOutcome, FileTask, ReportSummary } from './process-file.ts';
import { reportPath } from './report-path.ts';
import { parseFiles } from './worker-pool.ts';
import { writeOutputs } from './write-outputs.ts';

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
}

export interface BuildEffects {
  logger: Logger;
  writer: OutputWriter;
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

/** Ids from base names; a name two files share (x.txt, x.pdf) gets its extension appended. */
export function assignIds(files: readonly string[]): string[] {
  const base = files.map((f) => (f.split('/').pop() ?? f).replace(/\.[^.]+$/, ''));
  const count = new Map<string, number>();
  for (const b of base) count.set(b, (count.get(b) ?? 0) + 1);
  const used = new Set<string>();
  return files.map((f, i) => {
    const b = base[i] as string;
    let id = (count.get(b) ?? 0) > 1 ? `${b}-${(f.match(/\.([^./]+)$/)?.[1] ?? 'file').toLowerCase()}` : b;
    for (let n = 2; used.has(id); n++) id = `${b}-${n}`;
    used.add(id);
    return id;
  });
}

/** Wall-clock time of each build step, for the summary line (`list 0.4 s, parse 31.2 s, …`). */
function phaseClock() {
  const laps: [string, number][] = [];
  let last = performance.now();
  return {
    lap(name: string) {
      const now = performance.now();
      laps.push([name, now - last]);
      last = now;
    },
    summary: () => laps.map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`).join(', '),
  };
}

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

  const rels = listFiles(options.reportsDir);
  const ids = assignIds(rels);
  const prefix = relative(process.cwd(), options.reportsDir).split(sep).join('/');
  const salt = cacheSalt(overridesText);
  const cacheDir = options.cacheRoot ? cacheDirFor(options.cacheRoot, options.reportsDir, options.outDir) : null;
  const cache = cacheDir ? loadCache(cacheDir) : new Map<string, CacheEntry>();
  const written = new Set(writer.list('reports'));

  const entries = new Map<string, CacheEntry>();
  const tasks: FileTask[] = [];
  const stats = new Map<string, { size: number; mtimeMs: number }>();
  rels.forEach((rel, i) => {
    const abs = join(options.reportsDir, rel);
    const file = prefix ? `${prefix}/${rel}` : rel;
    const id = ids[i] as string;
    const { size, mtimeMs } = statSync(abs);
    stats.set(file, { size, mtimeMs });
    const hit = cache.get(file);
    // A file that could not be read at all (sha256 '') is always tried again.
    const fresh =
      hit &&
      hit.outcome.sha256 !== '' &&
      hit.size === size &&
      hit.mtimeMs === mtimeMs &&
      hit.key === entryKey(salt, hit.outcome.sha256, file, id);
    if (fresh) entries.set(file, hit);
    else tasks.push({ abs, file, id });
  });
  logger.info(`build-data: ${rels.length} files, ${rels.length - tasks.length} from cache, ${tasks.length} to parse`);
  clock.lap('list and cache');

  const record = (outcome: FileOutcome, id: string) => {
    const st = stats.get(outcome.file) ?? { size: 0, mtimeMs: 0 };
    entries.set(outcome.file, { file: outcome.file, ...st, key: entryKey(salt, outcome.sha256, outcome.file, id), outcome });
  };
  const idOf = new Map(rels.map((rel, i) => [prefix ? `${prefix}/${rel}` : rel, ids[i] as string]));
  const absOf = new Map(rels.map((rel) => [prefix ? `${prefix}/${rel}` : rel, join(options.reportsDir, rel)]));
  const parse = async (batch: FileTask[]) => {
    parsedNow += batch.length;
    const used = await parseFiles(batch, {
      workers: options.workers,
      outDir: writer.root ?? null,
      minTasksForWorkers: options.minTasksForWorkers ?? 1000,
      overrides,
      warn: (m) => logger.warn(m),
      onResult: ({ outcome, json }) => {
        const id = idOf.get(outcome.file) as string;
        if (outcome.status === 'parsed') {
          // json is null when the worker wrote the file itself.
          if (json !== null) writer.write(reportPath(id), json);
          written.add(reportPath(id).slice('reports/'.length));
        }
        record(outcome, id);
      },
    });
    workersUsed = Math.max(workersUsed, used);
  };
  await parse(tasks);
  clock.lap('parse');

  const outcomes = [...entries.values()].map((e) => e.outcome).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const parsed = outcomes.flatMap((o) => (o.status === 'parsed' ? [{ file: o.file, summary: o.summary }] : []));
  const dropped = pickDuplicates(
    parsed.map(({ file, summary: s }) => ({ file, agency: s.agency, year: s.year, checksFailed: s.checksFailed, warnings: s.warnings, cellsRead: s.cellsRead })),
  );
  const droppedFiles = new Set(dropped.map((d) => d.file));
  const used: ReportSummary[] = parsed
    .filter((p) => !droppedFiles.has(p.file))
    .map((p) => p.summary)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  // A cached report whose JSON is not in the output folder (a new out folder, or last build's
  // dropped duplicate now kept) is parsed again to write it.
  const missing = used.filter((s) => !written.has(reportPath(s.id).slice('reports/'.length)));
  if (missing.length > 0) {
    const fileOf = new Map([...idOf].map(([file, id]) => [id, file]));
    await parse(missing.map((s) => ({ abs: absOf.get(fileOf.get(s.id) as string) as string, file: fileOf.get(s.id) as string, id: s.id })));
  }
  const keep = new Set(used.map((s) => reportPath(s.id).slice('reports/'.length)));
  // `written` is the folder's listing at the start plus what this run wrote: remove the rest.
  for (const name of written) if (!keep.has(name)) writer.remove(`reports/${name}`);

  const notUsed: BuildReport['not_used'] = [
    ...outcomes.flatMap((o) => (o.status === 'unusable' ? [{ file: o.file, reason: o.reason as NotUsedReason, detail: o.detail }] : [])),
    ...dropped.map((d) => ({ file: d.file, reason: 'duplicate' as const, detail: d.reason })),
  ].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const byReason: BuildReport['not_used_by_reason'] = {};
  for (const n of notUsed) byReason[n.reason] = (byReason[n.reason] ?? 0) + 1;
  const unreadable = new Set<NotUsedReason>(['empty', 'too_large', 'binary', 'unsupported', 'unreadable']);
  const applied = parsed.flatMap(({ file, summary: s }) => s.overrides.map((o) => ({ file, id: s.id, line: o.line, fields: o.fields })));

  const report: BuildReport = {
    schema_version: SCHEMA_VERSION,
    parser_version: PARSER_VERSION,
    resolver_version: RESOLVER_VERSION,
    totals: {
      files: rels.length,
      read: outcomes.filter((o) => !(o.status === 'unusable' && unreadable.has(o.reason))).length,
      parsed: parsed.length,
      parsed_with_warnings: parsed.filter((p) => p.summary.warnings > 0).length,
      failed_checks: parsed.filter((p) => p.summary.checksFailed > 0).length,
      used: used.length,
      not_used: notUsed.length,
      overrides_applied: applied.length,
    },
    not_used_by_reason: byReason,
    not_used: notUsed,
    duplicate_rule: DUPLICATE_RULE,
    overrides: { errors: overrideErrors, applied },
  };
  if (report.totals.used + report.totals.not_used !== report.totals.files) {
    throw new Error(`build-data bug: ${report.totals.files} files but ${report.totals.used} used + ${report.totals.not_used} not used`);
  }
  clock.lap('duplicates and report');
  await writeOutputs(writer, used, report);
  clock.lap('outputs');
  if (cacheDir) {
    const all = [...entries.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    saveCache(cacheDir, all, all.filter((e) => cache.get(e.file) !== e));
    clock.lap('save cache');
  }
  logger.info(`build-data: time ${clock.summary()}`);
  return { report, parsedNow, workersUsed };
}
