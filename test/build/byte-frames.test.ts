import fc from 'fast-check';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { forEachFrameOfFile, frameHead } from '../../scripts/lib/byte-frames.ts';

const dir = mkdtempSync(join(tmpdir(), 'byte-frames-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const framed = (frames: readonly string[]) => Buffer.concat(frames.flatMap((f) => [frameHead(Buffer.byteLength(f)), Buffer.from(f)]));
const framesOfFile = (path: string, from = 0, chunkBytes?: number) => {
  const out: string[] = [];
  forEachFrameOfFile(path, from, (bytes, start, end) => out.push(bytes.toString('utf8', start, end)), chunkBytes);
  return out;
};

describe('frames of a file read in chunks', () => {
  it('gives every frame whole from the offset given, across chunk ends and in frames longer than a chunk', () => {
    const path = join(dir, 'a.bin');
    writeFileSync(path, Buffer.concat([Buffer.from('{"header":1}\n'), framed(['甲', '', 'a frame longer than the chunk', '乙'])]));
    for (const chunk of [1, 3, 7, 64, 1 << 20]) expect(framesOfFile(path, 13, chunk)).toEqual(['甲', '', 'a frame longer than the chunk', '乙']);
  });

  it('stops at a frame cut short (an interrupted append), and visits nothing for a file that is not there', () => {
    const path = join(dir, 'torn.bin');
    writeFileSync(path, framed(['one', 'two']));
    appendFileSync(path, framed(['three']).subarray(0, 6));
    expect(framesOfFile(path)).toEqual(['one', 'two']);
    appendFileSync(path, Buffer.from([1, 0]));
    expect(framesOfFile(path, 0, 5)).toEqual(['one', 'two']);
    // A damaged length that would run far past the end of the file.
    writeFileSync(path, Buffer.concat([framed(['one']), Buffer.from([0xff, 0xff, 0xff, 0x7f, 1, 2])]));
    expect(framesOfFile(path, 0, 8)).toEqual(['one']);
    expect(framesOfFile(join(dir, 'gone.bin'))).toEqual([]);
  });

  it('gives back what was framed, for any frames and chunk size', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 30 }), fc.integer({ min: 1, max: 40 }), (frames, chunk) => {
        const path = join(dir, 'p.bin');
        writeFileSync(path, framed(frames));
        expect(framesOfFile(path, 0, chunk)).toEqual(frames);
      }),
    );
  });
});
