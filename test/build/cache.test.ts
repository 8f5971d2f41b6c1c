import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Cache, keyOf, sha256 } from '../../scripts/lib/cache.ts';

const root = mkdtempSync(join(tmpdir(), 'cache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the build cache', () => {
  it('stores plain entries a maintainer can read: the checksum of the rest, then the entry as a line of JSON', () => {
    const cache = new Cache(root);
    const key = keyOf('bytes-hash', 'extractor');
    cache.put('extract', key, { text: '政府信息公开' });
    const path = cache.path('extract', key);
    expect(path).toBe(join(root, 'extract', key.slice(0, 2), `${key}.json`));
    const [sum, body, rest] = readFileSync(path, 'utf8').split('\n');
    expect(sum).toBe(sha256(`${body}\n`));
    expect(JSON.parse(body as string)).toEqual({ key, value: { text: '政府信息公开' } });
    expect(rest).toBe('');
    expect(new Cache(root).get('extract', key)).toEqual({ text: '政府信息公开' });
    // No temporary file is left behind.
    expect(readdirSync(join(root, 'extract', key.slice(0, 2)))).toEqual([`${key}.json`]);
  });

  it('stores a list (a shard of parse results) as the very line JSON.stringify gives, holes and all', () => {
    const cache = new Cache(root);
    const key = keyOf('parse', 'texts');
    const value = [{ ok: true, record: { name: '洪泽区人民政府', n: [1, null] } }, null, undefined, { ok: false, reason: 'not_a_report', detail: '"引号"\n' }, []];
    cache.store('parse', key, value);
    const [, body] = readFileSync(cache.path('parse', key), 'utf8').split('\n');
    expect(body).toBe(JSON.stringify({ key, value }));
    expect(new Cache(root).get('parse', key)).toEqual(JSON.parse(JSON.stringify(value)));
    cache.store('parse', key, []);
    expect(readFileSync(cache.path('parse', key), 'utf8').split('\n')[1]).toBe(JSON.stringify({ key, value: [] }));
  });

  it('keeps bytes after an entry as they are, checked with it', () => {
    const cache = new Cache(root);
    const key = keyOf('shard');
    const lines = [Buffer.from('{"id":"a"}\n'), Buffer.from('{"id":"政"}\n')];
    expect(cache.put('shard', key, [{ json: 11 }], lines)).toEqual([{ json: 11 }]);
    const path = cache.path('shard', key);
    expect(readFileSync(path, 'utf8').split('\n').slice(2)).toEqual(['{"id":"a"}', '{"id":"政"}', '']);
    const entry = cache.getWithBytes('shard', key);
    expect(entry?.value).toEqual([{ json: 11 }]);
    expect(entry?.bytes.toString('utf8')).toBe('{"id":"a"}\n{"id":"政"}\n');
    // One byte changed among the stored bytes: the whole entry is a miss.
    const good = readFileSync(path);
    const at = good.length - 3;
    good[at] = (good[at] as number) ^ 1;
    writeFileSync(path, good);
    expect(cache.getWithBytes('shard', key)).toBeUndefined();
    expect(cache.counts.shard).toEqual({ hit: 1, made: 1, damaged: 1, unsaved: 0 });
  });

  it('gives nothing for an entry that is damaged, cut short, or filed under another key, and counts it', () => {
    const cache = new Cache(root);
    const key = keyOf('k1');
    cache.put('parse', key, { n: 7 });
    const path = cache.path('parse', key);
    const good = readFileSync(path, 'utf8');
    const faults = [good.replace('"n":7', '"n":8'), good.slice(0, good.length - 3), `${good}x`, '', 'junk'];
    for (const fault of faults) {
      writeFileSync(path, fault);
      expect(cache.get('parse', key), fault).toBeUndefined();
    }
    // A whole, checksummed entry copied under another key's name is not that key's.
    const other = keyOf('k2');
    writeFileSync(cache.path('parse', key), good);
    cache.put('parse', other, { n: 9 });
    writeFileSync(cache.path('parse', other), good);
    expect(cache.get('parse', other)).toBeUndefined();
    expect(cache.counts.parse).toEqual({ hit: 0, made: 2, damaged: faults.length + 1, unsaved: 0 });
    expect(cache.get('parse', key)).toEqual({ n: 7 });
  });

  it('builds on without saving when the cache cannot be written, and counts what it could not save', () => {
    const dir = join(root, 'read-only');
    const cache = new Cache(dir);
    cache.put('parse', keyOf('a'), 1);
    chmodSync(dir, 0o500);
    try {
      cache.put('extract', keyOf('b'), 2);
      expect(cache.counts.extract).toEqual({ hit: 0, made: 1, damaged: 0, unsaved: process.getuid?.() === 0 ? 0 : 1 });
    } finally {
      chmodSync(dir, 0o700);
    }
  });

  it('with no root, keeps nothing and gives nothing', () => {
    const cache = new Cache(null);
    cache.put('parse', keyOf('x'), 1);
    expect(cache.get('parse', keyOf('x'))).toBeUndefined();
  });
});
