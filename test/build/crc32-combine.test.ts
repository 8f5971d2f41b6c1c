import fc from 'fast-check';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32Combine } from '../../scripts/lib/crc32-combine.ts';

describe('crc32Combine', () => {
  it("gives zlib's CRC-32 of two byte strings joined, from the two CRCs and the second's length", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 }), (a, b) => {
        expect(crc32Combine(crc32(a), crc32(b), b.length)).toBe(crc32(Buffer.concat([a, b])));
      }),
      { numRuns: 300 },
    );
  });

  it('combines long parts, many in turn, as one CRC of the whole', () => {
    const parts = [0, 1, 7, 4096, 65_537, 300_001, 1 << 20].map((n, i) => Buffer.alloc(n, (i * 37) % 251).map((x, j) => (x + j * 13) & 255));
    let crc = 0;
    for (const part of parts) crc = crc32Combine(crc, crc32(part), part.length);
    expect(crc).toBe(crc32(Buffer.concat(parts)));
  });
});
