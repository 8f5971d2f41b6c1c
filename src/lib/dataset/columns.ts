/**
 * The CSV columns: one row per report, every field of the record contract flattened to one
 * column name, decided here once. The CSV writer and dictionary.json both read this list.
 *
 * Naming scheme:
 *   agency.*                        → agency_name, canonical_name, province, city, county, township, division_code, level, kind, sector
 *   source.*                        → source_file, source_sha256, source_format, source_url
 *   applications.<row>.<column>     → app_<row>_<column>          (app_new_natural, app_total_processed_total)
 *   review.<outcome>                → review_<outcome>
 *   litigation_direct.<outcome>     → lit_direct_<outcome>
 *   litigation_after_review.<o>     → lit_after_review_<o>
 *   proactive.<item>.<column>       → pro_<item>_<column>         (columns of both template versions)
 *   metrics.<key>                   → metric_<key>; metric_sources.<key> → metric_<key>_raw, metric_<key>_approx
 *   checks                          → checks_count, checks_failed, checks_failed_rules (Chinese), checks_failed_rules_en
 *   diagnostics                     → diagnostics_count, diagnostic_codes, diagnostics (Chinese), diagnostics_en
 */
import { agencyIdOf } from '../agency/agency-id.ts';
import { APPLICANT_COLUMNS, APPLICATION_ROWS, CASE_OUTCOMES, METRIC_KEYS, type CaseCells, type ReportRecord } from '../schema.ts';
import { METRIC_LABELS } from './labels.ts';
import {
  APPLICANT_LABELS,
  CASE_GROUP_LABELS,
  CASE_LABELS,
  PROACTIVE_COLUMN_LABELS,
  PROACTIVE_ITEM_LABELS,
  PROACTIVE_ITEM_SPECS,
  proactiveColumnsOf,
  ROW_LABELS,
} from '../template.ts';
import { renderCheck, renderDiagnostic } from '../../i18n/diagnostics.ts';

export type CsvValue = string | number | null;

export interface CsvColumn {
  name: string;
  /** Where the value comes from in the record (dotted path). */
  field: string;
  type: 'text' | 'number';
  zh: string;
  en: string;
  description: string;
  get(record: ReportRecord): CsvValue;
}

const col = (c: CsvColumn) => c;

const AGENCY_LABELS_BASE = {
  name: ['发布机关', 'Agency', 'Agency name as the report gives it.'],
  canonical_name: ['机关规范名称', 'Agency (canonical)', 'The name completed: short forms expanded, the place filled in from the report, a place\'s report named after its government.'],
  province: ['省级行政区', 'Province', 'Province-level division (the four municipalities are provinces here).'],
  city: ['地级市', 'Prefecture city', 'Prefecture-level division; empty under a municipality or for 省直辖县级 cities.'],
  county: ['县级行政区', 'County', 'County-level division (district, county, county-level city).'],
  township: ['乡镇街道', 'Township', 'Town, township or street (街道).'],
  division_code: ['行政区划代码', 'Division code', 'GB/T 2260 code (9 digits for a township) of the most precise division found.'],
  level: ['层级', 'Level', 'central, province, prefecture, county or township.'],
  kind: ['机关类型', 'Kind', 'government (人民政府, 街道办事处) or department.'],
  sector: ['领域', 'Sector', 'One of the fixed sector keys (src/lib/agency/sectors.ts).'],
} as const;
const AGENCY_LABELS = Object.fromEntries(
  Object.entries(AGENCY_LABELS_BASE).map(([k, [zh, en, description]]) => [k, { zh, en, description }]),
) as Record<keyof typeof AGENCY_LABELS_BASE, { zh: string; en: string; description: string }>;

const identity: CsvColumn[] = [
  col({ name: 'id', field: 'id', type: 'text', zh: '报告编号', en: 'Report id', description: 'Stable id from the file name.', get: (r) => r.id }),
  col({ name: 'agency_id', field: 'agency.id', type: 'text', zh: '机关编号', en: 'Agency id', description: 'The agency\'s permanent id: its division code and a hash of its name without the place names in front, the same across years and spellings, or as data/agencies.csv merges, renames or splits it (the address of its page).', get: (r) => agencyIdOf(r.agency) }),
  ...(['name', 'canonical_name', 'province', 'city', 'county', 'township', 'division_code', 'level', 'kind', 'sector'] as const).map((k) =>
    col({
      name: k === 'name' ? 'agency_name' : k,
      field: `agency.${k}`,
      type: 'text',
      ...AGENCY_LABELS[k],
      get: (r) => r.agency[k],
    }),
  ),
  col({ name: 'year', field: 'year', type: 'number', zh: '报告年度', en: 'Report year', description: 'The calendar year the report covers.', get: (r) => r.year }),
  col({ name: 'published', field: 'published', type: 'text', zh: '发布日期', en: 'Published', description: 'ISO date the report gives, if any.', get: (r) => r.published }),
  col({ name: 'template', field: 'template', type: 'text', zh: '模板版本', en: 'Template', description: '2019 (reports for 2019-2020) or 2021 (2021 on): section 二 and 其他处理 differ.', get: (r) => r.template }),
  col({ name: 'source_file', field: 'source.file', type: 'text', zh: '来源文件', en: 'Source file', description: 'The file the record was read from.', get: (r) => r.source.file }),
  col({ name: 'source_sha256', field: 'source.sha256', type: 'text', zh: '文件SHA-256', en: 'File SHA-256', description: 'Hash of the source file bytes.', get: (r) => r.source.sha256 }),
  col({ name: 'source_format', field: 'source.format', type: 'text', zh: '文件格式', en: 'File format', description: 'txt, html, pdf or docx.', get: (r) => r.source.format }),
  col({ name: 'source_url', field: 'source.url', type: 'text', zh: '发布网址', en: 'Published at', description: 'The address the report was published at (after redirects), from data/sources.csv; empty when not recorded.', get: (r) => r.source.url ?? null }),
];

const applications: CsvColumn[] = APPLICATION_ROWS.flatMap((row) =>
  APPLICANT_COLUMNS.map((c) =>
    col({
      name: `app_${row}_${c}`,
      field: `applications.${row}.${c}`,
      type: 'number',
      zh: `${ROW_LABELS[row].zh}（${APPLICANT_LABELS[c].zh}）`,
      en: `${ROW_LABELS[row].en} (${APPLICANT_LABELS[c].en})`,
      description: `Section 三, row ${row}, column ${c}.`,
      get: (r) => r.applications[row][c],
    }),
  ),
);

const caseGroups = [
  ['review', 'review'],
  ['litigation_direct', 'lit_direct'],
  ['litigation_after_review', 'lit_after_review'],
] as const;
const cases: CsvColumn[] = caseGroups.flatMap(([group, prefix]) =>
  CASE_OUTCOMES.map((o) =>
    col({
      name: `${prefix}_${o}`,
      field: `${group}.${o}`,
      type: 'number',
      zh: `${CASE_GROUP_LABELS[group].zh}：${CASE_LABELS[o].zh}`,
      en: `${CASE_GROUP_LABELS[group].en}: ${CASE_LABELS[o].en}`,
      description: `Section 四, ${group}, ${o}.`,
      get: (r) => (r[group] as CaseCells)[o],
    }),
  ),
);

/** Section 二 items and their columns: the union of both template versions (src/lib/template.ts). */
export const PROACTIVE_CELLS: readonly { item: string; column: string }[] = PROACTIVE_ITEM_SPECS.flatMap((item) =>
  proactiveColumnsOf(item).map((column) => ({ item: item.key, column })),
);

const proactive: CsvColumn[] = PROACTIVE_CELLS.map(({ item, column }) =>
  col({
    name: `pro_${item}_${column}`,
    field: `proactive.${item}.${column}`,
    type: 'number',
    zh: `${PROACTIVE_ITEM_LABELS[item]?.zh ?? item}：${PROACTIVE_COLUMN_LABELS[column]?.zh ?? column}`,
    en: `${PROACTIVE_ITEM_LABELS[item]?.en ?? item}: ${PROACTIVE_COLUMN_LABELS[column]?.en ?? column}`,
    description: `Section 二, ${item}, ${column}.`,
    get: (r) => r.proactive[item]?.[column] ?? null,
  }),
);

/** What each prose metric counts: website visits are counted in 次 (visits), not 件 (applications). */
const METRIC_UNITS: Record<(typeof METRIC_KEYS)[number], string> = {
  website_visits: '次 (visits)',
  website_posts: '条 (items posted)',
  wechat_posts: '条 (items posted)',
  wechat_followers: '人 (followers)',
  wechat_reads: '次 (reads)',
  hotline_tickets: '件 (tickets)',
  fees_charged_yuan: '元 (yuan)',
};

const metrics: CsvColumn[] = METRIC_KEYS.flatMap((k) => [
  col({ name: `metric_${k}`, field: `metrics.${k}`, type: 'number', ...METRIC_LABELS[k], description: `Prose figure (section 一/六), in plain units: ${METRIC_UNITS[k]}. See metric_${k}_approx: 1 when the report gives it as approximate.`, get: (r) => r.metrics[k] ?? null }),
  col({ name: `metric_${k}_raw`, field: `metric_sources.${k}.raw`, type: 'text', zh: `${METRIC_LABELS[k].zh}（原文）`, en: `${METRIC_LABELS[k].en} (as printed)`, description: 'The figure as printed, e.g. 637万多次.', get: (r) => r.metric_sources[k]?.raw ?? null }),
  col({ name: `metric_${k}_approx`, field: `metric_sources.${k}.approximate`, type: 'number', zh: `${METRIC_LABELS[k].zh}（约数）`, en: `${METRIC_LABELS[k].en} (approximate)`, description: '1 when the report hedges (约, 余, 多): a lower bound or estimate; 0 when exact.', get: (r) => { const s = r.metric_sources[k]; return s ? (s.approximate ? 1 : 0) : null; } }),
]);

const quality: CsvColumn[] = [
  col({ name: 'checks_count', field: 'checks', type: 'number', zh: '校验项数', en: 'Checks run', description: 'Number of arithmetic checks run on the tables.', get: (r) => r.checks.length }),
  col({ name: 'checks_failed', field: 'checks', type: 'number', zh: '未通过校验数', en: 'Checks failed', description: 'Checks the report\'s own figures break (kept as printed).', get: (r) => r.checks.filter((c) => !c.ok).length }),
  col({ name: 'checks_failed_rules', field: 'checks', type: 'text', zh: '未通过的校验', en: 'Failed checks (Chinese)', description: 'The failed checks with their figures, in Chinese, separated by " | ".', get: (r) => failedChecks(r, 'zh') }),
  col({ name: 'checks_failed_rules_en', field: 'checks', type: 'text', zh: '未通过的校验（英文）', en: 'Failed checks', description: 'The failed checks with their figures, in English, separated by " | ".', get: (r) => failedChecks(r, 'en') }),
  col({ name: 'diagnostics_count', field: 'diagnostics', type: 'number', zh: '读取说明数', en: 'Reading notes', description: 'Values inferred rather than read, and other doubts.', get: (r) => r.diagnostics.length }),
  col({ name: 'diagnostic_codes', field: 'diagnostics.code', type: 'text', zh: '读取说明代码', en: 'Reading note codes', description: 'The diagnostics\' codes (see the README), separated by " ".', get: (r) => r.diagnostics.map((d) => d.code).join(' ') || null }),
  col({ name: 'diagnostics', field: 'diagnostics', type: 'text', zh: '读取说明', en: 'Reading notes (Chinese)', description: 'The diagnostics in Chinese, separated by " | ".', get: (r) => r.diagnostics.map((d) => renderDiagnostic(d, 'zh')).join(' | ') || null }),
  col({ name: 'diagnostics_en', field: 'diagnostics', type: 'text', zh: '读取说明（英文）', en: 'Reading notes', description: 'The diagnostics in English, separated by " | ".', get: (r) => r.diagnostics.map((d) => renderDiagnostic(d, 'en')).join(' | ') || null }),
];

function failedChecks(r: ReportRecord, lang: 'zh' | 'en'): string | null {
  return r.checks.filter((c) => !c.ok).map((c) => renderCheck(c, lang)).join(' | ') || null;
}

export const CSV_COLUMNS: readonly CsvColumn[] = [...identity, ...applications, ...cases, ...proactive, ...metrics, ...quality];

/** The record as one CSV row, in CSV_COLUMNS order. */
export function toCsvRow(record: ReportRecord): CsvValue[] {
  return CSV_COLUMNS.map((c) => c.get(record));
}

/** Section 二 cells a record has that no column holds (reported by the build, never dropped silently). */
const KNOWN_PROACTIVE = new Map(PROACTIVE_ITEM_SPECS.map((item) => [item.key, new Set<string>(proactiveColumnsOf(item))]));

export function unmappedProactive(record: ReportRecord): { item: string; column: string }[] {
  const unmapped: { item: string; column: string }[] = [];
  for (const item in record.proactive) {
    const known = KNOWN_PROACTIVE.get(item);
    const cells = record.proactive[item] ?? {};
    for (const column in cells) if (!known?.has(column)) unmapped.push({ item, column });
  }
  return unmapped;
}
