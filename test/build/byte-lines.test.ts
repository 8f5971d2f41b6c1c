import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { forEachLine, forEachLineOfFile } from '../../scripts/lib/byte-lines.ts';

const dir = mkdtempSync(join(tmpdir(), 'byte-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const linesOfFile = (path: string, chunkBytes?: number) => {
  const out: string[] = [];
  forEachLineOfFile(path, (bytes, start, end) => out.push(bytes.toString('utf8', start, end)), chunkBytes);
  return out;
};

describe('lines of a file read in chunks', () => {
  it('gives every non-empty line whole, across chunk ends and in lines longer than a chunk', () => {
    const path = join(dir, 'a.jsonl');
    writeFileSync(path, '["甲",1]\n\n["a long line, longer than the chunk",2]\n["乙"]');
    for (const chunk of [1, 3, 7, 64, 1 << 20]) expect(linesOfFile(path, chunk)).toEqual(['["甲",1]', '["a long line, longer than the chunk",2]', '["乙"]']);
  });

  it('visits nothing for a file that is not there', () => {
    expect(linesOfFile(join(dir, 'gone.jsonl'))).toEqual([]);
  });

  it('agrees with the lines of the whole file read at once, for any text and chunk size', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 30 }), fc.integer({ min: 1, max: 40 }), (parts, chunk) => {
        const bytes = Buffer.from(parts.join('\n'), 'utf8');
        const path = join(dir, 'p.txt');
        writeFileSync(path, bytes);
        const whole: string[] = [];
        forEachLine(bytes, (start, end) => whole.push(bytes.toString('utf8', start, end)));
        expect(linesOfFile(path, chunk)).toEqual(whole);
        expect(whole).toEqual(parts.join('\n').split('\n').filter((line) => line !== ''));
      }),
    );
  });
});
