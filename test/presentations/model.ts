/**
 * The report model every presentation is rendered from: what a reviewed record says (a seed's
 * golden, or a corpus report's hand-read truth), in the shape of the national template. Pure.
 *
 * A corpus truth gives section 三's outcome groups only as totals (refused_total, …). The model
 * then fills each group's first row, column by column, from what each applicant column leaves
 * after 予以公开 and 部分公开, and says so in `filled`; a variant's truth is what it prints, so
 * the filled rows are as good a test as read ones.
 */
import {
  APPLICANT_COLUMNS,
  CASE_OUTCOMES,
  OUTCOME_GROUPS,
  type ApplicantCells,
  type ApplicationRow,
  type CaseCells,
  type Cell,
  type Proactive,
} from '../../src/lib/schema.ts';

export type Template = '2019' | '2021';

export interface ReportModel {
  /** Where it comes from, e.g. `seed-000` or `corpus-huaian-city-2024`. */
  key: string;
  agency: string;
  year: number;
  /** ISO date, or null when the record gives none. */
  published: string | null;
  template: Template;
  /** The template's rows (25 for 2021, 23 for 2019), every cell a number or null (not printed). */
  applications: Partial<Record<ApplicationRow, ApplicantCells>>;
  review: CaseCells;
  litigation_direct: CaseCells;
  litigation_after_review: CaseCells;
  proactive: Proactive;
  metrics: { website_posts?: number; website_visits?: number };
  /** Rows the model filled by the rule above rather than copied from the record. */
  filled: ApplicationRow[];
}

export const CASE_GROUPS = ['review', 'litigation_direct', 'litigation_after_review'] as const;

/** Rows of section 三 in a template, in print order. */
export function templateRows(template: Template): ApplicationRow[] {
  const rows: ApplicationRow[] = ['new', 'carried_over', 'granted', 'partly_granted'];
  rows.push(...(OUTCOME_GROUPS.refused as readonly ApplicationRow[]), ...(OUTCOME_GROUPS.unable as readonly ApplicationRow[]));
  rows.push(...(OUTCOME_GROUPS.not_processed as readonly ApplicationRow[]));
  rows.push(...(template === '2019' ? (['other_misc'] as const) : (OUTCOME_GROUPS.other as readonly ApplicationRow[])));
  rows.push('total_processed', 'carried_forward');
  return rows;
}

type Loose = Record<string, unknown>;
const num = (v: unknown): Cell => (typeof v === 'number' ? v : null);
const cells = (v: unknown): ApplicantCells =>
  Object.fromEntries(APPLICANT_COLUMNS.map((c) => [c, num((v as Loose | undefined)?.[c])])) as ApplicantCells;
const caseCells = (v: unknown): CaseCells => {
  if (v === 'blank-or-zero') return Object.fromEntries(CASE_OUTCOMES.map((k) => [k, null])) as CaseCells;
  if (v === 'zero-inferred') return Object.fromEntries(CASE_OUTCOMES.map((k) => [k, 0])) as CaseCells;
  return Object.fromEntries(CASE_OUTCOMES.map((k) => [k, num((v as Loose | undefined)?.[k])])) as CaseCells;
};

/** A reviewed golden record (test/golden/*.json, a full ReportRecord) → model. */
export function modelFromGolden(key: string, golden: Loose): ReportModel {
  const template = golden.template === '2019' ? '2019' : '2021';
  const apps = golden.applications as Loose;
  const metrics = (golden.metrics ?? {}) as Loose;
  return {
    key,
    agency: String((golden.agency as Loose).name),
    year: Number(golden.year),
    published: typeof golden.published === 'string' ? golden.published : null,
    template,
    applications: Object.fromEntries(templateRows(template).map((r) => [r, cells(apps[r])])),
    review: caseCells(golden.review),
    litigation_direct: caseCells(golden.litigation_direct),
    litigation_after_review: caseCells(golden.litigation_after_review),
    proactive: (golden.proactive ?? {}) as Proactive,
    metrics: { website_posts: num(metrics.website_posts) ?? undefined, website_visits: num(metrics.website_visits) ?? undefined },
    filled: [],
  };
}

const GROUP_TOTALS = [
  ['refused_total', 'refused'],
  ['unable_total', 'unable'],
  ['not_processed_total', 'not_processed'],
  ['other_total', 'other'],
] as const;

/** A hand-read corpus truth (../shared/corpus/truth/*.json) → model, outcome groups filled as the header says. */
export function modelFromTruth(key: string, truth: Loose): ReportModel {
  const template = truth.template === '2019' ? '2019' : '2021';
  const apps = truth.applications as Loose;
  const detail = (truth.applications_detail ?? {}) as Loose;
  const rows = templateRows(template);
  const applications: Partial<Record<ApplicationRow, ApplicantCells>> = {};
  for (const r of rows) applications[r] = cells(apps[r] ?? detail[r] ?? Object.fromEntries(APPLICANT_COLUMNS.map((c) => [c, 0])));
  const filled: ApplicationRow[] = [];
  const processed = applications.total_processed as ApplicantCells;
  const left = Object.fromEntries(
    APPLICANT_COLUMNS.filter((c) => c !== 'total').map((c) => [c, (processed[c] ?? 0) - (applications.granted?.[c] ?? 0) - (applications.partly_granted?.[c] ?? 0)]),
  ) as Record<string, number>;
  for (const [totalKey, group] of GROUP_TOTALS) {
    const total = apps[totalKey];
    const groupRows = (OUTCOME_GROUPS[group] as readonly ApplicationRow[]).filter((r) => rows.includes(r));
    if (typeof total !== 'number' || groupRows.some((r) => detail[r] !== undefined)) continue;
    const first = groupRows[0] as ApplicationRow;
    const row = applications[first] as ApplicantCells;
    let need = total;
    for (const c of APPLICANT_COLUMNS) {
      if (c === 'total') continue;
      const take = Math.max(0, Math.min(need, left[c] ?? 0));
      row[c] = take;
      left[c] = (left[c] ?? 0) - take;
      need -= take;
    }
    row.total = total;
    filled.push(first);
  }
  return {
    key,
    agency: String(truth.agency),
    year: Number(truth.year),
    published: typeof truth.published === 'string' ? truth.published : null,
    template,
    applications,
    review: caseCells(truth.review),
    litigation_direct: caseCells(truth.litigation_direct),
    litigation_after_review: caseCells(truth.litigation_after_review),
    proactive: {},
    metrics: {},
    filled,
  };
}
