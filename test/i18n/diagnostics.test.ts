/**
 * Every diagnostic code and check rule renders in both languages: no `undefined`, no empty
 * message, and a Chinese message has no ASCII word of ours (record keys such as `carried_over`,
 * English words): only numbers and the report's own text (the values) may appear.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderCheck, renderDiagnostic, rowLabel, columnLabel } from '../../src/i18n/diagnostics.ts';
import { CHECK_RULES, DIAGNOSTIC_CODES, type Check, type CheckRule, type Diagnostic, type DiagnosticCode } from '../../src/lib/diagnostics.ts';
import { parseReport } from '../../src/lib/parse/index.ts';
import { APPLICANT_COLUMNS, APPLICATION_ROWS, CASE_OUTCOMES } from '../../src/lib/schema.ts';
import { PROACTIVE_ITEMS } from '../../src/lib/parse/template.ts';

/** One diagnostic of each code, with values of the shape its producer gives. */
const SAMPLES: Record<DiagnosticCode, Omit<Diagnostic, 'code'>> = {
  encoding_declared_but_utf8: { section: 'file', values: { declared: 'gb2312' } },
  encoding_declared_mismatch: { section: 'file', values: { declared: 'utf-8' } },
  encoding_replaced_characters: { section: 'file', values: {} },
  pdf_page_no_text: { section: 'file', values: { page: 3 } },
  pdf_page_rotated: { section: 'file', values: { page: 2, rotation: 90 } },
  pdf_text_garbled: { section: 'file', values: { garbled: 412 } },
  copies_none_with_figures: { section: 'file', values: { count: 2, ranges: ['1–40', '41–90'] } },
  copies_same_tables: { section: 'file', values: { count: 2, ranges: ['1–40', '41–80'], read: '1–40' } },
  copies_fragments_ignored: { section: 'file', values: { count: 2, ranges: ['1–9'] } },
  agency_name_from_prose: { section: 'metadata', values: { name: '北京住房公积金管理中心' } },
  agency_name_not_found: { section: 'metadata', values: {} },
  year_from_prose: { section: 'metadata', values: { year: 2023 } },
  year_not_found: { section: 'metadata', values: {} },
  section_not_found: { section: 'cases', values: {} },
  format_not_as_named: { section: 'file', values: { found: 'html', named: 'txt' } },
  report_in_script_string: { section: 'file', values: { characters: 5120, strings: 2, markup: true, instead: true } },
  report_in_script_file: { section: 'file', values: { characters: 5120, strings: 1, markup: false } },
  agency_name_from_signature: { section: 'metadata', values: { name: '淮安市财政局' } },
  year_from_period: { section: 'metadata', values: { year: 2024 } },
  agency_place_misread: { section: 'metadata', values: { printed: '沐阳县', read: '沭阳县', evidence: '沭阳县' } },
  agency_place_from_text: { section: 'metadata', values: { printed: '市科委', place: '北京市' } },
  agency_place_not_found: { section: 'metadata', values: { printed: '县住建局' } },
  zero_marks_inferred: { section: 'applications', values: { count: 3 } },
  applications_blank_cells_inferred: { section: 'applications', values: { lines: [12, 14] } },
  applications_total_first: { section: 'applications', values: {} },
  applications_blank_cells_left: { section: 'applications', values: { lines: [12] } },
  cases_blank_cells_inferred: { section: 'cases', values: { count: 4 } },
  proactive_no_figures: { section: 'proactive', values: {} },
  proactive_item_not_found: { section: 'proactive', row: 'licensing', values: {} },
  proactive_item_figure_count: { section: 'proactive', row: 'punishment', values: { found: 3, expected: 2 } },
  proactive_item_unplaced: { section: 'proactive', row: 'regulations', values: { found: 1, expected: 3 } },
  proactive_blank_cells: { section: 'proactive', row: 'regulations', values: { count: 2 } },
  proactive_figure_count: { section: 'proactive', values: { found: 11, template: '2021', expected: 13 } },
  proactive_cell_no_csv_column: { section: 'proactive', row: 'fees', column: 'issued', values: {} },
  applications_single_other_row: { section: 'applications', values: {} },
  applications_line_too_many_numbers: { section: 'applications', line: 40, values: { count: 9, kept: 7 } },
  applications_numbers_left_over: { section: 'applications', line: 41, values: { count: 3 } },
  applications_labels_displaced: { section: 'applications', values: { count: 4 } },
  applications_no_figures: { section: 'applications', values: {} },
  applications_row_count: { section: 'applications', values: { found: 20 } },
  applications_damaged_label: { section: 'applications', row: 'refused_law_prohibited', line: 18, values: { label: '2.其他法律行政止公开' } },
  applications_duplicate_row: { section: 'applications', row: 'granted', line: 33, values: {} },
  applications_column_major: { section: 'applications', values: {} },
  applications_rows_not_found: { section: 'applications', values: { rows: ['partly_granted', 'other_no_fee'] } },
  applications_zero_rows_inferred: { section: 'applications', values: { printed: 1, rows: ['carried_over', 'carried_forward'] } },
  applications_single_figure_as_natural: { section: 'applications', row: 'new', line: 30, values: { printed: [6, 6], total: 6 } },
  applications_total_only: { section: 'applications', row: 'new', line: 30, values: { total: 5 } },
  applications_total_kept: { section: 'applications', row: 'new', line: 30, values: { printed: [3, 2, 5] } },
  applications_row_not_adding_up: { section: 'applications', row: 'new', line: 30, values: { printed: [3, 3, 5] } },
  applications_stray_figure: { section: 'applications', line: 118, values: { value: 3 } },
  applications_row_from_balance: { section: 'applications', row: 'carried_over', values: { printed: [2, 0, 0, 0, 0, 1], cells: [2, 0, 0, 0, 0, 1, 3] } },
  applications_wrapped_total: { section: 'applications', line: 50, values: { pieces: [1, 4], total: 14 } },
  applications_total_moved: { section: 'applications', line: 14, values: { total: 34, from: 279 } },
  applications_columns_by_position: { section: 'applications', values: { lines: 12 } },
  applications_wrapped_cells: { section: 'applications', line: 40, values: { pieces: ['16/1', '1/2', '18/1'], cells: [161, 8, 0, 0, 0, 12, 181] } },
  cases_columns_by_position: { section: 'cases', values: {} },
  cases_blank_cells: { section: 'cases', values: { blank: 5 } },
  cases_no_figures: { section: 'cases', values: {} },
  cases_zeros_inferred: { section: 'cases', values: { printed: 3 } },
  cases_too_few_figures: { section: 'cases', values: { printed: [1, 2, 3] } },
  cases_cell_from_sums: { section: 'cases', values: { printed: [1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 2, 0, 1, 0], cells: [1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 2, 0, 1, 0, 3] } },
  cases_too_many_figures: { section: 'cases', values: { found: 20 } },
  cases_reordered: { section: 'cases', values: {} },
  agency_unresolved_no_name: { section: 'agency', values: {} },
  agency_region_unsettled: { section: 'agency', values: { prefix: '城关镇', count: 7, places: ['甘肃省兰州市城关区', '西藏自治区拉萨市城关区'] } },
  agency_region_not_found: { section: 'agency', values: { name: '公积金中心' } },
};

const CHECK_SAMPLES: Record<CheckRule, Omit<Check, 'rule' | 'ok'>> = {
  applications_balance: { section: 'applications', column: 'natural', values: { new: 5, carried_over: 1, total_processed: 6, carried_forward: 2 } },
  applications_outcomes_sum: { section: 'applications', column: 'commercial', values: { outcomes: 4, total_processed: 5 } },
  applications_columns_sum: { section: 'applications', row: 'granted', values: { natural: 1, commercial: 2, research: 0, social: 0, legal: 0, other: 0, applicants: 3, total: 4 } },
  cases_group_sum: { section: 'cases', row: 'litigation_direct', values: { upheld: 1, corrected: 0, other: 0, pending: 0, sum: 1, total: 2 } },
  prose_restates_table: { section: 'prose', row: 'refused', values: { prose: 161, table: 181, sentence: '2023年共受理依申请公开161件。' } },
};

/** The Chinese message without the values' own text (names and labels from the report, encoding names). */
function ourWords(message: string, values: Diagnostic['values']): string {
  let rest = message;
  for (const v of Object.values(values)) for (const s of [v].flat()) if (typeof s === 'string') rest = rest.split(s).join('');
  return rest;
}

function expectWellFormed(zh: string, en: string, values: Diagnostic['values']) {
  for (const text of [zh, en]) {
    expect(text.length).toBeGreaterThan(3);
    expect(text).not.toMatch(/undefined|null|NaN|\[object/);
  }
  expect(ourWords(zh, values), zh).not.toMatch(/[A-Za-z]/);
  expect(en).toMatch(/[a-z]{3}/);
}

describe('diagnostic messages', () => {
  for (const code of DIAGNOSTIC_CODES) {
    it(code, () => {
      const d: Diagnostic = { code, ...SAMPLES[code] };
      expectWellFormed(renderDiagnostic(d, 'zh'), renderDiagnostic(d, 'en'), d.values);
    });
  }

  it('name rows and columns as the report prints them, never by their keys', () => {
    const d: Diagnostic = { code: 'applications_rows_not_found', section: 'applications', values: { rows: ['carried_over'] } };
    expect(renderDiagnostic(d, 'zh')).toContain('上年结转政府信息公开申请数量');
    expect(renderDiagnostic(d, 'zh')).not.toContain('carried_over');
    expect(renderDiagnostic(d, 'en')).toContain('Carried over from last year');
    const c: Check = { rule: 'applications_balance', ok: false, section: 'applications', column: 'natural', values: CHECK_SAMPLES.applications_balance.values };
    expect(renderCheck(c, 'zh')).toContain('自然人');
    expect(renderCheck(c, 'zh')).toContain('5＋1＝6');
    expect(renderCheck(c, 'en')).toContain('natural persons');
  });

  it('every row, column and item key has a Chinese label without ASCII words', () => {
    const labels = [
      ...APPLICATION_ROWS.map((r) => rowLabel('applications', r, 'zh')),
      ...APPLICANT_COLUMNS.map((c) => columnLabel('applications', c, 'zh')),
      ...CASE_OUTCOMES.map((c) => columnLabel('cases', c, 'zh')),
      ...['review', 'litigation_direct', 'litigation_after_review'].map((g) => rowLabel('cases', g, 'zh')),
      ...PROACTIVE_ITEMS.map((item) => rowLabel('proactive', item.key, 'zh')),
      ...PROACTIVE_ITEMS.flatMap((item) => [...item.columns2019, ...item.columns2021]).map((c) => columnLabel('proactive', c, 'zh')),
      ...['new', 'total_processed', 'carried_forward', 'granted', 'partly_granted', 'refused', 'unable', 'not_processed', 'other', 'review', 'litigation'].map((f) => rowLabel('prose', f, 'zh')),
    ];
    for (const label of labels) expect(label).not.toMatch(/[A-Za-z]/);
  });
});

describe('check messages', () => {
  for (const rule of CHECK_RULES) {
    it(rule, () => {
      const c: Check = { rule, ok: false, ...CHECK_SAMPLES[rule] };
      expectWellFormed(renderCheck(c, 'zh'), renderCheck(c, 'en'), c.values);
    });
  }
});

describe('what the parser produces on data/reports renders', () => {
  it('every diagnostic and check of the seeds', () => {
    const dir = 'data/reports';
    let rendered = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      const record = parseReport(readFileSync(`${dir}/${file}`, 'utf8'), { file, sha256: '', format: 'txt' });
      for (const d of record.diagnostics) expectWellFormed(renderDiagnostic(d, 'zh'), renderDiagnostic(d, 'en'), d.values), rendered++;
      for (const c of record.checks) expectWellFormed(renderCheck(c, 'zh'), renderCheck(c, 'en'), c.values), rendered++;
    }
    expect(rendered).toBeGreaterThan(100);
  });
});
