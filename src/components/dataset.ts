/**
 * Build-time reads of the dataset that scripts/build-data.ts wrote to public/data/ (names from
 * src/lib/dataset/layout.ts), for pages rendered at build time. A missing dataset gives empty
 * values, so every page still builds and shows its empty state; a file that exists but does not
 * parse stops the build with its name.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { coverageByYear, datasetVersion, type DatasetVersion, type YearCoverage } from '../lib/nav/version.ts';
import type { BuildReport } from '../lib/dataset/build-report.ts';
import { SCHEMA_VERSION } from '../lib/schema.ts';
import type { DictionaryFile } from '../lib/dataset/dictionary.ts';
import type { AgencyEntry, AgencyIndexFile } from '../lib/dataset/agency-index.ts';
import { DATA_DIR, DATA_FILES, shardFile, type Download, type FactIndex, type FactsFile, type OverviewFile } from '../lib/dataset/layout.ts';
import { columnFiles, readFactFiles } from '../lib/dataset/fact-columns.ts';
import { EVERY_CHART_READS } from '../lib/charts/columns-read.ts';
export type { Download } from '../lib/dataset/layout.ts';
import { idOfRecordLine, reportShard, shardLines, shardOfFileName } from '../lib/dataset/shards.ts';
import type { ReportRecord } from '../lib/schema.ts';
import { PEER_MEASURES, peerIndex, type PeerIndex } from '../lib/charts/peers.ts';

/** public/data/, or under PUBLIC_DIR when a test builds the site from its own dataset (astro.config.mjs). */
const DIR = resolve(process.env.PUBLIC_DIR ?? 'public', DATA_DIR);

function readJson<T>(file: string, empty: T): T {
  const path = join(DIR, file);
  if (!existsSync(path)) return empty;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (e) {
    throw new Error(`${path}: not valid JSON (${e instanceof Error ? e.message : e})`);
  }
}

export interface Manifest {
  reports: number;
  years: number[];
  downloads: Download[];
}

let facts: FactsFile | undefined;
/** Every fact column, read back from the split fact files (rows in their order, as the pages that fetch them have them). */
export function readFacts(): FactsFile {
  if (facts) return facts;
  let read: FactsFile | null;
  try {
    read = readFactFiles((file) => (existsSync(join(DIR, file)) ? readFileSync(join(DIR, file)) : null));
  } catch (e) {
    throw new Error(`${DIR}: the fact files cannot be read (${e instanceof Error ? e.message : e})`);
  }
  return (facts = read ?? { schema_version: SCHEMA_VERSION, count: 0, columns: {} });
}

/** The split fact files' index (null without a dataset). */
export function readFactIndex(): FactIndex | null {
  return readJson<FactIndex | null>(DATA_FILES.factIndex, null);
}

/**
 * The data files (paths under data/) a page that draws a chart from the fact columns asks for
 * whatever its view: the index and the columns every chart reads, named exactly as the page's
 * script asks for them (client/fact-store.ts), so that the page can preload them from its head.
 */
export function chartDataPreloads(): string[] {
  const index = readFactIndex();
  if (!index) return [];
  const columns = EVERY_CHART_READS.flatMap((name) => {
    const column = index.columns[name];
    if (!column) return [];
    const { file, values } = columnFiles(column);
    return values ? [file, values] : [file];
  });
  return [DATA_FILES.factIndex, ...columns];
}

export function readOverview(): OverviewFile {
  return readJson<OverviewFile>(DATA_FILES.overview, {
    schema_version: SCHEMA_VERSION,
    years: [],
    extremes: {},
  });
}

export function readManifest(): Manifest {
  const empty: Manifest = { reports: 0, years: [], downloads: [] };
  return { ...empty, ...readJson<Partial<Manifest>>(DATA_FILES.manifest, empty) };
}

export function readDictionary(): DictionaryFile {
  const empty: DictionaryFile = { schema_version: SCHEMA_VERSION, columns: [], sectors: [], levels: [], kinds: [] };
  return { ...empty, ...readJson<Partial<DictionaryFile>>(DATA_FILES.dictionary, empty) };
}

export function readBuildReport(): BuildReport | null {
  return readJson<BuildReport | null>(DATA_FILES.buildReport, null);
}

let agencies: AgencyEntry[] | undefined;
/** Every agency, in id order (agencies.json: names, places, reports, former addresses); never the full records. */
export function readAgencies(): AgencyEntry[] {
  return (agencies ??= readJson<Partial<AgencyIndexFile>>(DATA_FILES.agencies, {}).agencies ?? []);
}

const SHARD_DIR = join(DIR, 'reports');
/** Per shard: report id → where its line lies in the shard file (byte offset, byte length). */
const lineAt = new Map<string, Map<string, [number, number]>>();

function shardTable(shard: string): Map<string, [number, number]> {
  const known = lineAt.get(shard);
  if (known) return known;
  const path = join(SHARD_DIR, shardFile(shard).split('/').pop() as string);
  const table = new Map<string, [number, number]>();
  const bytes = existsSync(path) ? readFileSync(path) : Buffer.alloc(0);
  for (let start = 0; start < bytes.length; ) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline < 0 ? bytes.length : newline;
    if (end > start) {
      const id = idOfRecordLine(bytes.toString('utf8', start, Math.min(end, start + 1024))) ?? idOfRecordLine(bytes.toString('utf8', start, end));
      if (id === null) throw new Error(`${path}: a line at byte ${start} does not begin with a record's schema_version and id`);
      table.set(id, [start, end - start]);
    }
    start = end + 1;
  }
  lineAt.set(shard, table);
  return table;
}

/**
 * One report's full record, read from its shard file alone (its line, not the whole shard, once
 * the shard's line offsets are known): an agency page reads its own reports, never all records.
 */
export function readRecord(id: string): ReportRecord {
  const shard = reportShard(id);
  const at = shardTable(shard).get(id);
  const path = join(DIR, shardFile(shard));
  if (!at) throw new Error(`${path}: no record of report ${id}, which ${DATA_FILES.agencies} lists`);
  const line = Buffer.alloc(at[1]);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, line, 0, at[1], at[0]);
  } finally {
    closeSync(fd);
  }
  try {
    return JSON.parse(line.toString('utf8')) as ReportRecord;
  } catch (e) {
    throw new Error(`${path}, report ${id}: not valid JSON (${e instanceof Error ? e.message : e})`);
  }
}

/** Each shard file's name under reports/, in name order. */
function shardNames(): string[] {
  return existsSync(SHARD_DIR) ? readdirSync(SHARD_DIR).filter((f) => shardOfFileName(f) !== null).sort() : [];
}

let sources: Map<string, Pick<ReportRecord, 'id' | 'source'>> | undefined;
/**
 * Every report's source (file, sha256, format, address), by report id: read in one pass over the
 * shard files, one shard at a time, keeping only the sources (for the agency pages' links and the
 * served files).
 */
export function readRecordSources(): Map<string, Pick<ReportRecord, 'id' | 'source'>> {
  if (sources) return sources;
  sources = new Map();
  for (const f of shardNames()) {
    shardLines(readFileSync(join(SHARD_DIR, f), 'utf8')).forEach((line, i) => {
      try {
        const { id, source } = JSON.parse(line) as ReportRecord;
        sources!.set(id, { id, source });
      } catch (e) {
        throw new Error(`${join(SHARD_DIR, f)} line ${i + 1}: not valid JSON (${e instanceof Error ? e.message : e})`);
      }
    });
  }
  return sources;
}

let factRows: Map<string, number> | undefined;
/** One report's values of these fact columns, or null when the facts have no row for it. */
export function readReportFacts<F extends string>(id: string, fields: readonly F[]): Record<F, string | number | null> | null {
  const facts = readFacts();
  factRows ??= new Map((facts.columns.id ?? []).map((v, i) => [String(v), i]));
  const row = factRows.get(id);
  if (row === undefined) return null;
  return Object.fromEntries(fields.map((f) => [f, facts.columns[f]?.[row] ?? null])) as Record<F, string | number | null>;
}

let peers: PeerIndex | undefined;
/** The peer index, built once per build and shared by every agency page. */
export function readPeerIndex(): PeerIndex {
  return (peers ??= peerIndex(readFacts(), PEER_MEASURES));
}

let version: DatasetVersion | undefined;
/**
 * The dataset's version: the day its facts were written and a hash of its content (the fact index, which names each column file's hash, and
 * every full-record shard, in name order), so two builds of the same reports print the same version.
 */
export function readVersion(): DatasetVersion {
  if (version) return version;
  const hash = createHash('sha256');
  const factsPath = join(DIR, DATA_FILES.factIndex);
  const files = [factsPath, ...shardNames().map((f) => join(SHARD_DIR, f))];
  for (const f of files) if (existsSync(f)) hash.update(readFileSync(f));
  const written = existsSync(factsPath) ? statSync(factsPath).mtime : new Date();
  return (version = datasetVersion(written, hash.digest('hex')));
}

let coverage: YearCoverage[] | undefined;
export function readCoverage(): YearCoverage[] {
  return (coverage ??= coverageByYear(readFacts()));
}

/** The reports folder the dataset was built from: record paths are relative to it (REPORTS_DIR, as build-data's --reports; default data/reports). */
const REPORTS_DIR = resolve(process.env.REPORTS_DIR ?? 'data/reports');

const served = new Map<string, string | null>();
/**
 * The file a report was read from, when it is still there with the same bytes (sha256 as
 * recorded): the files the site serves under sources/ (src/pages/sources/); null when gone or changed.
 */
export function servedSource(record: Pick<ReportRecord, 'id' | 'source'>): string | null {
  if (served.has(record.id)) return served.get(record.id) ?? null;
  const path = isAbsolute(record.source.file) ? record.source.file : join(REPORTS_DIR, record.source.file);
  const same = existsSync(path) && createHash('sha256').update(readFileSync(path)).digest('hex') === record.source.sha256;
  served.set(record.id, same ? path : null);
  return same ? path : null;
}
