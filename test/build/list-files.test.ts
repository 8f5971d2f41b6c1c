import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { displayName, listedPath, listWithStats } from '../../scripts/lib/list-files.ts';

/** 2023年报.txt as a Windows machine in China saves it: GBK bytes. */
const GBK_NAME = Buffer.concat([Buffer.from('2023'), Buffer.from([0xc4, 0xea, 0xb1, 0xa8]), Buffer.from('.txt')]);
/** Running as root, a folder without permissions can still be read: that case cannot be made. */
const ROOT = process.getuid?.() === 0;

describe('listing the reports folder', () => {
  let dir = '';
  afterEach(() => {
    if (!dir) return;
    try {
      chmodSync(join(dir, 'locked'), 0o755);
    } catch {
      // not made by this test
    }
    rmSync(dir, { recursive: true, force: true });
  });

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
    // A link to a folder read already, by another name.
    symlinkSync(join(dir, '广东'), join(dir, 'guangdong'));
    const { rels, sizes, mtimes, ctimes, inodes, problems, raw, names } = listWithStats(`${dir}/`);
    expect(rels).toEqual(['a.txt', 'b/c.pdf', 'z.txt', '广东/东莞/厚街镇.html']);
    expect([...sizes]).toEqual([1, 3, 2, 6]);
    const stats = rels.map((rel) => statSync(join(dir, rel)));
    expect([[...mtimes], [...ctimes], [...inodes]]).toEqual([stats.map((s) => s.mtimeMs), stats.map((s) => s.ctimeMs), stats.map((s) => s.ino)]);
    expect(problems.map((p) => [p.rel, p.reason])).toEqual([
      ['b/loop', 'folder_linked_twice'],
      ['guangdong', 'folder_linked_twice'],
    ]);
    expect(raw.size).toBe(0);
    expect(names).toEqual([]);
  });

  it('lists links to nothing, link cycles, named pipes and sockets as not read, with why, and never opens them', () => {
    dir = mkdtempSync(join(tmpdir(), 'list-files-'));
    writeFileSync(join(dir, 'good.txt'), 'good');
    symlinkSync(join(dir, 'gone.txt'), join(dir, 'dangling.txt'));
    // a.txt -> b -> a.txt
    symlinkSync(join(dir, 'b'), join(dir, 'a.txt'));
    symlinkSync(join(dir, 'a.txt'), join(dir, 'b'));
    // A pipe nobody writes to: opening it would wait for ever.
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    symlinkSync('/dev/null', join(dir, 'device.txt'));
    const { rels, problems } = listWithStats(dir);
    expect(rels).toEqual(['good.txt']);
    expect(problems.map((p) => [p.rel, p.reason])).toEqual([
      ['a.txt', 'link_loop'],
      ['b', 'link_loop'],
      ['dangling.txt', 'broken_link'],
      ['device.txt', 'not_a_file'],
      ['pipe.txt', 'not_a_file'],
    ]);
    expect(problems.find((p) => p.rel === 'pipe.txt')?.detail).toMatch(/named pipe/);
    expect(problems.find((p) => p.rel === 'dangling.txt')?.detail).toContain(join(dir, 'gone.txt'));
  });

  it.skipIf(ROOT)('lists a sub-folder it cannot read as not read, and lists the rest (skipped as root: root reads any folder)', () => {
    dir = mkdtempSync(join(tmpdir(), 'list-files-'));
    writeFileSync(join(dir, 'good.txt'), 'good');
    mkdirSync(join(dir, 'locked'));
    writeFileSync(join(dir, 'locked', 'hidden.txt'), 'x');
    chmodSync(join(dir, 'locked'), 0);
    const { rels, problems } = listWithStats(dir);
    expect(rels).toEqual(['good.txt']);
    expect(problems).toEqual([{ rel: 'locked', reason: 'unreadable_folder', detail: expect.stringMatching(/EACCES.*permissions/) }]);
  });

  it('shows a name in GBK bytes decoded and marked, and keeps its bytes to open the file with, also under such a folder', () => {
    dir = mkdtempSync(join(tmpdir(), 'list-files-'));
    writeFileSync(join(dir, 'good.txt'), 'good');
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), GBK_NAME]), 'gbk');
    const folder = Buffer.concat([Buffer.from(`${dir}/`), Buffer.from([0xb9, 0xe3, 0xb6, 0xab])]); // 广东
    mkdirSync(folder);
    writeFileSync(Buffer.concat([folder, Buffer.from('/厚街镇.txt')]), 'houjie');
    // Not GB18030 either (0xff never opens a character in it): its bytes are escaped.
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), Buffer.from([0x78, 0xff]), Buffer.from('.txt')]), 'ff');
    const listing = listWithStats(dir);
    expect(listing.rels).toEqual(['2023年报(gb18030).txt', 'good.txt', 'x\\xff(bytes).txt', '广东(gb18030)/厚街镇.txt']);
    expect(listing.names).toEqual([
      { rel: '2023年报(gb18030).txt', encoding: 'gb18030' },
      { rel: 'x\\xff(bytes).txt', encoding: 'bytes' },
      { rel: '广东(gb18030)/厚街镇.txt', encoding: 'gb18030' },
    ]);
    expect(listing.rels.map((_, i) => readFileSync(listedPath(dir, listing, i)).toString())).toEqual(['gbk', 'good', 'ff', 'houjie']);
    expect(listedPath(dir, listing, 1)).toBe(`${dir}/good.txt`);
  });

  it('shows a name that is UTF-8 as it is, and marks only names that are not', () => {
    expect(displayName(Buffer.from('厚街镇.txt'))).toEqual({ name: '厚街镇.txt', encoding: null });
    expect(displayName(GBK_NAME)).toEqual({ name: '2023年报(gb18030).txt', encoding: 'gb18030' });
    expect(displayName(Buffer.from([0xc4, 0xea]))).toEqual({ name: '年(gb18030)', encoding: 'gb18030' });
  });

  it('says which folder it cannot read when the reports folder itself is missing', () => {
    expect(() => listWithStats('/no/such/folder')).toThrow(/cannot read the reports folder \/no\/such\/folder: ENOENT/);
  });
});
