/** build-report.json: what the build read, used and refused. Every file in the folder appears once in `files` counts. */
export type NotUsedReason =
  | 'empty'
  | 'too_large'
  | 'binary'
  | 'unsupported'
  | 'unreadable'
  | 'not_a_report'
  | 'parse_error'
  | 'duplicate';

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
  overrides: {
    errors: string[];
    applied: { file: string; id: string; line: number; fields: string[] }[];
  };
}

/** The lines printed at the end of a build. */
export function summaryLines(report: BuildReport): string[] {
  const t = report.totals;
  const reasons = Object.entries(report.not_used_by_reason)
    .map(([r, n]) => `${r} ${n}`)
    .join(', ');
  return [
    `build-data: ${t.files} files; read ${t.read}; parsed ${t.parsed} (${t.parsed_with_diagnostics} with diagnostics, ${t.failed_checks} failing checks); used ${t.used}`,
    `build-data: not used ${t.not_used}${reasons ? ` (${reasons})` : ''}; overrides applied ${t.overrides_applied}${report.overrides.errors.length ? `; ${report.overrides.errors.length} errors in agencies.csv` : ''}`,
    ...report.not_used.slice(0, 20).map((n) => `  not used: ${n.file}: ${n.detail}`),
    ...(report.not_used.length > 20 ? [`  … and ${report.not_used.length - 20} more in build-report.json`] : []),
    ...report.overrides.errors.map((e) => `  ${e}`),
  ];
}
