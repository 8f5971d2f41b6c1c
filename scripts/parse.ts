/**
 * `npm run parse -- FILE…`: prints a JSON array with one record per file (../shared/SPEC.md §3),
 * read exactly as the build reads it (any format, agency resolved; data/agencies.csv corrections
 * are a build step and not applied here). A file that cannot be read or is not a report gets a
 * record with an error, not a crash.
 */
import { readFileSync } from 'node:fs';
import { formatOf } from '../src/lib/extract/detect.ts';
import { parseReport, reportId } from '../src/lib/parse/index.ts';
import type { ReportRecord, SourceFormat } from '../src/lib/schema.ts';
import { readRecord } from './lib/read-record.ts';

/** The record of a file that gives none: its format is what its bytes are (as the build reads them), not its extension. */
function errorRecord(file: string, sha256: string, error: string, bytes: Uint8Array | null): ReportRecord {
  const format: SourceFormat = bytes ? formatOf(bytes) : 'txt';
  const record = parseReport('', { file, sha256, format });
  record.error = error;
  return record;
}

async function recordFor(file: string): Promise<ReportRecord> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (err) {
    return errorRecord(file, '', `cannot read ${file}: ${(err as Error).message}`, null);
  }
  const read = await readRecord(bytes, file, reportId(file));
  if (read.ok) return read.record;
  return read.record ?? errorRecord(file, read.sha256, `${read.reason}: ${read.detail}`, bytes);
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npm run parse -- FILE…');
  process.exit(2);
}
const records: ReportRecord[] = [];
for (const file of files) records.push(await recordFor(file));
process.stdout.write(JSON.stringify(records, null, 2) + '\n');
