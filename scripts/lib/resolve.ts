/**
 * Stage 3, recomputed every build from the records (never from the files): per record, the joins
 * with the small CSV files (data/agencies.csv, data/sources.csv) and what the
 * outputs need of it (JSON line, CSV line, fact row); then, over all records, the duplicate rule
 * and the build report.
 */
import { RESOLVER_VERSION } from '../../src/lib/agency/index.ts';
import type { BuildReport, NotUsedReason } from '../../src/lib/dataset/build-report.ts';
import { toCsvRow, unmappedProactive } from '../../src/lib/dataset/columns.ts';
import { csvLines } from '../../src/lib/dataset/csv.ts';
import { cellsRead, DUPLICATE_RULE, pickDuplicates } from '../../src/lib/dataset/duplicates.ts';
import { agencyChanges, type AgencyOfReport } from '../../src/lib/agency/changes.ts';
import { applyOverrides, type AgencyOverride, type OverrideApplied } from '../../src/lib/dataset/overrides.ts';
import { withSourceUrl, type SourceLookup } from '../../src/lib/dataset/sources.ts';
import { diagnostic } from '../../src/lib/diagnostics.ts';
import { FACT_FIELDS, factValues } from '../../src/lib/facts.ts';
import { PARSER_VERSION } from '../../src/lib/parse/index.ts';
import { SCHEMA_VERSION } from '../../src/lib/schema.ts';
import type { ReportRecord } from '../../src/lib/schema.ts';
import type { UnusableReason } from './read-report-file.ts';

/** The small tables every record is joined with (read once per build, handed to every worker). */
export interface Joins {
  overrides: readonly AgencyOverride[];
  /** data/sources.csv's rows by report file (relative to the reports folder, as source.file is) and by id. */
  sources: SourceLookup;
}

/** What the build keeps of one used-or-not report: figures for the duplicate rule and the report, its fact row, its CSV line (UTF-8). */
export interface ReportSummary {
  id: string;
  agency: string | null;
  /** Its agency's id (agencies.csv applied), what changed it, and the ids it had before: the duplicate rule's key and the build report's agencies section. */
  agencyId: AgencyOfReport['agencyId'];
  agencyChange: AgencyOfReport['change'];
  formerAgencyIds: AgencyOfReport['formerIds'];
  year: number | null;
  checksFailed: number;
  diagnostics: number;
  cellsRead: number;
  overrides: OverrideApplied[];
  /** Whether sources.csv gave the report the address it was published at. */
  hasUrl: boolean;
  /** Fact row values in FACT_FIELDS order. */
  fact: (string | number | null)[];
  csv: Uint8Array;
}

export type Outcome =
  | { status: 'unusable'; file: string; reason: UnusableReason; detail: string }
  | { status: 'parsed'; file: string; summary: ReportSummary };

const CHECKS_FAILED = FACT_FIELDS.indexOf('checks_failed');
const utf8 = new TextEncoder();

/** A placed record (read-record.ts) joined and made ready for the outputs: its outcome, and its line in its shard file (JSON). */
export function resolveRecord(placed: ReportRecord, joins: Joins): { outcome: Outcome; json: Uint8Array } {
  // Per-record joins with small CSV files, each keyed by the record's fields: agencies.csv, then
  // sources.csv (by source.file, relative to the reports folder, else by id).
  const overridden = applyOverrides(placed, joins.overrides);
  const applied = overridden.applied;
  const record = withSourceUrl(overridden.record, joins.sources, '');
  for (const { item, column } of unmappedProactive(record)) {
    record.diagnostics.push(diagnostic('proactive_cell_no_csv_column', 'proactive', {}, { row: item, column }));
  }
  const fact = factValues(record);
  const summary: ReportSummary = {
    id: record.id,
    agency: record.agency.name,
    agencyId: record.agency.id,
    agencyChange: overridden.change,
    formerAgencyIds: overridden.formerIds,
    year: record.year,
    checksFailed: fact[CHECKS_FAILED] as number,
    diagnostics: record.diagnostics.length,
    cellsRead: cellsRead(record),
    overrides: applied,
    hasUrl: record.source.url != null,
    fact,
    csv: utf8.encode(csvLines([toCsvRow(record)])),
  };
  return { outcome: { status: 'parsed', file: record.source.file, summary }, json: utf8.encode(JSON.stringify(record)) };
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const UNREAD = new Set<NotUsedReason>(['empty', 'too_large', 'binary', 'unsupported', 'unreadable']);

/** What the listing says beside the files' outcomes: entries not read (a link to nothing, a pipe…), and notes on names and ids. */
export interface ListingNotes {
  notRead: BuildReport['not_used'];
  names: BuildReport['names'];
}

/** Over all outcomes (file order): the used reports (id order), the files dropped as duplicates, and the build report. */
export function resolveDataset(
  outcomes: readonly Outcome[],
  overrideErrors: string[],
  listed: ListingNotes = { notRead: [], names: [] },
  sourceErrors: string[] = [],
): { used: ReportSummary[]; dropped: Set<string>; report: BuildReport } {
  const parsed = outcomes.flatMap((o) => (o.status === 'parsed' ? [{ ...o.summary, file: o.file }] : []));
  const duplicates = pickDuplicates(parsed);
  const dropped = new Set(duplicates.map((d) => d.file));
  const used = parsed.filter((s) => !dropped.has(s.file)).sort((a, b) => byText(a.id, b.id));
  const notUsed: BuildReport['not_used'] = [
    ...outcomes.flatMap((o) => (o.status === 'unusable' ? [{ file: o.file, reason: o.reason as NotUsedReason, detail: o.detail }] : [])),
    ...duplicates.map((d) => ({ file: d.file, reason: 'duplicate' as const, detail: d.reason })),
    ...listed.notRead,
  ].sort((a, b) => byText(a.file, b.file));
  const byReason: BuildReport['not_used_by_reason'] = {};
  for (const n of notUsed) byReason[n.reason] = (byReason[n.reason] ?? 0) + 1;
  const applied = parsed.flatMap((s) => s.overrides.map((o) => ({ file: s.file, id: s.id, line: o.line, fields: o.fields })));
  const agencies = agencyChanges(used.map((s) => ({ id: s.id, agencyId: s.agencyId, change: s.agencyChange, formerIds: s.formerAgencyIds })));
  const report: BuildReport = {
    schema_version: SCHEMA_VERSION,
    parser_version: PARSER_VERSION,
    resolver_version: RESOLVER_VERSION,
    totals: {
      files: outcomes.length + listed.notRead.length,
      read: outcomes.filter((o) => !(o.status === 'unusable' && UNREAD.has(o.reason))).length,
      parsed: parsed.length,
      parsed_with_diagnostics: parsed.filter((s) => s.diagnostics > 0).length,
      failed_checks: parsed.filter((s) => s.checksFailed > 0).length,
      used: used.length,
      not_used: notUsed.length,
      overrides_applied: applied.length,
    },
    not_used_by_reason: byReason,
    not_used: notUsed,
    duplicate_rule: DUPLICATE_RULE,
    names: listed.names,
    sources: { with_url: used.filter((s) => s.hasUrl).length, errors: sourceErrors },
    overrides: { errors: overrideErrors, applied },
    agencies,
  };
  return { used, dropped, report };
}
