/**
 * npm run collect -- --from FILE: saves the reports the listed addresses lead to into
 * data/reports/ and records where each came from in data/sources.csv (scripts/collect/run.ts).
 * Prints a progress line while it runs and a summary with every failure at the end; exits 1
 * when anything failed.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseAddressList } from '../src/lib/collect/input.ts';
import { DEFAULT_FETCH_OPTIONS } from './collect/fetcher.ts';
import { collect, type Counts } from './collect/run.ts';
import { summaryLines } from './collect/summary.ts';

const usage = `usage: npm run collect -- --from FILE [--reports DIR] [--sources FILE] [--delay SECONDS] [--timeout SECONDS] [--retries N] [--backoff SECONDS] [--max-mb N] [--refresh]
  FILE: one address a line (a report's page or a 年报 list column), optionally followed by a note; # starts a comment`;

const { values } = parseArgs({
  options: {
    from: { type: 'string' },
    reports: { type: 'string', default: 'data/reports' },
    sources: { type: 'string', default: 'data/sources.csv' },
    delay: { type: 'string', default: String(DEFAULT_FETCH_OPTIONS.delayMs / 1000) },
    timeout: { type: 'string', default: String(DEFAULT_FETCH_OPTIONS.timeoutMs / 1000) },
    retries: { type: 'string', default: String(DEFAULT_FETCH_OPTIONS.retries) },
    backoff: { type: 'string', default: String(DEFAULT_FETCH_OPTIONS.backoffMs / 1000) },
    'max-mb': { type: 'string', default: String(DEFAULT_FETCH_OPTIONS.maxBytes / 1024 / 1024) },
    refresh: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (values.help || !values.from) {
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}

const number = (name: 'delay' | 'timeout' | 'retries' | 'backoff' | 'max-mb') => {
  const value = Number(values[name]);
  if (!Number.isFinite(value) || value < 0) {
    console.error(`collect: --${name} must be a number ≥ 0, got "${values[name]}"`);
    process.exit(2);
  }
  return value;
};

const { addresses, problems } = parseAddressList(readFileSync(values.from, 'utf8'));
for (const p of problems) console.error(`collect: ${values.from} line ${p.line}: not an http(s) address: ${p.text}`);
if (addresses.length === 0) {
  console.error(`collect: no addresses in ${values.from}`);
  process.exit(2);
}

const interactive = process.stderr.isTTY;
let lastLine = 0;
const progress = (c: Counts, current: string) => {
  const line = `lists ${c.listPages} · saved ${c.saved} · unchanged ${c.unchanged} · skipped ${c.skipped} · failed ${c.failed} · ${current}`;
  if (interactive) process.stderr.write(`\r\x1b[K${line.slice(0, (process.stderr.columns ?? 120) - 1)}`);
  else if (Date.now() - lastLine > 5000) {
    lastLine = Date.now();
    process.stderr.write(`${line}\n`);
  }
};

const result = await collect(
  addresses,
  {
    reportsDir: values.reports,
    sourcesFile: values.sources,
    refresh: values.refresh,
    fetch: { delayMs: number('delay') * 1000, timeoutMs: number('timeout') * 1000, retries: number('retries'), backoffMs: number('backoff') * 1000, maxBytes: number('max-mb') * 1024 * 1024 },
  },
  { progress, now: () => new Date() },
);
if (interactive) process.stderr.write('\r\x1b[K');
for (const line of summaryLines(result, values.sources)) console.log(line);
process.exit(result.failed.length > 0 || problems.length > 0 ? 1 : 0);
