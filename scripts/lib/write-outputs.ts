/**
 * The dataset files under the output folder (names from src/lib/dataset/layout.ts) but the
 * record shards (shards.ts), all made from the used reports every build. Same input, same bytes: keys sorted, no clock. Files the
 * dataset no longer has are removed.
 */
import { agencyIndex } from '../../src/lib/dataset/agency-index.ts';
import { BOM, csvHeader } from '../../src/lib/dataset/csv.ts';
import { buildDictionary, dictionaryCsv } from '../../src/lib/dataset/dictionary.ts';
import type { BuildReport } from '../../src/lib/dataset/build-report.ts';
import { FACTS_DIR, factFiles } from '../../src/lib/dataset/fact-files.ts';
import { DATA_FILES, csvFile, shardFile, zipFile, type Download } from '../../src/lib/dataset/layout.ts';
import { overviewOfColumns } from '../../src/lib/dataset/overview.ts';
import { zipReadme } from '../../src/lib/dataset/readme.ts';
import { stableStringify } from '../../src/lib/dataset/stable-json.ts';
import { FACT_FIELDS, FACT_NUMBER_FIELDS } from '../../src/lib/facts.ts';
import { PARSER_VERSION } from '../../src/lib/parse/index.ts';
import { SCHEMA_VERSION } from '../../src/lib/schema.ts';
import type { OutputWriter } from './effects.ts';
import { killPoint } from './kill-point.ts';
import type { ReportSummary } from './resolve.ts';
import { deflateRows, deflateSegment, zipSegments, type SegmentStore } from './zip.ts';

const NUMBER_FIELDS = new Set<string>(FACT_NUMBER_FIELDS);

/** The fact columns: one per fact field (numbers that are not finite as null). */
function factColumns(used: readonly ReportSummary[]): Record<string, (string | number | null)[]> {
  const number = FACT_FIELDS.map((field) => NUMBER_FIELDS.has(field));
  const values = FACT_FIELDS.map(() => new Array<string | number | null>(used.length));
  // Row by row: each report's fact row is read once, in order.
  used.forEach((s, r) => {
    for (let i = 0; i < values.length; i++) {
      const v = s.fact[i] ?? null;
      (values[i] as (string | number | null)[])[r] = number[i] ? (typeof v === 'number' && Number.isFinite(v) ? v : null) : v;
    }
  });
  return Object.fromEntries(FACT_FIELDS.map((field, i) => [field, values[i] as (string | number | null)[]]));
}

/** The CSV downloads: one per year and one of all years (years in turn, then reports with no year), each also zipped with a README and the data dictionary (dictionary.csv). */
async function writeCsvs(writer: OutputWriter, years: readonly number[], parts: readonly ReportSummary[][], segments: SegmentStore | undefined): Promise<Download[]> {
  const header = Buffer.from(BOM + csvHeader(), 'utf8');
  const headerSegment = deflateSegment(header);
  const dictionary = Buffer.from(dictionaryCsv(), 'utf8');
  const dictionarySegment = deflateSegment(dictionary);
  const partSegments = parts.map((rows) => deflateRows(rows, segments));
  const files = [...years.map((year, i) => ({ year: year as number | 'all', parts: [i] })), { year: 'all' as const, parts: parts.map((_, i) => i) }];
  const downloads: Download[] = [];
  for (const f of files) {
    const rows = f.parts.flatMap((i) => parts[i] as ReportSummary[]);
    const csv = [header, ...rows.map((r) => r.csv)];
    const name = csvFile(f.year).split('/').pop() as string;
    const readme = Buffer.from(zipReadme(name, rows.length, PARSER_VERSION), 'utf8');
    const segments = [await headerSegment, ...(await Promise.all(f.parts.map((i) => partSegments[i] as Promise<Buffer[]>))).flat()];
    const zip = zipSegments([
      { name, parts: csv, segments },
      { name: 'README.txt', parts: [readme], segments: [await deflateSegment(readme)] },
      { name: 'dictionary.csv', parts: [dictionary], segments: [await dictionarySegment] },
    ]);
    writer.write(csvFile(f.year), csv);
    killPoint('csv-written');
    writer.write(zipFile(f.year), zip);
    const size = (parts: readonly Uint8Array[]) => parts.reduce((n, p) => n + p.length, 0);
    downloads.push({ year: f.year, reports: rows.length, csv: csvFile(f.year), zip: zipFile(f.year), csv_bytes: size(csv), zip_bytes: size(zip) });
  }
  // The manifest lists all years first.
  return [downloads.at(-1) as Download, ...downloads.slice(0, -1)];
}

/** Writes the dataset files but the shards (shards.ts) for these used reports (id order); the zips' segments come from and go to `segments` when given. */
export async function writeOutputs(writer: OutputWriter, used: readonly ReportSummary[], report: BuildReport, segments?: SegmentStore): Promise<void> {
  const byYear = new Map<number, ReportSummary[]>();
  const undated: ReportSummary[] = [];
  for (const s of used) {
    if (s.year === null) undated.push(s);
    else byYear.get(s.year)?.push(s) ?? byYear.set(s.year, [s]);
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const parts = [...years.map((y) => byYear.get(y) as ReportSummary[]), ...(undated.length > 0 ? [undated] : [])];
  const csvs = writeCsvs(writer, years, parts, segments);

  const columns = factColumns(used);
  const split = factFiles({ schema_version: SCHEMA_VERSION, count: used.length, columns }, NUMBER_FIELDS, SCHEMA_VERSION);
  for (const [path, bytes] of split) writer.write(path, bytes);
  for (const name of writer.list(FACTS_DIR)) if (!split.has(`${FACTS_DIR}/${name}`)) writer.remove(`${FACTS_DIR}/${name}`);
  // The same rows in one JSON file, which builds wrote until the fact files alone served (README, changelog).
  writer.remove('facts.json');
  writer.write(DATA_FILES.agencies, stableStringify(agencyIndex(columns, used.length, SCHEMA_VERSION, report.agencies?.forwards ?? [])));
  writer.write(DATA_FILES.overview, stableStringify(overviewOfColumns(columns, used.length)));
  writer.write(DATA_FILES.dictionary, stableStringify(buildDictionary(), 2));
  writer.write(DATA_FILES.buildReport, stableStringify(report, 2));
  const downloads = await csvs;
  const kept = new Set(downloads.flatMap((d) => [d.csv, d.zip]));
  for (const name of writer.list('csv')) if (!kept.has(`csv/${name}`)) writer.remove(`csv/${name}`);
  killPoint('before-manifest');
  const manifest = { schema_version: SCHEMA_VERSION, parser_version: PARSER_VERSION, reports: used.length, years, downloads, files: { ...DATA_FILES, reports: shardFile('<shard>') } };
  writer.write(DATA_FILES.manifest, stableStringify(manifest, 2));
}
