/**
 * The dataset the build writes under public/data/ and the pages fetch: file names and shapes.
 * One place, imported by scripts/build-data.ts (writer) and the pages (readers).
 * Split so a page loads only what it shows: the overview loads overview.json alone.
 */
import type { FactNumberField } from '../facts.ts';

export const DATA_DIR = 'data';

export const DATA_FILES = {
  /** Small: counts, years, file list, schema version. */
  manifest: 'manifest.json',
  /** Aggregates for the overview page (bounded size whatever the number of reports). */
  overview: 'overview.json',
  /** Every report's fact row, columnar (see FactsFile): compare, regions, quality pages. */
  facts: 'facts.json',
  /** Every agency: permanent id, names, place, reports and years, former addresses (agency-index.ts); what pages read to link agencies. */
  agencies: 'agencies.json',
  /** What the build read, used and refused. */
  buildReport: 'build-report.json',
  /** The data dictionary: every CSV column with Chinese and English labels. */
  dictionary: 'dictionary.json',
} as const;

/**
 * Full records (SPEC §3), one JSON object a line, in id order, grouped into at most 4,096 shard
 * files so that a build writes a few thousand files, not one per report: a report's shard is
 * `reportShard(id)` (src/lib/dataset/shards.ts), three hex digits.
 */
export const shardFile = (shard: string) => `reports/${shard}.jsonl`;
/** A shard as the site serves it (src/integrations/host-fit.ts): gzipped. */
export const servedShardFile = (shard: string) => `reports/${shard}.jsonl.gz`;
/** The largest file the site serves: common static hosts refuse files over 100 MB. */
export const MAX_SERVED_FILE_BYTES = 100_000_000;
/** Whole-dataset CSV downloads at stable URLs: all years, and one per year; each also as .zip with a README. */
export const csvFile = (year: number | 'all') => `csv/reports-${year}.csv`;
export const zipFile = (year: number | 'all') => `csv/reports-${year}.zip`;

/** One whole-dataset download as manifest.json lists it: a CSV and its zip, for one year or all. */
export interface Download {
  year: number | 'all';
  csv: string;
  zip: string;
  reports: number;
  csv_bytes: number;
  zip_bytes: number;
}

/**
 * Whether the site serves a download's CSV itself, or only its zip: the all-years CSV repeats the
 * per-year ones (the largest file of the dataset, 90–130 MB at 100,000 reports), and no CSV over
 * the file limit is served.
 */
export function csvServed(download: Pick<Download, 'year' | 'csv_bytes'>): boolean {
  return download.year !== 'all' && download.csv_bytes <= MAX_SERVED_FILE_BYTES;
}

/** Columnar fact rows: columns[field][i] is report i's value. */
export interface FactsFile {
  schema_version: number;
  count: number;
  columns: Record<string, (string | number | null)[]>;
}

export type Totals = Partial<Record<FactNumberField, number | null>> & { reports: number };

export interface OverviewFile {
  schema_version: number;
  years: number[];
  /** National sums per year. */
  by_year: Record<string, Totals>;
  /** Sums per year per province (province name → totals). */
  by_year_province: Record<string, Record<string, Totals>>;
  /** Sums per year per level. */
  by_year_level: Record<string, Record<string, Totals>>;
  /** Sums per year per sector (keys of src/lib/agency/sectors.ts; `unknown` when not inferred). */
  by_year_sector: Record<string, Record<string, Totals>>;
  /** For the latest year: agencies at either end of each headline measure (a rate only where its denominator meets the minimum-n rule; no list when fewer than MIN_N agencies qualify, `listed` says how many did). */
  extremes: Record<string, { top: ExtremeEntry[]; bottom: ExtremeEntry[]; listed?: number }>;
}

export interface ExtremeEntry {
  id: string;
  agency: string;
  province: string | null;
  value: number;
  /** A rate's denominator (what it rests on); null for a count. */
  n: number | null;
}
