import { describe, expect, it } from 'vitest';
import { decodeText, detectFormat, utf8Text } from '../../src/lib/extract/detect.ts';
import { extractText } from '../../src/lib/extract/index.ts';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('format detection', () => {
  const cases: Array<{ description: string; name: string; input: Uint8Array; expected: string }> = [
    { description: 'PDF by magic bytes, whatever the name', name: 'report.txt', input: bytes('%PDF-1.7\n…'), expected: 'pdf' },
    { description: 'PDF header after junk a server prepended', name: 'x', input: bytes('\r\n\r\n%PDF-1.4\n'), expected: 'pdf' },
    { description: 'zip magic is a .docx', name: 'report', input: new Uint8Array([0x50, 0x4b, 3, 4, 0]), expected: 'docx' },
    { description: 'HTML by extension', name: 'a.shtml', input: bytes('一、总体情况'), expected: 'html' },
    { description: 'HTML by doctype', name: 'a.txt', input: bytes('<!DOCTYPE html><p>x'), expected: 'html' },
    { description: 'HTML by a bare table', name: 'a', input: bytes('<table><tr><td>1</td></tr></table>'), expected: 'html' },
    { description: 'text with pipe rows stays text', name: 'a.txt', input: bytes('规章 | 0 | 0 | 0 |'), expected: 'txt' },
  ];
  for (const c of cases) it(c.description, () => expect(detectFormat(c.input, c.name)).toBe(c.expected));
});

describe('text decoding', () => {
  it('reads UTF-8, with or without BOM', () => {
    expect(decodeText(bytes('\uFEFF一、总体情况')).text).toBe('一、总体情况');
    expect(decodeText(bytes('一、总体情况')).encoding).toBe('utf-8');
  });

  it('utf8Text gives what a fatal TextDecoder gives: the same text for valid UTF-8, nothing for invalid bytes', () => {
    const fatal = (b: Uint8Array): string | null => {
      try {
        return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(b);
      } catch {
        return null;
      }
    };
    const inputs = [
      bytes(''),
      bytes('plain ASCII, one line\r\n'),
      bytes('\uFEFF一、总体情况 with a BOM kept'),
      bytes('（一）主动公开 | 12 | 0 |\n😀 𠀀 \uFFFE \u0000 é'),
      new Uint8Array([0xe4, 0xb8, 0x80, 0xe4, 0xb8]), // cut inside a character
      new Uint8Array([0xed, 0xa0, 0x80]), // an encoded surrogate
      new Uint8Array([0xc0, 0xaf]), // overlong
      new Uint8Array([0xf4, 0x90, 0x80, 0x80]), // beyond U+10FFFF
      new Uint8Array([0xd2, 0xbb, 0xa1, 0xa2]), // GBK
    ];
    for (const input of inputs) expect(utf8Text(input)).toBe(fatal(input));
    expect(utf8Text(new Uint8Array([0xed, 0xa0, 0x80]))).toBeNull();
  });

  it('falls back to GB18030 for GBK bytes', () => {
    const gbk = new Uint8Array([0xd2, 0xbb, 0xa1, 0xa2, 0xd7, 0xdc, 0xcc, 0xe5, 0xc7, 0xe9, 0xbf, 0xf6]); // 一、总体情况
    const decoded = decodeText(gbk);
    expect(decoded.text).toBe('一、总体情况');
    expect(decoded.encoding).toBe('gb18030');
  });

  it('plain text files come through as txt, CRLF normalised', async () => {
    const result = await extractText(bytes('一、总体情况\r\n规章 | 0 | 0 | 0 |\r\n'), 'a.txt');
    expect(result).toEqual({ format: 'txt', text: '一、总体情况\n规章 | 0 | 0 | 0 |\n', diagnostics: [], error: null });
  });

  it('an empty text file is an error value', async () => {
    expect((await extractText(bytes('  \n'), 'blank.txt')).error).toBe('blank.txt: empty file');
  });
});

describe('binary files that are none of the formats', () => {
  it('an old Word .doc is refused with what to do', async () => {
    const doc = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    expect((await extractText(doc, 'report.doc')).error).toBe('report.doc: old Word (.doc) or Excel (.xls) file: not read; save it as .docx');
  });

  it('an image is refused as binary data', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect((await extractText(png, 'scan.png')).error).toBe('scan.png: binary data (not text, PDF, Word .docx or HTML)');
  });
});
