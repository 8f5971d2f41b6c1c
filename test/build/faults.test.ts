/**
 * The build under faults: damaged cache entries, builds killed at each phase, two builds at once.
 * After each, a normal build must publish exactly what a build without the cache publishes.
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReports, loadSeeds, random } from '../../bench/generate.ts';
import { buildData, type BuildRun } from '../../scripts/lib/build.ts';
import { fsWriter, listLogger, silentLogger } from '../../scripts/lib/effects.ts';
import { LOCK_FILE } from '../../scripts/lib/lock.ts';
import type { Fingerprints } from '../../scripts/lib/stages.ts';
import { readFactFiles } from '../../src/lib/dataset/fact-columns.ts';
import { snapshot } from '../support/snapshot.ts';

const SEEDS = readdirSync('data/reports').filter((f) => f.endsWith('.txt')).sort();
let root: string;
let reports: string;
let agencies: string;
let cache: string;
const FP: Fingerprints = { extract: 'e1', parse: 'p1', resolve: 'r1' };

function build(out: string, options: { cache?: string | null; fingerprints?: Fingerprints; messages?: string[] } = {}): Promise<BuildRun> {
  const messages = options.messages;
  const logger = messages ? listLogger(messages) : silentLogger;
  return buildData(
    { reportsDir: reports, outDir: out, agenciesFile: agencies, cacheRoot: options.cache === undefined ? cache : options.cache, workers: 0, fingerprints: options.fingerprints ?? FP },
    { logger, writer: fsWriter(out) },
  );
}

/** What a build without a cache publishes for the folder as it is now. */
async function reference(): Promise<Map<string, Buffer>> {
  const out = join(root, `ref-${Math.random().toString(36).slice(2)}`);
  await build(out, { cache: null });
  const files = snapshot(out);
  rmSync(out, { recursive: true, force: true });
  return files;
}

/** Every file under a folder (relative paths). */
function filesUnder(dir: string, rel = ''): string[] {
  if (!existsSync(join(dir, rel))) return [];
  return readdirSync(join(dir, rel), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(dir, join(rel, e.name)) : [join(rel, e.name)]));
}

const entries = (stage: string) => filesUnder(join(cache, stage)).map((f) => join(cache, stage, f));

/** One of the faults a disk or a killed writer leaves, chosen by `rnd`. */
function damage(path: string, rnd: () => number): string {
  const bytes = readFileSync(path);
  const kind = Math.floor(rnd() * 4);
  if (kind === 0) {
    for (let i = 0; i < 1 + Math.floor(rnd() * 10); i++) {
      const at = Math.floor(rnd() * bytes.length);
      bytes[at] = (bytes[at] as number) ^ (1 << Math.floor(rnd() * 8));
    }
    writeFileSync(path, bytes);
    return 'bit flips';
  }
  if (kind === 1) return truncateSync(path, Math.floor(rnd() * bytes.length)), 'truncated';
  if (kind === 2) return appendFileSync(path, Buffer.from([0, 255, 10, 123])), 'junk appended';
  writeFileSync(path, Buffer.from(Array.from({ length: bytes.length }, () => Math.floor(rnd() * 256))));
  return 'replaced by junk';
}

/** Builds `out` on an empty cache, then damages every entry of these stages; returns their paths. */
async function buildThenDamage(out: string, seed: number, stages: readonly string[]): Promise<string[]> {
  rmSync(cache, { recursive: true, force: true });
  await build(out);
  const rnd = random(seed);
  const damaged = stages.flatMap(entries);
  for (const path of damaged) damage(path, rnd);
  return damaged;
}

function cli(out: string, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['scripts/run-bundled.mjs', 'scripts/build-data.ts', '--reports', reports, '--out', out, '--cache', cache, '--agencies', agencies, '--min-worker-tasks', '0', '--workers', '2'], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'build-faults-'));
  reports = join(root, 'reports');
  cache = join(root, 'cache');
  mkdirSync(join(reports, 'more'), { recursive: true });
  for (const f of SEEDS) copyFileSync(join('data/reports', f), join(reports, f));
  generateReports(loadSeeds('data/reports'), join(reports, 'syn'), 12, 7);
  const page = readFileSync(join('data/reports', SEEDS[4] as string), 'utf8');
  writeFileSync(join(reports, 'more', 'page.html'), `<html><head><meta charset="utf-8"></head><body>${page.split('\n').map((l) => `<p>${l}</p>`).join('')}</body></html>`);
  writeFileSync(join(reports, 'broken.txt'), Buffer.from([0x25, 0x00, 0xff, 0x13, 0x00]));
  agencies = join(root, 'agencies.csv');
  writeFileSync(agencies, 'name,id,county,sector,note\n');
}, 300_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('each stage is keyed by its own inputs', () => {
  it('a parser change parses again and extracts nothing; an extractor change extracts again, and parses only texts that changed', async () => {
    const out = join(root, 'out-keys');
    const cold = await build(out);
    // The web page and the binary file: plain text has no stage-1 entry to make.
    expect(cold.extractedNow).toBe(2);
    const ref = await reference();
    expect(snapshot(out)).toEqual(ref);
    // Records are kept a shard at a time: one parse entry per shard, not one per file.
    const parseEntries = entries('parse').length;
    expect(parseEntries).toBe(entries('shard').length);
    const parser = await build(out, { fingerprints: { extract: 'e1', parse: 'p2', resolve: 'r1' } });
    expect(parser.extractedNow).toBe(0);
    expect(parser.parsedNow).toBe(cold.parsedNow);
    // The old parser's entries, which no file can use now, are gone: the cache does not grow with each change.
    expect(entries('parse').length).toBe(parseEntries);
    const extractor = await build(out, { fingerprints: { extract: 'e2', parse: 'p2', resolve: 'r1' } });
    expect(extractor.extractedNow).toBe(cold.extractedNow);
    // The new extractor gives the same texts: their records are the parser's already.
    expect(extractor.parsedNow).toBe(0);
    expect(snapshot(out)).toEqual(ref);
    // A change to placing and joining records makes every shard's entry again from the records.
    const shardEntries = entries('shard').length;
    const resolver = await build(out, { fingerprints: { extract: 'e2', parse: 'p2', resolve: 'r2' } });
    expect([resolver.extractedNow, resolver.parsedNow, resolver.cache.shard?.hit ?? 0]).toEqual([0, 0, 0]);
    expect(resolver.cache.shard?.made).toBe(shardEntries);
    expect(entries('shard').length).toBe(shardEntries);
    expect(snapshot(out)).toEqual(ref);
  }, 300_000);

  it('an agencies.csv edit extracts and parses nothing, and publishes what a build without cache does', async () => {
    const out = join(root, 'out-agencies');
    await build(out);
    const before = readFileSync(agencies, 'utf8');
    const agency = readFactFiles((file) => readFileSync(join(out, file)))?.columns.agency?.find((name) => name !== null) as string;
    writeFileSync(agencies, `${before}${agency},,,finance,test\n`);
    try {
      const run = await build(out);
      expect([run.extractedNow, run.parsedNow]).toEqual([0, 0]);
      expect(run.report.totals.overrides_applied).toBeGreaterThan(0);
      expect(snapshot(out)).toEqual(await reference());
    } finally {
      writeFileSync(agencies, before);
    }
  }, 300_000);

  it('takes the fingerprints from the code: each stage its own, changing with the code it runs', async () => {
    const { stageFingerprints } = await import('../../scripts/lib/build.ts');
    const a = stageFingerprints();
    expect(a.extract).toMatch(/^[0-9a-f]{64}$/);
    expect(a.parse).not.toBe(a.extract);
    expect(stageFingerprints()).toEqual(a);
  });
});

describe('damaged cache entries are misses, rebuilt, and said', () => {
  it('rebuilds every damaged parse entry without extracting, and says so', async () => {
    const out = join(root, 'out-damage');
    rmSync(cache, { recursive: true, force: true });
    await build(out);
    const rnd = random(11);
    const parsed = entries('parse');
    // Damaged shard entries send the build to each file's parse entry.
    for (const path of [...parsed, ...entries('shard')]) damage(path, rnd);
    const messages: string[] = [];
    const run = await build(out, { messages });
    expect(run.extractedNow).toBe(0);
    expect(run.cache.parse?.damaged).toBe(parsed.length);
    expect(messages.join('\n')).toContain(`(${parsed.length} damaged entries rebuilt)`);
    expect(snapshot(out)).toEqual(await reference());
  }, 300_000);

  it('rebuilds damaged shard entries from the parse entries, reading no file', async () => {
    const out = join(root, 'out-damage');
    const shards = await buildThenDamage(out, 14, ['shard']);
    const run = await build(out);
    expect([run.extractedNow, run.parsedNow, run.cache.shard?.damaged]).toEqual([0, 0, shards.length]);
    expect(run.cache.parse?.hit).toBe(shards.length);
    expect(snapshot(out)).toEqual(await reference());
  }, 300_000);

  it('writes damaged shard files under reports/ again from the parse entries, parsing nothing, and says so', async () => {
    const out = join(root, 'out-damage');
    rmSync(cache, { recursive: true, force: true });
    await build(out);
    const rnd = random(15);
    const published = filesUnder(join(out, 'reports')).map((f) => join(out, 'reports', f));
    expect(published.length).toBeGreaterThan(1);
    for (const path of published) damage(path, rnd);
    const messages: string[] = [];
    const run = await build(out, { messages });
    // Each shard is staged again from its parse entry: its files are read to be hashed, not parsed.
    expect([run.extractedNow, run.parsedNow, run.cache.parse?.hit]).toEqual([0, 0, published.length]);
    expect(messages.join('\n')).toContain(`${published.length} files under reports/ did not hold their records: written again`);
    expect(snapshot(out)).toEqual(await reference());
  }, 300_000);

  it('rebuilds damaged extract entries (and the list of files seen) by reading the files again', async () => {
    const out = join(root, 'out-damage');
    rmSync(cache, { recursive: true, force: true });
    await build(out);
    const rnd = random(12);
    for (const path of [...entries('extract'), ...entries('parse'), ...entries('shard'), ...entries('seen')]) damage(path, rnd);
    const run = await build(out);
    expect(run.cache.extract?.damaged).toBe(entries('extract').length);
    expect(run.extractedNow).toBe(entries('extract').length);
    expect(snapshot(out)).toEqual(await reference());
  }, 300_000);

  it('deflates damaged zip segments again, and says so', async () => {
    const out = join(root, 'out-damage');
    const segments = await buildThenDamage(out, 16, ['deflate']);
    expect(segments.length).toBeGreaterThan(0);
    const messages: string[] = [];
    await build(out, { messages });
    expect(messages.join('\n')).toContain(`zip segments ${segments.length} made now, 0 from the cache (${segments.length} damaged entries rebuilt)`);
    expect(snapshot(out)).toEqual(await reference());
  }, 300_000);

  it('never publishes a wrong byte, over many rounds of random faults in random cache files and published shard files', async () => {
    const out = join(root, 'out-damage');
    const ref = await reference();
    const rnd = random(13);
    for (let round = 0; round < 6; round++) {
      const published = filesUnder(join(out, 'reports')).map((f) => join(out, 'reports', f));
      const all = [...entries('extract'), ...entries('parse'), ...entries('shard'), ...entries('seen'), ...entries('deflate'), ...published];
      for (const path of all) if (rnd() < 0.3) damage(path, rnd);
      await build(out);
      expect(snapshot(out), `round ${round}`).toEqual(ref);
    }
  }, 300_000);
});

describe('killed builds', () => {
  let unchangedReference: Map<string, Buffer>;
  beforeAll(async () => {
    unchangedReference = await reference();
  }, 300_000);

  // before-rename:3 stops a worker writing a cache entry (cold cache); before-rename:25 the main thread writing an output file.
  const POINTS = ['listed', 'staging:5', 'before-rename:3', 'staged', 'shards-written', 'csv-written', 'before-rename:25', 'before-manifest'];

  it.each(POINTS)('killed at %s: the next build publishes what a build without cache does', (point) => {
    const out = join(root, `out-kill`);
    // A cold cache for the points in the stages, so that they write entries (and can be killed writing one).
    if (['listed', 'staging:5', 'before-rename:3'].includes(point)) rmSync(cache, { recursive: true, force: true });
    // No output to write otherwise (a file is written only when its bytes change).
    if (point === 'before-rename:25') rmSync(out, { recursive: true, force: true });
    const killed = cli(out, { BUILD_DATA_KILL_AT: point });
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    const next = cli(out);
    expect(next.status, next.stderr).toBe(0);
    expect(next.stderr).toMatch(/taking over the lock .* of process \d+, which is gone/);
    expect(snapshot(out)).toEqual(withLock(unchangedReference, out));
  }, 300_000);

  it('a build killed after writing its shards, then the edits undone and the new files deleted: nothing of the killed run stays', async () => {
    const out = join(root, 'out-undo');
    expect(cli(out).status).toBe(0);
    const edited = join(reports, SEEDS[2] as string);
    const original = readFileSync(edited);
    writeFileSync(edited, original.toString('utf8').replace(/(\d)(\s*\|)/, '9$1$2'));
    generateReports(loadSeeds('data/reports'), join(reports, 'new'), 3, 99, 500);
    expect(cli(out, { BUILD_DATA_KILL_AT: 'shards-written' }).signal).toBe('SIGKILL');
    writeFileSync(edited, original);
    rmSync(join(reports, 'new'), { recursive: true });
    // The edited file has its old bytes but a new mtime; the deleted files' ids must be gone.
    const next = cli(out);
    expect(next.status, next.stderr).toBe(0);
    expect(snapshot(out)).toEqual(withLock(await reference(), out));
  }, 300_000);
});

describe('one build at a time', () => {
  it('a second build started with the first exits at once naming it, or runs after it; the next build is right', async () => {
    const out = join(root, 'out-two');
    const ref = await reference();
    for (let round = 0; round < 4; round++) {
      const start = () =>
        new Promise<{ status: number | null; stderr: string }>((done) => {
          const child = spawn(process.execPath, ['scripts/run-bundled.mjs', 'scripts/build-data.ts', '--reports', reports, '--out', out, '--cache', cache, '--agencies', agencies, '--workers', '0']);
          let stderr = '';
          child.stderr.on('data', (d) => (stderr += d));
          child.on('exit', (status) => done({ status, stderr }));
        });
      const first = start();
      // Together, then staggered by a little more each round.
      await new Promise((r) => setTimeout(r, round * 60));
      const results = await Promise.all([first, start()]);
      for (const r of results) {
        expect([0, 3], r.stderr).toContain(r.status);
        if (r.status === 3) expect(r.stderr).toMatch(/another build-data \(pid \d+\) is writing/);
      }
      expect(results.some((r) => r.status === 0)).toBe(true);
      expect(existsSync(join(out, LOCK_FILE))).toBe(false);
      expect(cli(out).status).toBe(0);
      expect(snapshot(out), `round ${round}`).toEqual(ref);
    }
  }, 300_000);

  it('a lock held by a live process stops the build before it writes anything', async () => {
    const out = join(root, 'out-held');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, LOCK_FILE), `${process.pid} ${(await import('node:os')).hostname()}\n`);
    const run = cli(out);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain(`another build-data (pid ${process.pid}) is writing ${out}`);
    expect(readdirSync(out)).toEqual([LOCK_FILE]);
    expect(statSync(join(out, LOCK_FILE)).size).toBeGreaterThan(0);
  });
});

/** The reference as the CLI leaves the folder (no lock file once it ends). */
function withLock(ref: Map<string, Buffer>, out: string): Map<string, Buffer> {
  expect(existsSync(join(out, LOCK_FILE))).toBe(false);
  return ref;
}
