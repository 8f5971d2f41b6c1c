import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { serialize } from 'node:v8';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { frameHead } from '../../scripts/lib/byte-frames.ts';
import { loadCache as loadInto, saveCache as saveFrom, type CacheEntry } from '../../scripts/lib/cache.ts';
import { FACT_NUMBER_BYTES, FactTable } from '../../scripts/lib/fact-table.ts';
import { FACT_FIELDS, FACT_TEXT_FIELDS } from '../../src/lib/facts.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'cache-test-'));
  dirs.push(dir);
  return dir;
};

/** The fact rows of the entries the tests save; each load gets a table of its own. */
const saved = new FactTable();
/** A fact row with every kind of value: text, null, whole and fractional numbers, large numbers. */
const factRow = (n: number) => FACT_FIELDS.map((f, i) => (i === 0 ? `r${n}` : i === 1 ? '某局' : i < FACT_TEXT_FIELDS.length ? (i % 3 === 0 ? null : `${f}-${n}`) : i % 4 === 0 ? null : i % 4 === 1 ? n * i : i % 4 === 2 ? n + 0.25 : 2 ** 40 + n));
let loadedFacts = new FactTable();
/** The entries loaded; their fact rows are in loadedFacts. */
const loadCache = async (dir: string, salt: string) => {
  const { entries, facts, ready } = loadInto(dir, salt);
  await ready;
  loadedFacts = facts;
  return entries;
};
const saveCache = (dir: string, salt: string, all: readonly CacheEntry[], changed: readonly CacheEntry[]) => saveFrom(dir, salt, all, changed, saved);
const factOf = (e: CacheEntry | undefined, table: FactTable) => (e?.outcome.status === 'parsed' ? table.valuesOf(e.outcome.summary.fact) : null);

function entry(n: number, csv: string): CacheEntry {
  return {
    file: `data/reports/r${n}.txt`,
    size: 100 + n,
    mtimeMs: 1,
    written: true,
    outcome: {
      status: 'parsed',
      file: `data/reports/r${n}.txt`,
      sha256: `s${n}`,
      summary: { id: `r${n}`, agency: '某局', year: 2023, checksFailed: 0, diagnostics: 0, cellsRead: 5, overrides: [], fact: saved.add(factRow(n)), csv: Buffer.from(csv), file: `data/reports/r${n}.txt`, sha256: `s${n}` },
    },
  };
}
const unusable: CacheEntry = {
  file: 'data/reports/bad.txt', size: 0, mtimeMs: 1,
  outcome: { status: 'unusable', file: 'data/reports/bad.txt', sha256: 'x', reason: 'empty', detail: 'empty file (0 bytes)' },
};
const SALT = 'salt-1';
const csvOf = (e: CacheEntry | undefined) => (e?.outcome.status === 'parsed' ? e.outcome.summary.csv.toString() : null);

describe('build cache', () => {
  it('gives back every entry with its CSV line and fact row, after a new base and after appends to the log', async () => {
    const dir = tempDir();
    const others = Array.from({ length: 200 }, (_, i) => entry(i + 10, `other ${i}\r\n`));
    // An entry whose fact row names another agency than its summary (stored whole, not shortened).
    const renamed = entry(3, 'r3\r\n');
    if (renamed.outcome.status === 'parsed') renamed.outcome.summary.fact = saved.add(['r3', '另一局', ...factRow(3).slice(2)]);
    const first = [entry(1, 'r1,某局,"a, b"\r\n'), entry(2, 'r2,x\r\n'), renamed, unusable, ...others];
    await saveCache(dir, SALT, first, first);
    const changed = entry(2, 'r2,changed\r\n');
    await saveCache(dir, SALT, [first[0]!, changed, renamed, unusable, ...others], [changed]);
    expect(readdirSync(dir)).toContain('entries.log.bin');
    const loaded = await loadCache(dir, SALT);
    expect(loaded.size).toBe(204);
    expect(factOf(loaded.get('data/reports/r3.txt'), loadedFacts)?.slice(0, 3)).toEqual(['r3', '另一局', factRow(3)[2]]);
    expect(csvOf(loaded.get('data/reports/r209.txt'))).toBe('other 199\r\n');
    expect(csvOf(loaded.get('data/reports/r1.txt'))).toBe('r1,某局,"a, b"\r\n');
    expect(csvOf(loaded.get('data/reports/r2.txt'))).toBe('r2,changed\r\n');
    expect(loaded.get('data/reports/bad.txt')).toEqual(unusable);
    const { outcome, ...rest } = loaded.get('data/reports/r1.txt')!;
    const { outcome: o1, ...rest1 } = first[0]!;
    expect(rest).toEqual(rest1);
    expect(outcome.status === 'parsed' && outcome.summary.overrides).toEqual(o1.status === 'parsed' && o1.summary.overrides);
    for (const n of [1, 2, 209]) expect(factOf(loaded.get(`data/reports/r${n}.txt`), loadedFacts)).toEqual(factRow(n));
    expect(factOf(loaded.get('data/reports/r2.txt'), loadedFacts)).toEqual(factOf(changed, saved));
  });

  it('rewrites the base when the log grows, leaving one CSV file', async () => {
    const dir = tempDir();
    // Files of an earlier format go when a base is written.
    writeFileSync(join(dir, 'entries.jsonl'), '{"csv":"csv-old.bin","salt":"salt-1"}\n');
    writeFileSync(join(dir, 'entries.log.jsonl'), '');
    await saveCache(dir, SALT, [entry(1, 'a\r\n')], [entry(1, 'a\r\n')]);
    expect(readdirSync(dir).sort()).toEqual([expect.stringMatching(/^csv-[0-9a-z]+\.bin$/), 'entries.bin']);
    const many = Array.from({ length: 50 }, (_, i) => entry(i + 2, `line ${i}\r\n`));
    await saveCache(dir, SALT, [entry(1, 'a\r\n'), ...many], many);
    expect(readdirSync(dir).filter((f) => f.startsWith('csv-'))).toHaveLength(1);
    expect(readdirSync(dir)).not.toContain('entries.log.bin');
    expect(csvOf((await loadCache(dir, SALT)).get('data/reports/r30.txt'))).toBe('line 28\r\n');
  });

  it('treats a damaged cache, or one made under another salt, as misses, never as wrong lines', async () => {
    const dir = tempDir();
    const all = [entry(1, 'first line\r\n'), entry(2, 'second line\r\n')];
    await saveCache(dir, SALT, all, all);
    const bin = readdirSync(dir).find((f) => f.startsWith('csv-'))!;
    // The first entry's CSV line (12 bytes), padding to 16, its numbers, and 3 bytes of the second's line.
    truncateSync(join(dir, bin), 16 + FACT_NUMBER_BYTES + 3);
    const loaded = await loadCache(dir, SALT);
    expect(csvOf(loaded.get('data/reports/r1.txt'))).toBe('first line\r\n');
    expect(loaded.has('data/reports/r2.txt')).toBe(false);
    // An entry of an older layout (an object), one with a field of the wrong kind, a frame that is
    // not V8's serialization, a frame cut short: all misses.
    const frame = (bytes: Buffer) => Buffer.concat([frameHead(bytes.length), bytes]);
    const base = join(dir, 'entries.bin');
    appendFileSync(base, frame(serialize([{ file: 'data/reports/r3.txt', size: 1, mtimeMs: 1, outcome: { status: 'empty' } }])));
    appendFileSync(base, frame(serialize([['data/reports/r4.txt', 1, 1, 1, 's4', 'parsed', 'r4', '某局', '2023', 0, 0, 5, [], 0, 3, []]])));
    appendFileSync(base, frame(Buffer.from('["data/reports/r5.txt"]')));
    appendFileSync(base, frame(serialize([['data/reports/r6.txt', 1, 1, 1, 's6', 'unusable', 'empty', 'empty file']])).subarray(0, 20));
    expect([...(await loadCache(dir, SALT)).keys()]).toEqual(['data/reports/r1.txt']);
    expect((await loadCache(dir, 'another salt')).size).toBe(0);
    // A base whose header names a CSV file that is gone.
    const bytes = readFileSync(base);
    const headerEnd = bytes.indexOf(10);
    writeFileSync(base, Buffer.concat([Buffer.from(bytes.toString('utf8', 0, headerEnd).replace(bin, 'csv-gone.bin')), bytes.subarray(headerEnd)]));
    expect((await loadCache(dir, SALT)).size).toBe(0);
  });
});
