import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readIntoAside } from '../../scripts/lib/read-aside.ts';

describe('readIntoAside', () => {
  let dir = '';
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('reads a file into the start of shared memory on another thread, leaving the rest as it was', async () => {
    dir = mkdtempSync(join(tmpdir(), 'read-aside-'));
    const bytes = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 251));
    writeFileSync(join(dir, 'data.bin'), bytes);
    const memory = new SharedArrayBuffer(bytes.length + 16);
    new Uint8Array(memory).fill(9, bytes.length);
    await readIntoAside(join(dir, 'data.bin'), memory, bytes.length);
    expect(Buffer.from(memory, 0, bytes.length).equals(bytes)).toBe(true);
    expect([...new Uint8Array(memory, bytes.length)]).toEqual(new Array(16).fill(9));
  });

  it('rejects, naming the file, when it is missing or shorter than asked', async () => {
    dir = mkdtempSync(join(tmpdir(), 'read-aside-'));
    writeFileSync(join(dir, 'short.bin'), 'abc');
    await expect(readIntoAside(join(dir, 'short.bin'), new SharedArrayBuffer(8), 8)).rejects.toThrow(/short\.bin: it ended at byte 3 of 8/);
    await expect(readIntoAside(join(dir, 'gone.bin'), new SharedArrayBuffer(8), 8)).rejects.toThrow(/gone\.bin/);
  });
});
