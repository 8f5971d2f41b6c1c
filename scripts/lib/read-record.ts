/**
 * One file's bytes → its full record (parsed, agency resolved), or why the file cannot be used,
 * in the two steps the build caches apart: read-report-file.ts (bytes → text) and
 * parse-stage.ts (text → record); `placeRecord` then gives the record its file, id and hash.
 * `readRecord` runs all three, for `npm run parse`.
 */
import type { ReportRecord } from '../../src/lib/schema.ts';
import { sha256 } from './cache.ts';
import { parseStage } from './parse-stage.ts';
import { readReportFile, type UnusableReason } from './read-report-file.ts';

export type RecordResult =
  | { ok: true; sha256: string; record: ReportRecord }
  | { ok: false; sha256: string; reason: UnusableReason; detail: string; record: ReportRecord | null };

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
