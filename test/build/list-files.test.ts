import { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listWithStats } from '../../scripts/lib/list-files.ts';

describe('listing the reports folder', () => {
  let dir = '';
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('gives every file under it, in folders too, in code-point order, with its size and mtime; a folder linked twice is listed once', () => {
    dir = mkdtempSync(join(tmpdir(), 'list-files-'));
    mkdirSync(join(dir, '广东', '东莞'), { recursive: true });
    mkdirSync(join(dir, 'b'));
    writeFileSync(join(dir, 'z.txt'), 'zz');
    writeFileSync(join(dir, 'a.txt'), 'a');
    writeFileSync(join(dir, 'b', 'c.pdf'), 'ccc');
    writeFileSync(join(dir, '广东', '东莞', '厚街镇.html'), '厚街');
    // A link back up: followed once, never round and round.
    symlinkSync(dir, join(dir, 'b', 'loop'));
    const { rels, sizes, mtimes } = listWithStats(`${dir}/`);
    expect(rels).toEqual(['a.txt', 'b/c.pdf', 'z.txt', '广东/东莞/厚街镇.html']);
    expect([...sizes]).toEqual([1, 3, 2, 6]);
    expect([...mtimes]).toEqual(rels.map((rel) => statSync(join(dir, rel)).mtimeMs));
  });
});
