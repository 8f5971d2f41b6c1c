/**
 * Bytes of one file in data/reports/ → the text the parser reads, or why it cannot be read.
 * The build and `npm run parse` both come here, and from here to the extractor
 * (src/lib/extract), which alone decides the reader from the bytes (never the file's name):
 * text, HTML (also in a .txt, also held in a script's strings), PDF, Word (.docx); binary files,
 * old .doc/.xls and zips that are not .docx are refused there with a reason. Only the limits a
 * build sets (empty, too large) are checked here.
 */
import { extractText } from '../../src/lib/extract/index.ts';
import type { Diagnostic } from '../../src/lib/diagnostics.ts';
import type { SourceFormat } from '../../src/lib/schema.ts';

/** Larger files are refused as too large (no report comes near it). */
export const MAX_REPORT_BYTES = 50 * 1024 * 1024;

export type UnusableReason = 'empty' | 'too_large' | 'binary' | 'unsupported' | 'unreadable' | 'not_a_report' | 'parse_error';

export type ReadResult =
  | { ok: true; format: SourceFormat; text: string; diagnostics: Diagnostic[] }
  | { ok: false; reason: UnusableReason; detail: string };

export async function readReportFile(bytes: Uint8Array, name: string): Promise<ReadResult> {
  if (bytes.length === 0) return { ok: false, reason: 'empty', detail: 'empty file (0 bytes)' };
  if (bytes.length > MAX_REPORT_BYTES) {
    return { ok: false, reason: 'too_large', detail: `too large: ${bytes.length} bytes (limit ${MAX_REPORT_BYTES})` };
  }
  const extracted = await extractText(bytes, name);
  if (extracted.refusal) return { ok: false, reason: extracted.refusal, detail: extracted.error ?? extracted.refusal };
  if (extracted.error) {
    const empty = /empty/i.test(extracted.error) && extracted.text.trim() === '';
    return { ok: false, reason: empty ? 'empty' : 'unreadable', detail: extracted.error };
  }
  if (extracted.text.trim() === '') return { ok: false, reason: 'empty', detail: 'no text (only white space)' };
  return { ok: true, format: extracted.format, text: extracted.text, diagnostics: extracted.diagnostics };
}
