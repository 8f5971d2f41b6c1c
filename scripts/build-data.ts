/**
 * `npm run build-data [-- --reports DIR --out DIR --agencies FILE --sources FILE --workers N --cache DIR|--no-cache --strict --allow-empty]`
 * data/reports/ → public/data/ (dataset, CSV downloads, build report). See README "Build and dataset".
 * --strict: exit 1 when any file is unusable (duplicates and folders linked twice are not failures)
 *   or data/agencies.csv has any error.
 * --allow-empty: build from a reports folder with no files (else refused: it would empty the dataset).
 * --agencies FILE: the corrections file (default data/agencies.csv, used when it exists); a file
 *   named here that does not exist is an error; --agencies '' uses none.
 * --sources FILE: where each report was published (default data/sources.csv, used when it exists;
 *   written by npm run collect); the same rules as --agencies. --strict also fails on a bad row.
 * --print-peak-rss: print `peak_rss_mb: N` (this process and its worker threads) at the end, for the bench.
 * --min-worker-tasks N: work on the main thread when fewer files than N (default 1000).
 * A second build on the same output or cache folder exits at once (status 3), naming the first.
 */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { InputError } from './lib/input-error.ts';

const USAGE = 'usage: npm run build-data -- [--reports DIR] [--out DIR] [--agencies FILE] [--sources FILE] [--workers N] [--cache DIR | --no-cache] [--strict] [--allow-empty]';
const DEFAULT_AGENCIES = 'data/agencies.csv';
const DEFAULT_SOURCES = 'data/sources.csv';

/** Stops the build with a message that says what is wrong and what to do (exit 2: nothing was built). */
function refuse(message: string): never {
  console.error(`build-data: ${message}`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    options: {
      reports: { type: 'string', default: 'data/reports' },
      out: { type: 'string', default: 'public/data' },
      agencies: { type: 'string' },
      sources: { type: 'string' },
      cache: { type: 'string', default: '.cache/build-data' },
      'no-cache': { type: 'boolean', default: false },
      workers: { type: 'string', default: String(availableParallelism()) },
      strict: { type: 'boolean', default: false },
      'allow-empty': { type: 'boolean', default: false },
      'print-peak-rss': { type: 'boolean', default: false },
      'min-worker-tasks': { type: 'string', default: '1000' },
      help: { type: 'boolean', default: false },
    },
  });
} catch (cause) {
  refuse(`${cause instanceof Error ? cause.message : String(cause)}\n${USAGE}`);
}
const { values } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

if (!existsSync(values.reports) || !statSync(values.reports).isDirectory()) {
  refuse(`the reports folder ${values.reports} does not exist (or is not a folder): give the folder of reports with --reports DIR`);
}
/** A small CSV file to read (agencies.csv, sources.csv), or null for none: one named on the command line must be a file. */
function csvFile(named: string | undefined, fallback: string, what: string, flag: string): string | null {
  if (named === '') return null;
  const path = named ?? fallback;
  let stats;
  try {
    stats = statSync(path);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (named === undefined && code === 'ENOENT') return null;
    refuse(`${what} ${path} ${code === 'ENOENT' ? 'does not exist' : `cannot be read (${code})`}: give the path of ${fallback.slice(fallback.lastIndexOf('/') + 1)} with --${flag} FILE, or --${flag} '' for none`);
  }
  if (!stats.isFile()) refuse(`${what} ${path} is not a file: give the path of ${fallback.slice(fallback.lastIndexOf('/') + 1)} with --${flag} FILE, or --${flag} '' for none`);
  return path;
}
const agencies = csvFile(values.agencies, DEFAULT_AGENCIES, 'the corrections file', 'agencies');
const sources = csvFile(values.sources, DEFAULT_SOURCES, 'the sources file', 'sources');
const workers = Number(values.workers);
const minTasksForWorkers = Number(values['min-worker-tasks']);
for (const [name, value] of [['workers', workers], ['min-worker-tasks', minTasksForWorkers]] as const) {
  if (!Number.isInteger(value) || value < 0) refuse(`--${name} must be a whole number ≥ 0, got "${values[name]}"`);
}

const [{ buildData }, { consoleLogger, fsWriter }, { NOT_FAULTS, summaryLines }, { LockHeld }] = await Promise.all([
  import('./lib/build.ts'),
  import('./lib/effects.ts'),
  import('../src/lib/dataset/build-report.ts'),
  import('./lib/lock.ts'),
]);
let run: Awaited<ReturnType<typeof buildData>>;
try {
  run = await buildData(
    {
      reportsDir: values.reports,
      outDir: values.out,
      agenciesFile: agencies,
      sourcesFile: sources,
      cacheRoot: values['no-cache'] ? null : values.cache,
      workers,
      minTasksForWorkers,
      allowEmpty: values['allow-empty'],
    },
    { logger: consoleLogger, writer: fsWriter(values.out) },
  );
} catch (cause) {
  if (cause instanceof LockHeld) {
    console.error(`build-data: ${cause.message}`);
    process.exit(3);
  }
  if (cause instanceof InputError || (cause as Error | null)?.name === 'InputError') refuse((cause as Error).message);
  // Not a mistake in what was given: a bug, or the disk (full, not writable). The message first, the trace for a bug report.
  const error = cause instanceof Error ? cause : new Error(String(cause));
  console.error(`build-data failed: ${error.message}\n(if this is not about the disk or the output folder ${values.out}, please report it with what follows)\n${error.stack ?? ''}`);
  process.exit(1);
}
const { report, extractedNow, parsedNow, workersUsed } = run;
for (const line of summaryLines(report)) console.log(line);
console.log(`build-data: extracted ${extractedNow} files and parsed ${parsedNow} texts now (${workersUsed > 0 ? `${workersUsed} worker threads` : 'main thread'})`);
if (values['print-peak-rss']) console.log(`peak_rss_mb: ${Math.round(process.resourceUsage().maxRSS / 1024)}`);
const unusable = report.not_used.filter((n) => !NOT_FAULTS.includes(n.reason));
if (values.strict && (unusable.length > 0 || report.overrides.errors.length > 0 || report.sources.errors.length > 0)) {
  const sourceErrors = report.sources.errors.length > 0 ? `, ${report.sources.errors.length} errors in ${sources ?? 'the sources file'}` : '';
  console.error(`build-data --strict: ${unusable.length} unusable files, ${report.overrides.errors.length} errors in ${agencies ?? 'the corrections file'}${sourceErrors} (see build-report.json)`);
  process.exit(1);
}
