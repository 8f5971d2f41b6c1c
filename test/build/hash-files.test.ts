import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hashFile, hashFiles } from '../../scripts/lib/hash-files.ts';
import { readRecord } from '../../scripts/lib/read-record.ts';

describe('hashing files for the cache', () => {
  let dir = '';
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('gives the hash the parse records (source.sha256) for each file, and null for one that cannot be read', async () => {
    dir = mkdtempSync(join(tmpdir(), 'hash-files-'));
    const seed = readFileSync('data/reports/000_fea7b730deba7205.txt');
    writeFileSync(join(dir, 'a.txt'), seed);
    writeFileSync(join(dir, 'empty.txt'), '');
    const read = await readRecord(seed, 'a.txt', 'a');
    expect(read.ok && read.record.source.sha256).toBe(hashFile(join(dir, 'a.txt')));
    expect(hashFile(join(dir, 'a.txt'))).toMatch(/^[0-9a-f]{64}$/);
    expect(hashFile(join(dir, 'empty.txt'))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hashFile(join(dir, 'missing.txt'))).toBeNull();
  });

  it('gives the same hashes, in the order asked, on threads as here', async () => {
    dir = mkdtempSync(join(tmpdir(), 'hash-files-'));
    const paths = Array.from({ length: 1203 }, (_, i) => join(dir, `r${i}.txt`));
    paths.forEach((path, i) => i % 401 !== 7 && writeFileSync(path, `报告 ${i}\n`.repeat(1 + (i % 5))));
    const here = await hashFiles(paths, 0);
    expect(here.filter((h) => h === null)).toHaveLength(3);
    expect(here).toEqual(paths.map(hashFile));
    expect(new Set(here).size).toBe(1201);
    expect(await hashFiles(paths, 2)).toEqual(here);
    expect(await hashFiles(paths, 3)).toEqual(here);
  });

  it('hashes nothing on this thread when the threads answer, not even once they have exited', async () => {
    dir = mkdtempSync(join(tmpdir(), 'hash-files-'));
    const paths = Array.from({ length: 1000 }, (_, i) => join(dir, `r${i}.txt`));
    paths.forEach((path, i) => writeFileSync(path, `报告 ${i}\n`));
    let hashedHere = 0;
    const countHere = (path: string) => (hashedHere++, hashFile(path));
    expect(await hashFiles(paths, 2, countHere)).toEqual(paths.map(hashFile));
    // The threads exit after answering: give their exit events time to arrive.
    await new Promise((done) => setTimeout(done, 500));
    expect(hashedHere).toBe(0);
    expect(await hashFiles(paths, 0, countHere)).toHaveLength(1000);
    expect(hashedHere).toBe(1000);
  });
});
