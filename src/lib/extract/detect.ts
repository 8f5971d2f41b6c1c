/**
 * Which reader a file needs, decided from its bytes alone (never its name), and how text bytes
 * are decoded. PDF and Word (.docx) by their magic bytes; files no reader can take (images,
 * archives, old .doc/.xls, binary junk) refused with a reason; everything else is text, and
 * whether that text is a web page is decided from its decoded head (`looksLikeHtml`).
 */
import { isUtf8, transcode } from 'node:buffer';
import { unzipSync } from 'fflate';
import type { ExtractedFormat } from './types.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';

function startsWith(bytes: Uint8Array, ascii: string, from = 0): boolean {
  if (bytes.length < from + ascii.length) return false;
  for (let i = 0; i < ascii.length; i++) if (bytes[from + i] !== ascii.charCodeAt(i)) return false;
  return true;
}

/** The bytes as a Buffer (no copy), whose searches are native and fast; a typed array's are not. */
function view(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The first `length` bytes as Latin-1 text (every byte one character): enough to find ASCII markup in any ASCII-compatible encoding. */
function latin1Head(bytes: Uint8Array, length: number): string {
  return view(bytes).toString('latin1', 0, Math.min(length, bytes.length));
}

/** Offset of `%PDF-` in the first KiB (some servers prepend junk), or -1. */
export function pdfHeaderOffset(bytes: Uint8Array): number {
  return view(bytes).subarray(0, 1024 + 5).indexOf('%PDF-');
}

/** Why a file is refused before any reader runs: `binary` (not text at all) or `unsupported` (a document format we do not read). */
export type Refusal = 'binary' | 'unsupported';

export type Sniffed =
  | { reader: 'pdf' | 'docx' | 'text' }
  | { reader: null; refusal: Refusal; detail: string };

const NOT_READABLE = 'not a text, HTML, PDF or Word (.docx) file';

const BINARY_MAGIC: [string, number[]][] = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['gzip archive', [0x1f, 0x8b]],
  ['RAR archive', [0x52, 0x61, 0x72, 0x21]],
  ['7z archive', [0x37, 0x7a, 0xbc, 0xaf]],
];

function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** What binary kind the bytes are when they cannot be text (UTF-16 with its byte-order mark is text despite its NUL bytes), or null. */
export function binaryKind(bytes: Uint8Array): string | null {
  for (const [name, magic] of BINARY_MAGIC) if (magic.every((b, i) => bytes[i] === b)) return name;
  if (hasUtf16Bom(bytes)) return null;
  if (view(bytes).subarray(0, 4096).indexOf(0) >= 0) return 'binary data (NUL bytes)';
  const head = bytes.subarray(0, 2048);
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const b = head[i] as number;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control > head.length / 20 ? 'binary data (control bytes)' : null;
}

/** The names of a zip's entries (its central directory only, nothing inflated), or null when it cannot be listed. */
function zipEntryNames(bytes: Uint8Array): string[] | null {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        return false;
      },
    });
  } catch {
    return null;
  }
  return names;
}

/** What a zip that is not a Word document is, for the refusal. */
function otherZipKind(names: string[]): string {
  if (names.some((name) => name.startsWith('xl/'))) return 'Excel workbook (.xlsx)';
  if (names.some((name) => name.startsWith('ppt/'))) return 'PowerPoint file (.pptx)';
  if (names.includes('content.xml')) return 'OpenDocument file (.odt/.ods)';
  return 'zip archive';
}

/** The reader the bytes need, or why none can read them. */
export function sniff(bytes: Uint8Array): Sniffed {
  if (pdfHeaderOffset(bytes) >= 0) return { reader: 'pdf' };
  if (startsWith(bytes, 'PK\u0003\u0004')) {
    const names = zipEntryNames(bytes);
    // A zip that cannot be listed goes to the Word reader, which says what is wrong with it.
    if (names === null || names.some((name) => /^word\/document\d*\.xml$/.test(name))) return { reader: 'docx' };
    return { reader: null, refusal: 'unsupported', detail: `${otherZipKind(names)} without word/document.xml: not a Word .docx document, not read` };
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return { reader: null, refusal: 'unsupported', detail: 'old Word (.doc) or Excel (.xls) file: not read; save it as .docx' };
  }
  const binary = binaryKind(bytes);
  if (binary) return { reader: null, refusal: 'binary', detail: `${NOT_READABLE}: ${binary}` };
  return { reader: 'text' };
}

/** Tags only a web page has; `<` alone (`时限<15日`) is not one. */
const HTML_TAG = /<!doctype\s+html|<(?:html|body|meta|table|div|p)[\s>/]/i;

/** Whether decoded text is a web page, judged by its first 4,096 characters. */
export function looksLikeHtml(text: string): boolean {
  const head = text.length > 4096 ? text.slice(0, 4096) : text;
  return head.includes('<') && HTML_TAG.test(head);
}

/** The reader the content points to, for a file no reader could take (an error record still names a format). */
export function formatOf(bytes: Uint8Array): ExtractedFormat {
  const sniffed = sniff(bytes);
  if (sniffed.reader === 'pdf' || sniffed.reader === 'docx') return sniffed.reader;
  return looksLikeHtml(latin1Head(bytes, 4096)) ? 'html' : 'txt';
}

/** The format a file's name claims, when it names one we read. */
export function formatOfName(fileName: string): ExtractedFormat | null {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (extension === 'pdf' || extension === 'docx' || extension === 'txt') return extension;
  return /^(s?html?|xhtml)$/.test(extension) ? 'html' : null;
}

/**
 * The text of valid UTF-8 bytes (a leading BOM kept), or null when they are not valid UTF-8: what a
 * fatal TextDecoder gives, about four times faster on Chinese text in Node 20, whose V8 decodes
 * UTF-8 one byte at a time (40 µs for a 8 KB report); simdutf validates and ICU converts instead.
 */
export function utf8Text(bytes: Uint8Array): string | null {
  if (!isUtf8(bytes)) return null;
  return transcode(bytes, 'utf8', 'utf16le').toString('utf16le');
}

/** The encoding a byte-order mark names, if any. */
function bomEncoding(bytes: Uint8Array): string | null {
  if (startsWith(bytes, '\u00EF\u00BB\u00BF')) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** The charset a web page declares in its first bytes (`<meta charset>`), if any. */
export function declaredCharset(bytes: Uint8Array): string | null {
  if (view(bytes).subarray(0, 4096).indexOf(0x3c) < 0) return null;
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(latin1Head(bytes, 4096));
  return match?.[1] ?? null;
}


export interface DecodedText {
  text: string;
  encoding: string;
  diagnostics: Diagnostic[];
}

/**
 * Decodes text bytes: by BOM, then by the declared encoding (an HTML `<meta charset>`), then
 * strict UTF-8, else GB18030 (a superset of GBK and GB2312, the usual encodings of Chinese
 * government sites).
 */
export function decodeText(bytes: Uint8Array, declared: string | null = null): DecodedText {
  const diagnostics: Diagnostic[] = [];
  const bom = bomEncoding(bytes);
  if (bom) return { text: new TextDecoder(bom).decode(bytes), encoding: bom, diagnostics };
  if (declared) {
    const gbFamily = /^(gb2312|gbk|x-gbk|gb_2312-80|cp936|gb18030)$/i.test(declared);
    // GBK text is almost never valid UTF-8, while UTF-8 bytes are mostly valid GBK: trust the bytes.
    const utf8 = gbFamily && bytes.some((byte) => byte > 0x7f) ? utf8Text(bytes) : null;
    if (utf8 !== null) {
      diagnostics.push(diagnostic('encoding_declared_but_utf8', 'file', { declared }));
      return { text: utf8, encoding: 'utf-8', diagnostics };
    }
    const label = gbFamily ? 'gb18030' : declared;
    try {
      const text = new TextDecoder(label, { fatal: true }).decode(bytes);
      return { text, encoding: label.toLowerCase(), diagnostics };
    } catch {
      diagnostics.push(diagnostic('encoding_declared_mismatch', 'file', { declared }));
    }
  }
  const utf8 = utf8Text(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', diagnostics };
  const text = new TextDecoder('gb18030').decode(bytes);
  if (text.includes('\uFFFD')) diagnostics.push(diagnostic('encoding_replaced_characters', 'file'));
  return { text, encoding: 'gb18030', diagnostics };
}
