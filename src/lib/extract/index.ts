/**
 * Any published report file (text, web page, PDF, Word) → the one normalised text the report
 * parser reads. Bad input comes back as `error`, never as an exception.
 */
import { decodeText, detectFormat } from './detect.ts';
import { extractDocx } from './docx.ts';
import { extractHtml } from './html.ts';
import { extractPdf } from './pdf/index.ts';
import type { Extracted, ExtractedFormat } from './types.ts';

export type { Extracted, ExtractedFormat } from './types.ts';
export { detectFormat } from './detect.ts';

/** Why bytes that are not PDF, Word or HTML cannot be text either (images, old .doc, archives), or null. */
function binaryReason(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return 'old Word (.doc) or Excel (.xls) file: not read; save it as .docx';
  }
  return bytes.subarray(0, 8192).includes(0) ? 'binary data (not text, PDF, Word .docx or HTML)' : null;
}

function extractPlainText(bytes: Uint8Array): Extracted {
  const binary = binaryReason(bytes);
  if (binary) return { format: 'txt', text: '', diagnostics: [], error: binary };
  const decoded = decodeText(bytes);
  const text = decoded.text.replace(/\r\n?/g, '\n');
  return { format: 'txt', text, diagnostics: decoded.diagnostics, error: text.trim() === '' ? 'empty file' : null };
}

async function extractAs(format: ExtractedFormat, bytes: Uint8Array): Promise<Extracted> {
  switch (format) {
    case 'pdf':
      return extractPdf(bytes);
    case 'docx':
      return extractDocx(bytes);
    case 'html':
      return extractHtml(bytes);
    case 'txt':
      return extractPlainText(bytes);
  }
}

export async function extractText(bytes: Uint8Array, fileName: string): Promise<Extracted> {
  const format = detectFormat(bytes, fileName);
  try {
    const extracted = await extractAs(format, bytes);
    return extracted.error ? { ...extracted, error: `${fileName}: ${extracted.error}` } : extracted;
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    return { format, text: '', diagnostics: [], error: `${fileName}: could not read as ${format}: ${message}` };
  }
}
