/**
 * One file's bytes → what the build needs from it: the record JSON (written as
 * reports/<id>.json), its fact row, its CSV line and a few figures for the duplicate rule and the
 * build report; or why the file cannot be used. Runs in the parse workers (and on the main thread
 * when workers are unavailable). Everything but the hash is pure.
 */
import { toCsvRow, unmappedProactive } from '../../src/lib/dataset/columns.ts';
import { csvLines } from '../../src/lib/dataset/csv.ts';
import { cellsRead } from '../../src/lib/dataset/duplicates.ts';
import { applyOverrides, type AgencyOverride, type OverrideApplied } from '../../src/lib/dataset/overrides.ts';
import { diagnostic } from '../../src/lib/diagnostics.ts';
import { FACT_FIELDS, factValues } from '../../src/lib/facts.ts';
import { readRecord } from './read-record.ts';
import type { UnusableReason } from './read-report-file.ts';

export interface FileTask {
  /** Path to read: bytes when the file's name is not UTF-8 (see list-files.ts). */
  abs: string | Buffer;
  /** Path as recorded in source.file, relative to the reports folder (e.g. 广东/x.txt). */
  file: string;
  /** Report id assigned by the build (the file's base name, made unique). */
  id: string;
}

/** What the build keeps of one parsed report; `Csv` is its CSV line, a string from the parser, bytes in the build. */
export interface ReportSummary<Csv = string> {
  id: string;
  agency: string | null;
  year: number | null;
  checksFailed: number;
  diagnostics: number;
  cellsRead: number;
  overrides: OverrideApplied[];
  /** Fact row values in FACT_FIELDS order. */
  fact: (string | number | null)[];
  /** The CSV line (CRLF-terminated) for this report. */
  csv: Csv;
}

export type FileOutcome<Csv = string> =
  | { status: 'unusable'; file: string; sha256: string; reason: UnusableReason; detail: string }
  | { status: 'parsed'; file: string; sha256: string; summary: ReportSummary<Csv> };

export { FACT_FIELDS };

const CHECKS_FAILED = FACT_FIELDS.indexOf('checks_failed');

export async function processFile(
  task: FileTask,
  bytes: Uint8Array,
  overrides: readonly AgencyOverride[],
): Promise<{ outcome: FileOutcome; json: string | null }> {
  const read = await readRecord(bytes, task.file, task.id);
  if (!read.ok) {
    return { outcome: { status: 'unusable', file: task.file, sha256: read.sha256, reason: read.reason, detail: read.detail }, json: null };
  }
  const sha256 = read.sha256;
  const withAgency = read.record;
  const { record, applied } = applyOverrides(withAgency, overrides);
  for (const { item, column } of unmappedProactive(record)) {
    record.diagnostics.push(diagnostic('proactive_cell_no_csv_column', 'proactive', {}, { row: item, column }));
  }
  const fact = factValues(record);
  const summary: ReportSummary = {
    id: record.id,
    agency: record.agency.name,
    year: record.year,
    checksFailed: fact[CHECKS_FAILED] as number,
    diagnostics: record.diagnostics.length,
    cellsRead: cellsRead(record),
    overrides: applied,
    fact,
    csv: csvLines([toCsvRow(record)]),
  };
  return { outcome: { status: 'parsed', file: task.file, sha256, summary }, json: JSON.stringify(record) };
}
