/**
 * One file's bytes → its full record (parsed, agency resolved), or why the file cannot be used,
 * in the two steps the build caches apart: `extractStage` (bytes → text, see read-report-file.ts)
 * and `parseStage` (text → record, agency resolved; pure, and free of the file's name and
 * bytes, so one text's record serves every file that gives it). `placeRecord` then gives the
 * record its file, id and hash. `readRecord` runs all three, for `npm run parse`.
 */
import { resolveAgency } from '../../src/lib/agency/index.ts';
import { parseReport } from '../../src/lib/parse/index.ts';
import type { ReportRecord } from '../../src/lib/schema.ts';
import { sha256 } from './cache.ts';
import { readReportFile, type ReadResult, type UnusableReason } from './read-report-file.ts';

export { readReportFile as extractStage };

export type RecordResult =
  | { ok: true; sha256: string; record: ReportRecord }
  | { ok: false; sha256: string; reason: UnusableReason; detail: string; record: ReportRecord | null };

export type ParseResult = { ok: true; record: ReportRecord } | { ok: false; reason: UnusableReason; detail: string; record: ReportRecord | null };

/** Text that never mentions 信息公开 or 政务公开 is not a disclosure report. */
const REPORT_MARK = /信息公开|政务公开/;

/** What parseStage puts where the file's name, id and hash go (placeRecord replaces them). */
const UNPLACED = '';

/** Extracted text → record with its agency resolved, or why it is not a report. */
export function parseStage(read: ReadResult): ParseResult {
  if (!read.ok) return { ok: false, reason: read.reason, detail: read.detail, record: null };
  if (!REPORT_MARK.test(read.text)) return { ok: false, reason: 'not_a_report', detail: 'not a report: the text never mentions 信息公开 or 政务公开', record: null };
  let parsed: ReportRecord;
  try {
    parsed = parseReport(read.text, { file: UNPLACED, sha256: UNPLACED, format: read.format });
  } catch (cause) {
    return { ok: false, reason: 'parse_error', detail: `the parser failed: ${cause instanceof Error ? cause.message : String(cause)}`, record: null };
  }
  if (parsed.error) return { ok: false, reason: /not a report|不是/i.test(parsed.error) ? 'not_a_report' : 'parse_error', detail: parsed.error, record: parsed };
  const resolved = resolveAgency(parsed.agency.name, read.text, parsed.agency.canonical_name);
  return { ok: true, record: { ...parsed, id: UNPLACED, agency: resolved.agency, diagnostics: [...read.diagnostics, ...parsed.diagnostics, ...resolved.diagnostics] } };
}

/** The record as the file at `file` with these bytes gives it (changed in place). */
export function placeRecord(record: ReportRecord, file: string, id: string, bytesHash: string): ReportRecord {
  record.id = id;
  record.source.file = file;
  record.source.sha256 = bytesHash;
  return record;
}

export async function readRecord(bytes: Uint8Array, file: string, id: string): Promise<RecordResult> {
  const hash = sha256(bytes);
  const parsed = parseStage(await readReportFile(bytes, file));
  const record = parsed.record ? placeRecord(parsed.record, file, id, hash) : null;
  if (parsed.ok) return { ok: true, sha256: hash, record: record as ReportRecord };
  return { ok: false, sha256: hash, reason: parsed.reason, detail: parsed.detail, record };
}
