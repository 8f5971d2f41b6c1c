/**
 * Bytes of one file in data/reports/ → the text the parser reads, or why it cannot be read.
 * The single place the build turns bytes into text: text, HTML, PDF and Word (.docx) through the
 * extractor (src/lib/extract). Files that cannot be reports are refused with a reason first:
 * empty, too large, binary (images, old .doc/.xls, archives).
 */
import { decodeText, detectFormat } from '../../src/lib/extract/detect.ts';
import type { Diagnostic } from '../../src/lib/diagnostics.ts';
import type { Extracted } from '../../src/lib/extract/types.ts';
import type { SourceFormat } from '../../src/lib/schema.ts';

/** Larger files are refused as too large (no report comes near it). */
export const MAX_REPORT_BYTES = 50 * 1024 * 1024;

export type UnusableReason = 'empty' | 'too_large' | 'binary' | 'unsupported' | 'unreadable' | 'not_a_report' | 'parse_error';

export type ReadResult =
  | { ok: true; format: SourceFormat; text: string; diagnostics: Diagnostic[] }
  | { ok: false; reason: UnusableReason; detail: string };

const BINARY_MAGIC: [string, number[]][] = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['old Word (.doc) or Excel (.xls) file', [0xd0, 0xcf, 0x11, 0xe0]],
  ['gzip archive', [0x1f, 0x8b]],
  ['RAR archive', [0x52, 0x61, 0x72, 0x21]],
  ['7z archive', [0x37, 0x7a, 0xbc, 0xaf]],
];

/** What binary kind the bytes are, when they are not text the extractor can read (PDF and docx are). */
export function binaryKind(bytes: Uint8Array): string | null {
  for (const [name, magic] of BINARY_MAGIC) if (magic.every((b, i) => bytes[i] === b)) return name;
  const head = bytes.subarray(0, 2048);
  if (head.indexOf(0) >= 0) return 'binary data (NUL bytes)';
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const b = head[i] as number;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control > head.length / 20 ? 'binary data (control bytes)' : null;
}

export async function readReportFile(bytes: Uint8Array, name: string): Promise<ReadResult> {
  if (bytes.length === 0) return { ok: false, reason: 'empty', detail: 'empty file (0 bytes)' };
  if (bytes.length > MAX_REPORT_BYTES) {
    return { ok: false, reason: 'too_large', detail: `too large: ${bytes.length} bytes (limit ${MAX_REPORT_BYTES})` };
  }
  const format = detectFormat(bytes, name);
  // UTF-16 text is full of NUL bytes: with its byte-order mark it is text, not binary.
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if ((format === 'txt' || format === 'html') && !utf16) {
    const binary = binaryKind(bytes);
    if (binary) return { ok: false, reason: 'binary', detail: `not a text, HTML, PDF or Word (.docx) file: ${binary}` };
  }
  let extracted: Extracted;
  if (format === 'txt') {
    // Plain text needs no reader: decode (BOM, UTF-8, else GB18030) as the extractor does, without loading pdf.js.
    const decoded = decodeText(bytes);
    const text = decoded.text.replace(/^\uFEFF/, '');
    extracted = { format, text: text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text, diagnostics: decoded.diagnostics, error: null };
  } else {
    const { extractText } = await import('../../src/lib/extract/index.ts');
    extracted = await extractText(bytes, name);
  }
  if (extracted.error) {
    const empty = /empty/i.test(extracted.error) && extracted.text.trim() === '';
    return { ok: false, reason: empty ? 'empty' : 'unreadable', detail: extracted.error };
  }
  if (extracted.text.trim() === '') return { ok: false, reason: 'empty', detail: 'no text (only white space)' };
  return { ok: true, format: extracted.format, text: extracted.text, diagnostics: extracted.diagnostics };
}
