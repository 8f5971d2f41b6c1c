/**
 * Build-time reads of the dataset that scripts/build-data.ts wrote to public/data/ (names from
 * src/lib/dataset/layout.ts), for pages rendered at build time. A missing dataset gives empty
 * values, so every page still builds and shows its empty state; a file that exists but does not
 * parse stops the build with its name.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { coverageByYear, datasetVersion, type DatasetVersion, type YearCoverage } from '../lib/nav/version.ts';
import type { BuildReport } from '../lib/dataset/build-report.ts';
import { SCHEMA_VERSION } from '../lib/schema.ts';
import type { DictionaryFile } from '../lib/dataset/dictionary.ts';
import { DATA_DIR, DATA_FILES, type Download, type FactsFile, type OverviewFile } from '../lib/dataset/layout.ts';
export type { Download } from '../lib/dataset/layout.ts';
import { shardLines, shardOfFileName } from '../lib/dataset/shards.ts';
import type { ReportRecord } from '../lib/schema.ts';
import { PEER_MEASURES, peerIndex, type PeerIndex } from '../lib/charts/peers.ts';

/** public/data/, or under PUBLIC_DIR when a test builds the site from its own dataset (astro.config.mjs). */
const DIR = join(process.cwd(), process.env.PUBLIC_DIR ?? 'public', DATA_DIR);

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
export function readFacts(): FactsFile {
  return (facts ??= readJson<FactsFile>(DATA_FILES.facts, { schema_version: SCHEMA_VERSION, count: 0, columns: {} }));
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

let reports: ReportRecord[] | undefined;
/** Every full record in the shard files under reports/, in id order. */
export function readReports(): ReportRecord[] {
  if (reports) return reports;
  const dir = join(DIR, 'reports');
  const shards = existsSync(dir) ? readdirSync(dir).filter((f) => shardOfFileName(f) !== null).sort() : [];
  const records = shards.flatMap((f) =>
    shardLines(readFileSync(join(dir, f), 'utf8')).map((line, i) => {
      try {
        return JSON.parse(line) as ReportRecord;
      } catch (e) {
        throw new Error(`${join(dir, f)} line ${i + 1}: not valid JSON (${e instanceof Error ? e.message : e})`);
      }
    }),
  );
  reports = records.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return reports;
}

let peers: PeerIndex | undefined;
/** The peer index, built once per build and shared by every agency page. */
export function readPeerIndex(): PeerIndex {
  return (peers ??= peerIndex(readFacts(), PEER_MEASURES));
}

let version: DatasetVersion | undefined;
/**
 * The dataset's version: the day its facts were written and a hash of its content (facts.json and
 * every full-record shard, in name order), so two builds of the same reports print the same version.
 */
export function readVersion(): DatasetVersion {
  if (version) return version;
  const hash = createHash('sha256');
  const factsPath = join(DIR, DATA_FILES.facts);
  const shardDir = join(DIR, 'reports');
  const files = [factsPath, ...(existsSync(shardDir) ? readdirSync(shardDir).filter((f) => shardOfFileName(f) !== null).sort().map((f) => join(shardDir, f)) : [])];
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

let served: Map<string, string> | undefined;
/**
 * Report id → the file it was read from, when that file is still there with the same bytes
 * (sha256 as recorded): the files the site serves under sources/ (src/pages/sources/).
 */
export function servedSources(): Map<string, string> {
  if (served) return served;
  served = new Map();
  for (const r of readReports()) {
    const path = isAbsolute(r.source.file) ? r.source.file : join(REPORTS_DIR, r.source.file);
    if (!existsSync(path)) continue;
    if (createHash('sha256').update(readFileSync(path)).digest('hex') === r.source.sha256) served.set(r.id, path);
  }
  return served;
}
