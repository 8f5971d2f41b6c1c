/**
 * One file's bytes → its full record (parsed, agency resolved), or why the file cannot be used.
 * Shared by the build (process-file.ts) and `npm run parse`, so both give the same record.
 */
import { resolveAgency } from '../../src/lib/agency/index.ts';
import { parseReport } from '../../src/lib/parse/index.ts';
import type { ReportRecord } from '../../src/lib/schema.ts';
import { sha256Hex } from './hash-files.ts';
import { readReportFile, type UnusableReason } from './read-report-file.ts';

export type RecordResult =
  | { ok: true; sha256: string; record: ReportRecord }
  | { ok: false; sha256: string; reason: UnusableReason; detail: string; record: ReportRecord | null };

/** Text that never mentions 信息公开 or 政务公开 is not a disclosure report. */
const REPORT_MARK = /信息公开|政务公开/;

export async function readRecord(bytes: Uint8Array, file: string, id: string): Promise<RecordResult> {
  const sha256 = sha256Hex(bytes);
  const unusable = (reason: UnusableReason, detail: string, record: ReportRecord | null = null): RecordResult => ({
    ok: false,
    sha256,
    reason,
    detail,
    record,
  });
  const read = await readReportFile(bytes, file);
  if (!read.ok) return unusable(read.reason, read.detail);
  if (!REPORT_MARK.test(read.text)) return unusable('not_a_report', 'not a report: the text never mentions 信息公开 or 政务公开');
  let parsed: ReportRecord;
  try {
    parsed = parseReport(read.text, { file, sha256, format: read.format });
  } catch (cause) {
    return unusable('parse_error', `the parser failed: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
  if (parsed.error) return unusable(/not a report|不是/i.test(parsed.error) ? 'not_a_report' : 'parse_error', parsed.error, parsed);
  const resolved = resolveAgency(parsed.agency.name, read.text, parsed.agency.canonical_name);
  return {
    ok: true,
    sha256,
    record: {
      ...parsed,
      id,
      agency: resolved.agency,
      diagnostics: [...read.diagnostics, ...parsed.diagnostics, ...resolved.diagnostics],
    },
  };
}
