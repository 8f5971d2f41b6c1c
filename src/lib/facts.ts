/**
 * The fact row: one compact, flat summary per report, the unit the dashboard filters and
 * aggregates (with arquero) and the row of the per-report CSV summary. Built once at build
 * time from a ReportRecord; pages never recompute it.
 */
import {
  APPLICANT_COLUMNS,
  APPLICATION_ROWS,
  CASE_OUTCOMES,
  METRIC_KEYS,
  OUTCOME_GROUPS,
  type ApplicationRow,
  type Cell,
  type ReportRecord,
} from './schema.ts';

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
] as const;

const applicantMix = APPLICANT_COLUMNS.filter((c) => c !== 'total').map((c) => `new_${c}` as const);
const rowTotals = APPLICATION_ROWS.map((r) => `${r}_total` as const);
const groupTotals = Object.keys(OUTCOME_GROUPS).map((g) => `group_${g}` as const);
const review = CASE_OUTCOMES.map((c) => `review_${c}` as const);
const litDirect = CASE_OUTCOMES.map((c) => `litigation_direct_${c}` as const);
const litAfter = CASE_OUTCOMES.map((c) => `litigation_after_review_${c}` as const);

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
  'checks_failed',
  'warnings',
] as const;

export type FactTextField = (typeof FACT_TEXT_FIELDS)[number];
export type FactNumberField = (typeof FACT_NUMBER_FIELDS)[number];
export type Fact = Record<FactTextField, string | null> & Record<FactNumberField, number | null>;

function sumKnown(values: Cell[]): Cell {
  if (values.some((v) => v === null)) return null;
  return values.reduce<number>((a, v) => a + (v ?? 0), 0);
}

export function toFact(record: ReportRecord): Fact {
  const fact: Record<string, string | number | null> = {
    id: record.id,
    agency: record.agency.name,
    province: record.agency.province,
    city: record.agency.city,
    county: record.agency.county,
    township: record.agency.township,
    division_code: record.agency.division_code,
    level: record.agency.level,
    kind: record.agency.kind,
    sector: record.agency.sector,
    template: record.template,
    published: record.published,
    year: record.year,
  };
  for (const row of APPLICATION_ROWS) fact[`${row}_total`] = record.applications[row].total;
  for (const c of APPLICANT_COLUMNS) if (c !== 'total') fact[`new_${c}`] = record.applications.new[c];
  for (const [group, rows] of Object.entries(OUTCOME_GROUPS)) {
    fact[`group_${group}`] = groupTotal(record, rows);
  }
  for (const c of CASE_OUTCOMES) {
    fact[`review_${c}`] = record.review[c];
    fact[`litigation_direct_${c}`] = record.litigation_direct[c];
    fact[`litigation_after_review_${c}`] = record.litigation_after_review[c];
  }
  for (const m of METRIC_KEYS) fact[m] = record.metrics[m] ?? null;
  fact.checks_failed = record.checks.filter((c) => !c.ok).length;
  fact.warnings = record.warnings.length;
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
  const singleOther = apps.other_no_correction.total === null && apps.other_no_fee.total === null;
  const present = rows.filter((r) => !(singleOther && (r === 'other_no_correction' || r === 'other_no_fee')));
  return sumKnown(present.map((r) => apps[r].total));
}
