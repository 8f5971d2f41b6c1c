/**
 * `npm run parse -- FILE…`: prints a JSON array with one record per file (../shared/SPEC.md §3),
 * read exactly as the build reads it (any format, agency resolved; data/agencies.csv corrections
 * are a build step and not applied here). A file that cannot be read or is not a report gets a
 * record with an error, not a crash; the command then exits 1, after printing every record.
 * `-` reads standard input. Ids are made as the build makes them (src/lib/dataset/report-ids.ts).
 */
import { readFileSync, statSync } from 'node:fs';
import { assignIds } from '../src/lib/dataset/report-ids.ts';
import { formatOf } from '../src/lib/extract/detect.ts';
import { parseReport } from '../src/lib/parse/index.ts';
import type { ReportRecord, SourceFormat } from '../src/lib/schema.ts';
import { readRecord } from './lib/read-record.ts';

const USAGE = `usage: npm run parse -- FILE…   (- reads standard input)
Prints a JSON array with one record per file, read as the build reads it (txt, html, pdf, docx).
A file that cannot be read or is not a report gets a record with an error; the exit status is then 1.`;

/** The name standard input is given in a record. */
const STDIN = 'stdin';

/** The record of a file that gives none: its format is what its bytes are (as the build reads them), not its extension. */
function errorRecord(file: string, id: string, sha256: string, error: string, bytes: Uint8Array | null): ReportRecord {
  const format: SourceFormat = bytes ? formatOf(bytes) : 'txt';
  const record = parseReport('', { file, sha256, format });
  record.id = id;
  record.error = error;
  return record;
}

/** Why a file cannot be read, in a few words (the file is named by the caller, once). */
function whyUnreadable(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder, not a file: give the files in it';
  return code ?? (cause instanceof Error ? cause.message : String(cause));
}

function bytesOf(file: string): Uint8Array {
  if (file === '-') return new Uint8Array(readFileSync(0));
  if (statSync(file).isDirectory()) throw Object.assign(new Error('a folder'), { code: 'EISDIR' });
  return new Uint8Array(readFileSync(file));
}

async function recordFor(arg: string, id: string): Promise<ReportRecord> {
  const file = arg === '-' ? STDIN : arg;
  let bytes: Uint8Array;
  try {
    bytes = bytesOf(arg);
  } catch (cause) {
    return errorRecord(file, id, '', `cannot read: ${whyUnreadable(cause)}`, null);
  }
  const read = await readRecord(bytes, file, id);
  if (read.ok) return read.record;
  const record = read.record ?? errorRecord(file, id, read.sha256, `${read.reason}: ${read.detail}`, bytes);
  return { ...record, id };
}

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const unknown = args.find((a) => a.startsWith('-') && a !== '-' && a !== '--');
const files = args.filter((a) => a !== '--');
if (files.length === 0 || unknown) {
  console.error(unknown ? `parse: unknown option ${unknown}\n${USAGE}` : USAGE);
  process.exit(2);
}
if (files.filter((f) => f === '-').length > 1) {
  console.error('parse: - (standard input) can be given once');
  process.exit(2);
}
const ids = assignIds(files.map((f) => (f === '-' ? STDIN : f)));
const records: ReportRecord[] = [];
for (const [i, file] of files.entries()) records.push(await recordFor(file, ids[i] as string));
process.stdout.write(JSON.stringify(records, null, 2) + '\n');
const failed = records.filter((r) => r.error !== null);
if (failed.length > 0) {
  console.error(`parse: ${failed.length} of ${records.length} files gave no report:`);
  // Each file named once: some reasons name it already.
  for (const r of failed) console.error(`  ${r.error?.includes(r.source.file) ? '' : `${r.source.file}: `}${r.error}`);
  process.exit(1);
}
