/**
 * The report record: the public data contract shared by the dataset, the CSV downloads
 * and `npm run parse` (../shared/SPEC.md §3). Field names are English snake_case; values
 * keep the report's own Chinese names.
 *
 * Changelog
 * - 1: first version.
 * - 2: `warnings: string[]` became `diagnostics: Diagnostic[]` ({code, section, row?, column?,
 *   line?, values}), and a check's free-text `rule`/`detail` became a rule code with the section,
 *   row, column and the figures compared (`values`); wording is rendered by src/i18n.
 *   `source.url` added: the address the report was published at, from data/sources.csv (null
 *   when the file has no row there).
 */
import type { Check, Diagnostic } from './diagnostics.ts';
import { APPLICATION_ROWS, type ApplicantColumn, type ApplicationRow, type CaseOutcome, type TemplateVersion } from './template.ts';

export type { Check, Diagnostic } from './diagnostics.ts';

export const SCHEMA_VERSION = 2;

/**
 * The template's key lists and key types live in ./template.ts (rows, columns, groups, both
 * versions, labels); re-exported here because they are part of the contract.
 */
export {
  APPLICANT_COLUMNS,
  APPLICATION_ROWS,
  CASE_OUTCOMES,
  OUTCOME_GROUPS,
  type ApplicantColumn,
  type ApplicationRow,
  type CaseOutcome,
  type OutcomeGroup,
  type TemplateVersion,
} from './template.ts';

export type Cell = number | null;
export type ApplicantCells = Record<ApplicantColumn, Cell>;
export type CaseCells = Record<CaseOutcome, Cell>;

/** Prose metrics (section 一 and 六). Values are plain numbers in the unit named by the key. */
export const METRIC_KEYS = [
  'website_visits',
  'website_posts',
  'wechat_posts',
  'wechat_followers',
  'wechat_reads',
  'hotline_tickets',
  'fees_charged_yuan',
] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

/** Where a prose metric came from: the sentence, the figure as printed, and whether it was hedged. */
export interface MetricSource {
  sentence: string;
  /** The figure as printed, e.g. `637万多次`. */
  raw: string;
  /** True when the report hedges (约, 余, 多, 以上 …): the value is a lower bound or an estimate. */
  approximate: boolean;
}

export const LEVELS = ['central', 'province', 'prefecture', 'county', 'township'] as const;
export type Level = (typeof LEVELS)[number];
export const KINDS = ['government', 'department'] as const;
export type Kind = (typeof KINDS)[number];

export interface Agency {
  /** The name as the report prints it. */
  name: string | null;
  /** The name completed: short forms expanded, a place's report its government (src/lib/parse/canonical.ts). */
  canonical_name: string | null;
  /**
   * The agency's permanent id (src/lib/agency/agency-id.ts), the address of its page: the same
   * across years and spellings, or as data/agencies.csv merges, splits or renames it.
   */
  id: string | null;
  province: string | null;
  city: string | null;
  county: string | null;
  township: string | null;
  /** GB/T 2260 code of the most precise division found. */
  division_code: string | null;
  level: Level | null;
  kind: Kind | null;
  /** One of the fixed sector keys (see src/lib/agency/sectors.ts). */
  sector: string | null;
}

export type SourceFormat = 'txt' | 'html' | 'pdf' | 'docx';

/**
 * Section 二, keyed by what it counts: item → column → value.
 * Items: regulations, normative_documents, licensing, other_services (2019), punishment,
 * coercion, fees, procurement (2019).
 * Columns (2021): issued, repealed, in_force, decisions, amount_wan_yuan.
 * Columns (2019): made, published, total_public, previous_count, change, decisions,
 * procurement_count, procurement_amount.
 */
export type Proactive = Record<string, Record<string, Cell>>;

export interface ReportRecord {
  schema_version: typeof SCHEMA_VERSION;
  id: string;
  source: {
    file: string;
    sha256: string;
    format: SourceFormat;
    /** The address the report was published at (data/sources.csv, src/lib/dataset/sources.ts); null when not recorded. */
    url?: string | null;
  };
  agency: Agency;
  year: number | null;
  /** ISO date, where the report gives one. */
  published: string | null;
  template: TemplateVersion | null;
  applications: Record<ApplicationRow, ApplicantCells>;
  review: CaseCells;
  litigation_direct: CaseCells;
  litigation_after_review: CaseCells;
  proactive: Proactive;
  metrics: Partial<Record<MetricKey, number>>;
  metric_sources: Partial<Record<MetricKey, MetricSource>>;
  checks: Check[];
  /** What was inferred rather than read, or doubtful: codes with the figures involved. */
  diagnostics: Diagnostic[];
  /** Set when the file is not a usable report; the rest of the record is then mostly empty. */
  error: string | null;
}

export function emptyApplicantCells(): ApplicantCells {
  return { natural: null, commercial: null, research: null, social: null, legal: null, other: null, total: null };
}

export function emptyCaseCells(): CaseCells {
  return { upheld: null, corrected: null, other: null, pending: null, total: null };
}

export function emptyApplications(): Record<ApplicationRow, ApplicantCells> {
  const applications: Partial<Record<ApplicationRow, ApplicantCells>> = {};
  for (const row of APPLICATION_ROWS) applications[row] = emptyApplicantCells();
  return applications as Record<ApplicationRow, ApplicantCells>;
}

export function emptyAgency(name: string | null = null): Agency {
  return {
    name,
    canonical_name: null,
    id: null,
    province: null,
    city: null,
    county: null,
    township: null,
    division_code: null,
    level: null,
    kind: null,
    sector: null,
  };
}

/** A record with nothing read yet: every cell null, no checks, no diagnostics, no error. */
export function emptyRecord(id: string, source: ReportRecord['source']): ReportRecord {
  return {
    schema_version: SCHEMA_VERSION,
    id,
    source: { ...source },
    agency: emptyAgency(),
    year: null,
    published: null,
    template: null,
    applications: emptyApplications(),
    review: emptyCaseCells(),
    litigation_direct: emptyCaseCells(),
    litigation_after_review: emptyCaseCells(),
    proactive: {},
    metrics: {},
    metric_sources: {},
    checks: [],
    diagnostics: [],
    error: null,
  };
}
