/** build-report.json: what the build read, used and refused. Every file in the folder appears once in `files` counts. */
import type { AgencyChangeListed, AgencyForward } from '../agency/changes.ts';

export type NotUsedReason =
  | 'empty'
  | 'too_large'
  | 'binary'
  | 'unsupported'
  | 'unreadable'
  | 'not_a_report'
  | 'parse_error'
  | 'duplicate'
  /** Not a regular file: a named pipe, a socket, a device (never opened). */
  | 'not_a_file'
  /** A symbolic link to nothing. */
  | 'broken_link'
  /** Symbolic links that lead round in a circle (ELOOP). */
  | 'link_loop'
  /** A link to a folder read already (or to a folder holding it): read once, where it is. */
  | 'folder_linked_twice'
  /** A sub-folder that cannot be read (its permissions). */
  | 'unreadable_folder';

/** Not used, but not a fault either: `--strict` does not fail on these. */
export const NOT_FAULTS: readonly NotUsedReason[] = ['duplicate', 'folder_linked_twice'];

/**
 * Why a report's id is not its file's base name, or its file's name is not shown as it is:
 * the name is not UTF-8 (shown decoded as GB18030, or its bytes escaped); the base name is not
 * safe for an address or a file name; another file's name gives the same id.
 */
export type FileNameNote = 'name_gb18030' | 'name_bytes' | 'unsafe_name' | 'shared_name';

export interface BuildReport {
  schema_version: number;
  parser_version: string;
  resolver_version: string;
  totals: {
    /** Files in the reports folder. */
    files: number;
    /** Files whose bytes became text. */
    read: number;
    /** Files that gave a record. */
    parsed: number;
    /** Records with at least one diagnostic. */
    parsed_with_diagnostics: number;
    /** Records with at least one failed arithmetic check. */
    failed_checks: number;
    /** Records in the dataset (parsed minus duplicates). */
    used: number;
    /** Files not in the dataset: unusable or duplicate. used + not_used = files. */
    not_used: number;
    overrides_applied: number;
  };
  not_used_by_reason: Partial<Record<NotUsedReason, number>>;
  /** Every file not in the dataset, with the reason. */
  not_used: { file: string; reason: NotUsedReason; detail: string }[];
  duplicate_rule: string;
  /** Files whose name is not shown as it is, or whose id is not their base name, with why (a file can have two notes). */
  names: { file: string; id: string; note: FileNameNote }[];
  /** data/sources.csv: reports given the address they were published at, and its rows not used (with line and why). */
  sources: { with_url: number; errors: string[] };
  overrides: {
    errors: string[];
    applied: { file: string; id: string; line: number; fields: string[] }[];
  };
  /**
   * Agency identities data/agencies.csv changed: each merge, rename and split (its line, the ids
   * before, the id after, the reports moved), and each old agency id whose page forwards to the
   * agency now under another id (src/lib/agency/changes.ts).
   */
  agencies: { changes: AgencyChangeListed[]; forwards: AgencyForward[] };
}

/** The lines on agencies.csv's merges, renames and splits: their count, and each merge or rename into an agency no other report has (a same_as to check). */
function agencyChangeLines(agencies: BuildReport['agencies'] | undefined): string[] {
  if (!agencies || agencies.changes.length === 0) return [];
  const count = (kind: string) => agencies.changes.filter((c) => c.change === kind).length;
  return [
    `build-data: agencies.csv changed agencies: merge ${count('merge')}, rename ${count('rename')}, split ${count('split')} (${agencies.changes.reduce((n, c) => n + c.reports.length, 0)} reports); ${agencies.forwards.length} old agency addresses forward to the new ones`,
    ...agencies.changes
      .filter((c) => c.change !== 'split' && c.joined === 0)
      .map((c) => `  line ${c.line}: ${c.change} into ${c.to}, which has no other report in this build: check same_as (the agency_id column of the CSV)`),
  ];
}

/** The lines printed at the end of a build. */
export function summaryLines(report: BuildReport): string[] {
  const t = report.totals;
  const reasons = Object.entries(report.not_used_by_reason)
    .map(([r, n]) => `${r} ${n}`)
    .join(', ');
  return [
    `build-data: ${t.files} files; read ${t.read}; parsed ${t.parsed} (${t.parsed_with_diagnostics} with diagnostics, ${t.failed_checks} failing checks); used ${t.used}`,
    `build-data: not used ${t.not_used}${reasons ? ` (${reasons})` : ''}; overrides applied ${t.overrides_applied}${report.overrides.errors.length ? `; ${report.overrides.errors.length} errors in agencies.csv (a row with an error is not applied: correct it and build again)` : ''}`,
    ...report.not_used.slice(0, 20).map((n) => `  not used: ${n.file}: ${n.detail}`),
    ...(report.not_used.length > 20 ? [`  … and ${report.not_used.length - 20} more in build-report.json`] : []),
    ...(report.names.length > 0 ? [`build-data: ${report.names.length} notes on file names and ids (names not in UTF-8, ids made safe or told apart): see "names" in build-report.json`] : []),
    ...report.overrides.errors.map((e) => `  ${e}`),
    ...agencyChangeLines(report.agencies),
    `build-data: ${report.sources.with_url} reports with the address they were published at (sources.csv)${report.sources.errors.length ? `; ${report.sources.errors.length} rows of sources.csv not used (correct them and build again)` : ''}`,
    ...report.sources.errors.map((e) => `  ${e}`),
  ];
}
