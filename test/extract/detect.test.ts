import iconv from 'iconv-lite';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeText, formatOf, sniff, utf8Text } from '../../src/lib/extract/detect.ts';
import { extractText } from '../../src/lib/extract/index.ts';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('the reader is chosen from the bytes, never the name', () => {
  const docx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') });
  const cases: Array<{ description: string; input: Uint8Array; reader: 'pdf' | 'docx' | 'text' | null; detail?: RegExp; refusal?: string }> = [
    { description: 'PDF by its magic bytes', input: bytes('%PDF-1.7\n…'), reader: 'pdf' },
    { description: 'PDF header after junk a server prepended', input: bytes('\r\n<!-- cache -->\r\n%PDF-1.4\n'), reader: 'pdf' },
    { description: 'a zip holding word/document.xml is a .docx', input: docx, reader: 'docx' },
    { description: 'a zip that cannot even be listed goes to the Word reader, which says why', input: new Uint8Array([0x50, 0x4b, 3, 4, 0]), reader: 'docx' },
    {
      description: 'a zip without word/document.xml is refused, not read',
      input: zipSync({ 'hello.txt': strToU8('hi') }),
      reader: null,
      refusal: 'unsupported',
      detail: /^zip archive without word\/document\.xml: not a Word \.docx document/,
    },
    { description: 'an Excel .xlsx is named as such', input: zipSync({ 'xl/workbook.xml': strToU8('<x/>') }), reader: null, refusal: 'unsupported', detail: /^Excel workbook \(\.xlsx\)/ },
    {
      description: 'an old Word .doc or Excel .xls is refused with what to do',
      input: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]),
      reader: null,
      refusal: 'unsupported',
      detail: /^old Word \(\.doc\) or Excel \(\.xls\) file: not read; save it as \.docx$/,
    },
    { description: 'an image is binary', input: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), reader: null, refusal: 'binary', detail: /PNG image$/ },
    { description: 'junk with NUL bytes is binary', input: new Uint8Array([0x41, 0x00, 0x42, 0x00, 0x00, 0x01]), reader: null, refusal: 'binary', detail: /NUL bytes/ },
    { description: 'junk of control bytes is binary', input: new Uint8Array(200).fill(0x05), reader: null, refusal: 'binary', detail: /control bytes/ },
    { description: 'UTF-16 with its byte-order mark is text despite its NUL bytes', input: new Uint8Array([0xff, 0xfe, 0x00, 0x4e, 0x01, 0x30]), reader: 'text' },
    { description: 'GBK bytes are text', input: new Uint8Array(iconv.encode('一、总体情况', 'gbk')), reader: 'text' },
  ];
  for (const c of cases) {
    it(c.description, () => {
      const sniffed = sniff(c.input);
      expect(sniffed.reader).toBe(c.reader);
      if (sniffed.reader === null) {
        expect(sniffed.refusal).toBe(c.refusal);
        expect(sniffed.detail).toMatch(c.detail ?? /./);
      }
    });
  }

  it('the refusal reaches extractText as an error with the reason', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(await extractText(png, 'scan.txt')).toEqual({
      format: 'txt',
      text: '',
      diagnostics: [],
      error: 'scan.txt: not a text, HTML, PDF or Word (.docx) file: PNG image',
      refusal: 'binary',
    });
  });
});

describe('text is read as a web page only when it holds page markup', () => {
  const cases: Array<{ description: string; name: string; input: string; format: 'txt' | 'html'; warning?: { found: string; named: string } }> = [
    { description: 'a doctype in a .txt', name: 'a.txt', input: '<!DOCTYPE html><p>一、总体情况</p>', format: 'html', warning: { found: 'html', named: 'txt' } },
    { description: 'a bare table', name: 'a.txt', input: '<table><tr><td>规章</td><td>1</td></tr></table>', format: 'html', warning: { found: 'html', named: 'txt' } },
    { description: 'a <meta> and <div>s with no <html>', name: 'a.txt', input: '<meta charset="utf-8">\n<div class="c">一、总体情况</div>', format: 'html', warning: { found: 'html', named: 'txt' } },
    { description: 'paragraphs only', name: 'a.txt', input: '<p>一、总体情况</p>\n<p>二、主动公开政府信息情况</p>', format: 'html', warning: { found: 'html', named: 'txt' } },
    { description: 'a <body> further down', name: 'a.txt', input: `保存的网页\n\n<body>\n<p>一、总体情况</p></body>`, format: 'html', warning: { found: 'html', named: 'txt' } },
    { description: 'HTML named .html gets no warning', name: 'a.html', input: '<html><body><p>一、总体情况</p></body></html>', format: 'html' },
    { description: 'HTML with no extension gets no warning', name: 'download', input: '<html><body><p>一、总体情况</p></body></html>', format: 'html' },
    { description: 'a report that merely uses < and >', name: 'a.txt', input: '一、总体情况\n办理时限<15个工作日，其中 a<b 且 c>d 的 <5 件 | 3 |\n', format: 'txt' },
    { description: 'a report quoting a tag-like word', name: 'a.txt', input: '一、总体情况\n依据<政府信息公开条例>办理\n', format: 'txt' },
    { description: 'a text report whose prose carries a <script> or <b> (a hostile name) stays text', name: 'a.txt', input: '<script>alert(1)</script>管理中心2023年年度报告\n一、总体情况 <b>x</b>\n', format: 'txt' },
    { description: 'markdown with a pipe table', name: 'a.md', input: '# 一、总体情况\n\n| 规章 | 1 |\n|---|---|\n', format: 'txt' },
    { description: 'text pdftotext extracted', name: 'a.txt', input: '一、总体情况\n\n   规章        1      0\n\f二、主动公开\n', format: 'txt' },
    { description: 'a file named .html holding plain text is read as text, with a warning', name: 'a.html', input: '一、总体情况\n规章 | 1 |\n', format: 'txt', warning: { found: 'txt', named: 'html' } },
  ];
  for (const c of cases) {
    it(c.description, async () => {
      const result = await extractText(bytes(c.input), c.name);
      expect(result.format).toBe(c.format);
      expect(result.error).toBeNull();
      if (c.warning) expect(result.diagnostics).toEqual([{ code: 'format_not_as_named', section: 'file', values: c.warning }]);
      else expect(result.diagnostics).toEqual([]);
      expect(formatOf(bytes(c.input))).toBe(c.format);
    });
  }

  it('a page in UTF-16 is found after decoding', async () => {
    const page = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<html><body><p>一、总体情况</p></body></html>', 'utf16le')]);
    expect(await extractText(page, 'a.htm')).toMatchObject({ format: 'html', text: '一、总体情况', error: null });
  });

  it('a GBK page in a .txt is decoded by its declared charset and read as HTML', async () => {
    const page = iconv.encode('<html><head><meta charset="gbk"></head><body><p>一、总体情况</p><table><tr><td>规章</td><td>1</td></tr></table></body></html>', 'gbk');
    const result = await extractText(page, 'a.txt');
    expect(result).toMatchObject({ format: 'html', text: '一、总体情况\n| 规章 | 1 |', error: null });
  });
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

  it('reads UTF-16 (both byte orders) by its byte-order mark', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('一、总体情况', 'utf16le')])).text).toBe('一、总体情况');
    const be = Buffer.from('一、总体情况', 'utf16le').swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toMatchObject({ text: '一、总体情况', encoding: 'utf-16be' });
  });

  it('plain text files come through as txt, CRLF normalised, BOM dropped', async () => {
    const result = await extractText(bytes('\uFEFF一、总体情况\r\n规章 | 0 | 0 | 0 |\r\n'), 'a.txt');
    expect(result).toEqual({ format: 'txt', text: '一、总体情况\n规章 | 0 | 0 | 0 |\n', diagnostics: [], error: null });
  });

  it('an empty text file is an error value', async () => {
    expect((await extractText(bytes('  \n'), 'blank.txt')).error).toBe('blank.txt: empty file');
  });
});
