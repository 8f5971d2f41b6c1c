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

const APPLICANTS = APPLICANT_COLUMNS.filter((c) => c !== 'total');
const applicantMix = APPLICANTS.map((c) => `new_${c}` as const);
const rowTotals = APPLICATION_ROWS.map((r) => `${r}_total` as const);
const groupTotals = Object.keys(OUTCOME_GROUPS).map((g) => `group_${g}` as const);
const review = CASE_OUTCOMES.map((c) => `review_${c}` as const);
const litDirect = CASE_OUTCOMES.map((c) => `litigation_direct_${c}` as const);
const litAfter = CASE_OUTCOMES.map((c) => `litigation_after_review_${c}` as const);
/** Fact column and rows of each outcome group, in OUTCOME_GROUPS order. */
const GROUPS = Object.entries(OUTCOME_GROUPS).map(([group, rows]) => [`group_${group}`, rows] as const);

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
  APPLICATION_ROWS.forEach((row, i) => (fact[rowTotals[i]!] = record.applications[row].total));
  APPLICANTS.forEach((c, i) => (fact[applicantMix[i]!] = record.applications.new[c]));
  GROUPS.forEach(([group, rows]) => (fact[group] = groupTotal(record, rows)));
  CASE_OUTCOMES.forEach((c, i) => {
    fact[review[i]!] = record.review[c];
    fact[litDirect[i]!] = record.litigation_direct[c];
    fact[litAfter[i]!] = record.litigation_after_review[c];
  });
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
  let total = 0;
  for (const r of rows) {
    if (singleOther && (r === 'other_no_correction' || r === 'other_no_fee')) continue;
    const v = apps[r].total;
    if (v === null) return null;
    total += v ?? 0;
  }
  return total;
}
