/**
 * Any published report file → the one normalised text the report parser reads. The reader is
 * chosen from the bytes (detect.ts), never from the file's name; a name that says otherwise gets
 * a warning. Bad input comes back as `error`, never as an exception; a file no reader can take
 * also says why (`refusal`).
 */
import { formatOfName, sniff } from './detect.ts';
import { extractDocx } from './docx.ts';
import { extractTextFile } from './text-file.ts';
import type { Extracted } from './types.ts';
import { diagnostic } from '../diagnostics.ts';

export type { Extracted, ExtractedFormat } from './types.ts';


async function readAs(reader: 'pdf' | 'docx' | 'text', bytes: Uint8Array): Promise<Extracted> {
  if (reader === 'docx') return extractDocx(bytes);
  if (reader === 'text') return extractTextFile(bytes);
  // pdf.js is loaded only for the first PDF: a build of text reports never loads it.
  const { extractPdf } = await import('./pdf/index.ts');
  return extractPdf(bytes);
}

export async function extractText(bytes: Uint8Array, fileName: string): Promise<Extracted> {
  const sniffed = sniff(bytes);
  if (sniffed.reader === null) {
    return { format: 'txt', text: '', diagnostics: [], error: `${fileName}: ${sniffed.detail}`, refusal: sniffed.refusal };
  }
  let extracted: Extracted;
  try {
    extracted = await readAs(sniffed.reader, bytes);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    const format = sniffed.reader === 'text' ? 'txt' : sniffed.reader;
    return { format, text: '', diagnostics: [], error: `${fileName}: could not read as ${format}: ${message}` };
  }
  const named = formatOfName(fileName);
  if (named && named !== extracted.format) {
    const warning = diagnostic('format_not_as_named', 'file', { found: extracted.format, named });
    extracted = { ...extracted, diagnostics: [warning, ...extracted.diagnostics] };
  }
  return extracted.error ? { ...extracted, error: `${fileName}: ${extracted.error}` } : extracted;
}
