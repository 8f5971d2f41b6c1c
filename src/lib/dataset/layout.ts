/**
 * The dataset the build writes under public/data/ and the pages fetch: file names and shapes.
 * One place, imported by scripts/build-data.ts (writer) and the pages (readers).
 * Split so a page loads only what it shows: the overview loads overview.json alone.
 */

export const DATA_DIR = 'data';

export const DATA_FILES = {
  /** Small: counts, years, file list, schema version. */
  manifest: 'manifest.json',
  /** What the overview page reads: the latest year's extremes (bounded size whatever the number of reports). */
  overview: 'overview.json',
  /** Every report's fact row, split one file per column (see FactIndex, fact-files.ts): the compare and embed pages fetch the columns they show, the pages rendered at build time read them all. */
  factIndex: 'facts/index.json',
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
/** The largest file the site serves: common static hosts refuse larger ones (Cloudflare Pages 25 MiB a file, GitHub 100 MB). */
export const MAX_SERVED_FILE_BYTES = 25 * 1024 * 1024;
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
 * the file limit (25 MiB) is served.
 */
export function csvServed(download: Pick<Download, 'year' | 'csv_bytes'>): boolean {
  return download.year !== 'all' && download.csv_bytes <= MAX_SERVED_FILE_BYTES;
}

/** Columnar fact rows (as fact-columns.ts reads them back from the split files): columns[field][i] is report i's value. */
export interface FactsFile {
  schema_version: number;
  count: number;
  columns: Record<string, (string | number | null)[]>;
}

/**
 * The fact columns split for the browser (src/lib/dataset/fact-files.ts writes them, fact-columns.ts
 * reads them): this index, and one Apache Arrow IPC stream per column holding a single column `v`
 * (numbers as int32 or float64; a text column as int32 codes into its dictionary, `values_file`). Every
 * column file holds the same rows in the same order: by province, city, county, agency, year.
 */
export interface FactIndex {
  schema_version: number;
  count: number;
  columns: Record<string, FactColumn>;
}

export interface FactColumn {
  /** `int32`: integers that fit 32 bits, held in the narrowest Arrow integer type that fits the column (8, 16 or 32 bits; the file says which). */
  type: 'int32' | 'float64' | 'text';
  /** The column file under data/, e.g. `facts/new_total.arrow`. */
  file: string;
  /** The SHA-256 (16 hex digits) of the column's files: a browser asks for `file?v=hash`, so it never mixes two builds' rows. */
  hash: string;
  /** `delta`: the file holds each row's difference from the row before (the first row's value as is); used where values climb in small steps (agency numbers). */
  encoding?: 'delta';
  /** The file holds each value less this number (the column's least), where that fits fewer bits (years). */
  offset?: number;
  /** A text column's dictionary: a JSON array, code → value (null included when the column has nulls). */
  values_file?: string;
}

/** Derived column in the split: each row's agency as a number (same number, same agency; see aggregate.ts agencyNumbers). */
export const AGENCY_NUMBER = 'agency_number';

export interface OverviewFile {
  schema_version: number;
  /** The years reported, ascending: `extremes` is of the last. */
  years: number[];
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
