/**
 * Bytes of one file in data/reports/ → the text the parser reads, or why it cannot be read.
 * The single place the build turns bytes into text. Files that cannot be reports are refused
 * with a reason: empty, too large, binary, a format this reader does not handle.
 */
import type { SourceFormat } from '../../src/lib/schema.ts';

/** Larger files are refused as too large (no report comes near it). */
export const MAX_REPORT_BYTES = 50 * 1024 * 1024;

export type UnusableReason = 'empty' | 'too_large' | 'binary' | 'unsupported' | 'unreadable' | 'not_a_report' | 'parse_error';

export type ReadResult =
  | { ok: true; format: SourceFormat; text: string; warnings: string[] }
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

/** Plain text: UTF-8 (BOM or not), else GB18030 (GBK/GB2312 pages saved as text). */
function decodePlainText(bytes: Uint8Array): { text: string; warnings: string[] } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), warnings: [] };
  } catch {
    const text = new TextDecoder('gb18030').decode(bytes);
    const warnings = ['not valid UTF-8: read as GB18030'];
    if (text.includes('\uFFFD')) warnings.push('neither valid UTF-8 nor GB18030: some characters were replaced');
    return { text, warnings };
  }
}

export async function readReportFile(bytes: Uint8Array, name: string): Promise<ReadResult> {
  if (bytes.length === 0) return { ok: false, reason: 'empty', detail: 'empty file (0 bytes)' };
  if (bytes.length > MAX_REPORT_BYTES) {
    return { ok: false, reason: 'too_large', detail: `too large: ${bytes.length} bytes (limit ${MAX_REPORT_BYTES})` };
  }
  const extension = (name.match(/\.([^./\\]+)$/)?.[1] ?? '').toLowerCase();
  if (extension !== 'txt') {
    return { ok: false, reason: 'unsupported', detail: `unsupported file type ".${extension}": this build reads .txt only` };
  }
  const binary = binaryKind(bytes);
  if (binary) return { ok: false, reason: 'binary', detail: `not a text file: ${binary}` };
  const { text, warnings } = decodePlainText(bytes);
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (normalised.trim() === '') return { ok: false, reason: 'empty', detail: 'no text (only white space)' };
  return { ok: true, format: 'txt', text: normalised, warnings };
}
