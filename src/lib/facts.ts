/**
 * The fact row: one compact, flat summary per report, the unit the dashboard filters and
 * aggregates (with arquero) and the row of the per-report CSV summary. Built once at build
 * time from a ReportRecord; pages never recompute it.
 */
import { agencyIdOf } from './agency/agency-id.ts';
import { METRIC_KEYS, type Cell, type ReportRecord } from './schema.ts';
import {
  APPLICANTS,
  APPLICATION_ROWS,
  CASE_GROUPS,
  CASE_OUTCOMES,
  OUTCOME_GROUP_KEYS,
  OUTCOME_GROUPS,
  SPLIT_OTHER_ROWS,
  type ApplicationRow,
} from './template.ts';

/** Text columns of a fact row. */
export const FACT_TEXT_FIELDS = [
  'id',
  'agency',
  'province',
  'city',
  'county',
  'township',
  'division_code',
  'level',
  'kind',
  'sector',
  'template',
  'published',
  /** The agency's permanent id (src/lib/agency/agency-id.ts): one agency across its years and spellings. */
  'agency_id',
] as const;

const applicantMix = APPLICANTS.map((c) => `new_${c}` as const);
const rowTotals = APPLICATION_ROWS.map((r) => `${r}_total` as const);
const groupTotals = OUTCOME_GROUP_KEYS.map((g) => `group_${g}` as const);
const review = CASE_OUTCOMES.map((c) => `review_${c}` as const);
const litDirect = CASE_OUTCOMES.map((c) => `litigation_direct_${c}` as const);
const litAfter = CASE_OUTCOMES.map((c) => `litigation_after_review_${c}` as const);
/** 1 when the report gives the prose figure as approximate (约, 多, 余 …), 0 when exact, null when it gives none. */
const metricApprox = [
  'website_visits_approx',
  'website_posts_approx',
  'wechat_posts_approx',
  'wechat_followers_approx',
  'wechat_reads_approx',
  'hotline_tickets_approx',
  'fees_charged_yuan_approx',
] as const satisfies readonly `${(typeof METRIC_KEYS)[number]}_approx`[];

/** The column that flags a metric's figure as approximate. */
export function approxField<M extends (typeof METRIC_KEYS)[number]>(metric: M): `${M}_approx` {
  return `${metric}_approx`;
}

/** Numeric columns of a fact row; null where the report gives no figure. */
export const FACT_NUMBER_FIELDS = [
  'year',
  ...rowTotals,
  ...applicantMix,
  ...groupTotals,
  ...review,
  ...litDirect,
  ...litAfter,
  ...METRIC_KEYS,
  ...metricApprox,
  'checks_failed',
  'diagnostics',
] as const;

export type FactTextField = (typeof FACT_TEXT_FIELDS)[number];
export type FactNumberField = (typeof FACT_NUMBER_FIELDS)[number];
export type Fact = Record<FactTextField, string | null> & Record<FactNumberField, number | null>;

/** Every fact column, text then numbers: the order of a fact row's values. */
export const FACT_FIELDS = [...FACT_TEXT_FIELDS, ...FACT_NUMBER_FIELDS] as const;

/** The fact row's values in FACT_FIELDS order (null where the report gives nothing). */
export function factValues(record: ReportRecord): (string | number | null)[] {
  const a = record.agency;
  const apps = record.applications;
  const values: (string | number | null)[] = [
    record.id, a.name, a.province, a.city, a.county, a.township, a.division_code, a.level, a.kind, a.sector,
    record.template, record.published, agencyIdOf(a), record.year,
  ];
  for (const row of APPLICATION_ROWS) values.push(apps[row].total);
  for (const c of APPLICANTS) values.push(apps.new[c]);
  for (const group of OUTCOME_GROUP_KEYS) values.push(groupTotal(record, OUTCOME_GROUPS[group]));
  for (const group of CASE_GROUPS) for (const c of CASE_OUTCOMES) values.push(record[group][c]);
  for (const m of METRIC_KEYS) values.push(record.metrics[m] ?? null);
  for (const m of METRIC_KEYS) {
    const source = record.metric_sources[m];
    values.push(source && record.metrics[m] != null ? (source.approximate ? 1 : 0) : null);
  }
  let failed = 0;
  for (const check of record.checks) if (!check.ok) failed++;
  values.push(failed, record.diagnostics.length);
  for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = null;
  return values;
}

export function toFact(record: ReportRecord): Fact {
  const values = factValues(record);
  const fact: Record<string, string | number | null> = {};
  FACT_FIELDS.forEach((field, i) => (fact[field] = values[i] ?? null));
  return fact as Fact;
}

/**
 * A group's total (the total column summed over its rows), null if any row is unknown. When
 * 其他处理 is printed as one row (the 2019 template, and some 2021 reports), it is stored as
 * other_misc with the two split rows null, and other_misc alone is the group total.
 */
export function groupTotal(
  record: Pick<ReportRecord, 'applications'>,
  rows: readonly ApplicationRow[],
): Cell {
  const apps = record.applications;
  const singleOther = SPLIT_OTHER_ROWS.every((r) => apps[r].total === null);
  let total = 0;
  for (const r of rows) {
    if (singleOther && SPLIT_OTHER_ROWS.includes(r)) continue;
    const v = apps[r].total;
    if (v === null) return null;
    total += v ?? 0;
  }
  return total;
}
