/**
 * `npm run build-data [-- --reports DIR --out DIR --agencies FILE --workers N --cache DIR|--no-cache --strict]`
 * data/reports/ → public/data/ (dataset, CSV downloads, build report). See README "Build and dataset".
 * --strict: exit 1 when any file is unusable (duplicates are not failures).
 * --print-peak-rss: print `peak_rss_mb: N` (this process and its worker threads) at the end, for the bench.
 * --min-worker-tasks N: work on the main thread when fewer files than N (default 1000).
 * A second build on the same output or cache folder exits at once (status 3), naming the first.
 */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { listWithStatsAside } from './lib/list-files.ts';

const { values } = parseArgs({
  options: {
    reports: { type: 'string', default: 'data/reports' },
    out: { type: 'string', default: 'public/data' },
    agencies: { type: 'string', default: 'data/agencies.csv' },
    cache: { type: 'string', default: '.cache/build-data' },
    'no-cache': { type: 'boolean', default: false },
    workers: { type: 'string', default: String(availableParallelism()) },
    strict: { type: 'boolean', default: false },
    'print-peak-rss': { type: 'boolean', default: false },
    'min-worker-tasks': { type: 'string', default: '1000' },
  },
});

if (!existsSync(values.reports) || !statSync(values.reports).isDirectory()) {
  console.error(`build-data: the reports folder ${values.reports} does not exist (or is not a folder)`);
  process.exit(2);
}
const workers = Number(values.workers);
const minTasksForWorkers = Number(values['min-worker-tasks']);
for (const [name, value] of [['workers', workers], ['min-worker-tasks', minTasksForWorkers]] as const) {
  if (!Number.isInteger(value) || value < 0) {
    console.error(`build-data: --${name} must be a whole number ≥ 0, got "${values[name]}"`);
    process.exit(2);
  }
}

// The folder is listed on its thread while the build's code loads here.
const listing = listWithStatsAside(values.reports);
// Awaited by the build; a failure before then is its to report.
listing.catch(() => {});
const [{ buildData }, { consoleLogger, fsWriter }, { summaryLines }, { LockHeld }] = await Promise.all([
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
      listing,
      outDir: values.out,
      agenciesFile: values.agencies || null,
      cacheRoot: values['no-cache'] ? null : values.cache,
      workers,
      minTasksForWorkers,
    },
    { logger: consoleLogger, writer: fsWriter(values.out) },
  );
} catch (e) {
  if (!(e instanceof LockHeld)) throw e;
  console.error(`build-data: ${e.message}`);
  process.exit(3);
}
const { report, extractedNow, parsedNow, workersUsed } = run;
for (const line of summaryLines(report)) console.log(line);
console.log(`build-data: extracted ${extractedNow} files and parsed ${parsedNow} texts now (${workersUsed > 0 ? `${workersUsed} worker threads` : 'main thread'})`);
if (values['print-peak-rss']) console.log(`peak_rss_mb: ${Math.round(process.resourceUsage().maxRSS / 1024)}`);
const unusable = report.not_used.filter((n) => n.reason !== 'duplicate');
if (values.strict && (unusable.length > 0 || report.overrides.errors.length > 0)) {
  console.error(`build-data --strict: ${unusable.length} unusable files, ${report.overrides.errors.length} errors in the overrides file`);
  process.exit(1);
}
