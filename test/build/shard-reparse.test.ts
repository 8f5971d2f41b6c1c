/**
 * A shard whose parse entry must be made again (one of its files edited, or a file added to it)
 * parses only the files whose text the last build did not read: the others take their results
 * from the last build's entry of the shard. The dataset is the same bytes as a build without a
 * cache; a parser change still parses every file.
 */
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildData, type BuildRun } from '../../scripts/lib/build.ts';
import { fsWriter, listLogger, silentLogger } from '../../scripts/lib/effects.ts';
import type { Fingerprints } from '../../scripts/lib/stages.ts';
import { reportShard } from '../../src/lib/dataset/shards.ts';
import { snapshot } from '../support/snapshot.ts';

const SEEDS = readdirSync('data/reports').filter((f) => f.endsWith('.txt')).sort();
const FP: Fingerprints = { extract: 'e1', parse: 'p1', resolve: 'r1' };

/** `count` report ids (file names without .txt) that fall in one shard. */
function idsInOneShard(count: number): string[] {
  const byShard = new Map<string, string[]>();
  for (let k = 0; ; k++) {
    const id = `r${k}`;
    const shard = reportShard(id);
    const ids = byShard.get(shard) ?? [];
    ids.push(id);
    byShard.set(shard, ids);
    if (ids.length === count) return ids;
  }
}

let root: string;
let reports: string;
const ids = idsInOneShard(5);

function build(out: string, cache: string | null, fingerprints = FP, messages?: string[]): Promise<BuildRun> {
  return buildData({ reportsDir: reports, outDir: out, agenciesFile: null, cacheRoot: cache, workers: 0, fingerprints }, { logger: messages ? listLogger(messages) : silentLogger, writer: fsWriter(out) });
}

/** The dataset a build without a cache makes of the folder as it is now. */
async function uncached(): Promise<Map<string, Buffer>> {
  const out = join(root, 'uncached');
  rmSync(out, { recursive: true, force: true });
  await build(out, null);
  return snapshot(out);
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'shard-reparse-'));
  reports = join(root, 'reports');
  mkdirSync(reports);
  // Four of the five ids now (the fifth is added later), each a seed's text.
  ids.slice(0, 4).forEach((id, i) => writeFileSync(join(reports, `${id}.txt`), readFileSync(join('data/reports', SEEDS[i] as string))));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a shard made again', () => {
  const out = () => join(root, 'out');
  const cache = () => join(root, 'cache');

  it('parses only the edited file of the shard, and writes what a build without a cache writes', async () => {
    expect((await build(out(), cache())).parsedNow).toBe(4);
    appendFileSync(join(reports, `${ids[1]}.txt`), '\n（本报告完）\n');
    const edited = await build(out(), cache());
    expect([edited.extractedNow, edited.parsedNow]).toEqual([0, 1]);
    expect(snapshot(out())).toEqual(await uncached());
  });

  it('parses only a file added to the shard', async () => {
    writeFileSync(join(reports, `${ids[4]}.txt`), readFileSync(join('data/reports', SEEDS[4] as string)));
    const added = await build(out(), cache());
    expect(added.parsedNow).toBe(1);
    expect(added.report.totals.used).toBe(5);
    expect(snapshot(out())).toEqual(await uncached());
  });

  it('parses the whole shard again when a file left it, or the parser changed', async () => {
    rmSync(join(reports, `${ids[0]}.txt`));
    appendFileSync(join(reports, `${ids[2]}.txt`), '\n（完）\n');
    // The last entry's key holds the text of the file that left: it is not found, and all four are parsed.
    expect((await build(out(), cache())).parsedNow).toBe(4);
    expect(snapshot(out())).toEqual(await uncached());
    appendFileSync(join(reports, `${ids[3]}.txt`), '\n（完）\n');
    expect((await build(out(), cache(), { ...FP, parse: 'p2' })).parsedNow).toBe(4);
  });

  it('parses the whole shard again when the last entry is damaged, and says so apart from the entries it rebuilt', async () => {
    const entries = join(cache(), 'parse');
    for (const dir of readdirSync(entries)) for (const name of readdirSync(join(entries, dir))) appendFileSync(join(entries, dir, name), 'junk');
    appendFileSync(join(reports, `${ids[4]}.txt`), '\n（完）\n');
    const messages: string[] = [];
    const run = await build(out(), cache(), { ...FP, parse: 'p2' }, messages);
    expect(run.parsedNow).toBe(4);
    const summary = messages.find((m) => m.includes('parse ')) ?? '';
    expect(summary).toContain("parse 1 made now, 0 from the cache; 1 of the last build's parse entries were damaged: their shards' files were all parsed again");
    expect(summary).not.toContain('damaged entries rebuilt');
    expect(snapshot(out())).toEqual(await uncached());
  });
});
