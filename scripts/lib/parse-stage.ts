/**
 * Stage 2 of the build: extracted text → record with its agency resolved, or why it is not a
 * report. Pure, and free of the file's name and bytes (placeRecord in read-record.ts adds them),
 * so one text's record serves every file that gives it. Its cache key is the text's hash and
 * the fingerprint of this module's imports (fingerprint.ts): type imports only from the
 * extractor's side, so an extractor change leaves parsed records alone.
 */
import { resolveAgency } from '../../src/lib/agency/index.ts';
import { parseReport } from '../../src/lib/parse/index.ts';
import type { ReportRecord } from '../../src/lib/schema.ts';
import type { ReadResult, UnusableReason } from './read-report-file.ts';

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

