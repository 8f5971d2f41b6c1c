import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachLine } from '../../scripts/lib/byte-lines.ts';

const linesOf = (bytes: Buffer) => {
  const out: string[] = [];
  forEachLine(bytes, (start, end) => out.push(bytes.toString('utf8', start, end)));
  return out;
};

describe('lines of bytes', () => {
  it('gives every non-empty line, without its newline, the last one with or without a newline', () => {
    expect(linesOf(Buffer.from('["甲",1]\n\n["b",2]\n["乙"]'))).toEqual(['["甲",1]', '["b",2]', '["乙"]']);
    expect(linesOf(Buffer.from('a\n'))).toEqual(['a']);
    expect(linesOf(Buffer.from(''))).toEqual([]);
  });

  it('agrees with the text split on its newlines, for any text', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 30 }), (parts) => {
        const text = parts.join('\n');
        expect(linesOf(Buffer.from(text, 'utf8'))).toEqual(text.split('\n').filter((line) => line !== ''));
      }),
    );
  });
});
