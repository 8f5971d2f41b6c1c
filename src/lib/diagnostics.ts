/**
 * Diagnostics as values (PapaParse's `{type, code, message, row}` without the message): what the
 * reader was unsure of, or inferred rather than read, as a code, the section and cell it concerns,
 * and the figures involved. Wording lives in src/i18n/diagnostics.ts, in Chinese and English;
 * tests match codes. A new code needs a message in both languages there, or `tsc` fails.
 */

/** Where in the file or the report a diagnostic (or a check) belongs. */
export const DIAGNOSTIC_SECTIONS = ['file', 'metadata', 'overview', 'proactive', 'applications', 'cases', 'prose', 'agency'] as const;
export type DiagnosticSection = (typeof DIAGNOSTIC_SECTIONS)[number];

export const DIAGNOSTIC_CODES = [
  // file: reading the bytes and the copies of the report in them
  'encoding_declared_but_utf8',
  'encoding_declared_mismatch',
  'encoding_replaced_characters',
  'format_not_as_named',
  'report_in_script_string',
  'report_in_script_file',
  'pdf_page_no_text',
  'pdf_page_rotated',
  'pdf_text_garbled',
  'copies_none_with_figures',
  'copies_same_tables',
  'copies_fragments_ignored',
  // metadata
  'agency_name_from_prose',
  'agency_name_not_found',
  'year_from_prose',
  'year_not_found',
  'agency_name_from_signature',
  'year_from_period',
  'agency_place_misread',
  'agency_place_from_text',
  'agency_place_not_found',
  // any section
  'section_not_found',
  'zero_marks_inferred',
  // section 二
  'proactive_no_figures',
  'proactive_item_not_found',
  'proactive_item_figure_count',
  'proactive_item_unplaced',
  'proactive_blank_cells',
  'proactive_figure_count',
  'proactive_cell_no_csv_column',
  // section 三
  'applications_single_other_row',
  'applications_line_too_many_numbers',
  'applications_numbers_left_over',
  'applications_labels_displaced',
  'applications_no_figures',
  'applications_row_count',
  'applications_damaged_label',
  'applications_duplicate_row',
  'applications_column_major',
  'applications_rows_not_found',
  'applications_zero_rows_inferred',
  'applications_single_figure_as_natural',
  'applications_total_only',
  'applications_total_kept',
  'applications_row_not_adding_up',
  'applications_blank_cells_inferred',
  'applications_total_first',
  'applications_blank_cells_left',
  'applications_stray_figure',
  'applications_row_from_balance',
  'applications_wrapped_total',
  'applications_total_moved',
  'applications_columns_by_position',
  'applications_wrapped_cells',
  // section 四
  'cases_blank_cells',
  'cases_blank_cells_inferred',
  'cases_no_figures',
  'cases_zeros_inferred',
  'cases_too_few_figures',
  'cases_cell_from_sums',
  'cases_too_many_figures',
  'cases_reordered',
  'cases_columns_by_position',
  // the agency's region, level, kind and sector
  'agency_unresolved_no_name',
  'agency_region_unsettled',
  'agency_region_not_found',
] as const;
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

/** The report's own accounting rules (checks). */
export const CHECK_RULES = [
  'applications_balance',
  'applications_outcomes_sum',
  'applications_columns_sum',
  'cases_group_sum',
  'prose_restates_table',
] as const;
export type CheckRule = (typeof CHECK_RULES)[number];

export type DiagnosticValue = string | number | boolean | null | (string | number)[];
export type DiagnosticValues = Record<string, DiagnosticValue>;

/** Where a diagnostic points: a template row and column (record keys) and a 1-based line. */
export interface DiagnosticPlace {
  /** A record key: an application row, a proactive item, a case group, a restated figure. */
  row?: string;
  /** A record key: an applicant column, a proactive column. */
  column?: string;
  /** 1-based line of the normalised text. */
  line?: number;
}

export interface Diagnostic extends DiagnosticPlace {
  code: DiagnosticCode;
  section: DiagnosticSection;
  /** The figures and names involved, for the message; never free text of ours. */
  values: DiagnosticValues;
}

export interface Check extends DiagnosticPlace {
  rule: CheckRule;
  ok: boolean;
  section: DiagnosticSection;
  /** The figures compared. */
  values: DiagnosticValues;
}

/** How a producer makes one: `diagnostic('cases_no_figures', 'cases')`. */
export function diagnostic(code: DiagnosticCode, section: DiagnosticSection, values: DiagnosticValues = {}, place: DiagnosticPlace = {}): Diagnostic {
  return { code, section, ...place, values };
}

const CODES: ReadonlySet<string> = new Set(DIAGNOSTIC_CODES);
const RULES: ReadonlySet<string> = new Set(CHECK_RULES);
const SECTIONS: ReadonlySet<string> = new Set(DIAGNOSTIC_SECTIONS);

export const isDiagnosticCode = (value: unknown): value is DiagnosticCode => typeof value === 'string' && CODES.has(value);
export const isCheckRule = (value: unknown): value is CheckRule => typeof value === 'string' && RULES.has(value);
export const isDiagnosticSection = (value: unknown): value is DiagnosticSection => typeof value === 'string' && SECTIONS.has(value);
