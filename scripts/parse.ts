/**
 * `npm run parse -- FILE…`: prints a JSON array with one record per file (../shared/SPEC.md §3).
 * A file that cannot be read or is not a report gets a record with an error, not a crash.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseReport } from '../src/lib/parse/index.ts';
import type { ReportRecord, SourceFormat } from '../src/lib/schema.ts';

function formatOf(file: string): SourceFormat {
  const ext = extname(file).toLowerCase();
  if (ext === '.pdf') return 'pdf';
  if (ext === '.docx') return 'docx';
  if (['.html', '.htm', '.shtml'].includes(ext)) return 'html';
  return 'txt';
}

function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

async function recordFor(file: string): Promise<ReportRecord> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (err) {
    const record = parseReport('', { file, sha256: '', format: formatOf(file) });
    record.error = `cannot read ${file}: ${(err as Error).message}`;
    return record;
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const format = formatOf(file);
  const extract = await loadExtractor();
  if (extract) {
    const out = await extract(bytes, file);
    const record = parseReport(out.text, { file, sha256, format: out.format });
    if (out.error) record.error = out.error;
    record.warnings.unshift(...out.warnings);
    return record;
  }
  return parseReport(decode(bytes), { file, sha256, format });
}

type Extract = (bytes: Uint8Array, name: string) => Promise<{ format: SourceFormat; text: string; warnings: string[]; error: string | null }>;

async function loadExtractor(): Promise<Extract | null> {
  try {
    const mod = (await import('../src/lib/extract/index.ts')) as { extractText: Extract };
    return mod.extractText;
  } catch {
    return null;
  }
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npm run parse -- FILE…');
  process.exit(2);
}
const records: ReportRecord[] = [];
for (const file of files) records.push(await recordFor(file));
process.stdout.write(JSON.stringify(records, null, 2) + '\n');
