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

function extractPlainText(bytes: Uint8Array): Extracted {
  const decoded = decodeText(bytes);
  const text = decoded.text.replace(/\r\n?/g, '\n');
  return { format: 'txt', text, warnings: decoded.warnings, error: text.trim() === '' ? 'empty file' : null };
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
    return { format, text: '', warnings: [], error: `${fileName}: could not read as ${format}: ${message}` };
  }
}
