/**
 * The dataset files under the output folder (names from src/lib/dataset/layout.ts), from the
 * used reports' summaries in id order. Same input, same bytes: keys sorted, no clock.
 */
import { crc32 } from 'node:zlib';
import { SCHEMA_VERSION } from '../../src/lib/schema.ts';
import { BOM, csvHeader } from '../../src/lib/dataset/csv.ts';
import { buildDictionary } from '../../src/lib/dataset/dictionary.ts';
import { DATA_FILES, csvFile, shardFile, zipFile, type Download } from '../../src/lib/dataset/layout.ts';
import { overviewOfColumns } from '../../src/lib/dataset/overview.ts';
import { zipReadme } from '../../src/lib/dataset/readme.ts';
import { stableStringify } from '../../src/lib/dataset/stable-json.ts';
import type { BuildReport } from '../../src/lib/dataset/build-report.ts';
import { PARSER_VERSION } from '../../src/lib/parse/index.ts';
import { writeSoon, type OutputWriter } from './effects.ts';
import type { KeptSummary } from './cache.ts';
import type { FactTable, FactValue } from './fact-table.ts';
import { factsJsonAside } from './facts-aside.ts';
import { crc32Combine } from './crc32-combine.ts';
import { cutBlocks, type CsvBlock, type SegmentStore } from './segment-store.ts';
import { deflateSegment, zipEntryInfo, zipSegments } from './zip.ts';

/** Bytes read from the end of a zip already written: its central directory (two entries) lies well within. */
const ZIP_END_BYTES = 64 * 1024;

/** One part of the CSV files (a year's rows, or the undated rows): its rows cut into blocks (segment-store.ts). */
interface CsvPart {
  blocks: CsvBlock[];
  rows: number;
  size: number;
}

function csvPart(rows: readonly KeptSummary[]): CsvPart {
  const blocks = cutBlocks(rows);
  return { blocks, rows: rows.length, size: blocks.reduce((n, b) => n + b.size, 0) };
}

/**
 * The CSV downloads: one file per year (header and that year's rows in id order) and the
 * all-years file (header, every year's rows in turn, then the rows of reports with no year), each
 * also zipped with a README. A file is not written again when its zip on disk holds this CSV and
 * this README (by the CRC and size its central directory gives for each), and the CSV on disk has
 * this size. Each part's blocks are deflated once, on the thread pool, or taken with their CRCs
 * from the segments kept by the last build (segment-store.ts), and shared by the year's files and
 * the all-years files (see zip.ts): a CSV's CRC is made from its blocks'. The CSVs are written
 * from the rows, never joined into one buffer. Everything before the first await runs at once,
 * so the caller can build the overview while the zips deflate.
 */
async function writeCsvs(writer: OutputWriter, store: SegmentStore, years: readonly number[], parts: readonly CsvPart[]): Promise<Download[]> {
  const header = Buffer.from(BOM + csvHeader(), 'utf8');
  const files = [...years.map((year, i) => ({ year: year as number | 'all', parts: [i] })), { year: 'all' as const, parts: parts.map((_, i) => i) }].map((f) => {
    const name = csvFile(f.year).split('/').pop() as string;
    const data = [header, ...f.parts.flatMap((i) => (parts[i] as CsvPart).blocks.flatMap((b) => b.rows))];
    const size = f.parts.reduce((n, i) => n + (parts[i] as CsvPart).size, header.length);
    // The file's CRC from its blocks' (kept, or computed once for a block new to this build).
    const crc = f.parts.reduce((c, i) => (parts[i] as CsvPart).blocks.reduce((c2, b) => crc32Combine(c2, store.crc(b), b.size), c), crc32(header));
    const reports = f.parts.reduce((n, i) => n + (parts[i] as CsvPart).rows, 0);
    const readme = Buffer.from(zipReadme(name, reports, PARSER_VERSION), 'utf8');
    const readmeCrc = crc32(readme);
    const zipEnd = writer.read(zipFile(f.year), ZIP_END_BYTES);
    const previous = zipEnd ? zipEntryInfo(zipEnd, name) : null;
    const previousReadme = zipEnd ? zipEntryInfo(zipEnd, 'README.txt') : null;
    const unchanged =
      previous?.size === size && previous.crc === crc && previousReadme?.size === readme.length && previousReadme.crc === readmeCrc && writer.size(csvFile(f.year)) === size;
    return { ...f, name, data, size, crc, reports, readme, readmeCrc, keptZipBytes: unchanged ? writer.size(zipFile(f.year)) : null };
  });
  const changed = files.filter((f) => f.keptZipBytes === null);
  const needed = new Set(changed.flatMap((f) => f.parts));
  const segments = parts.map((part, i) => {
    if (needed.has(i)) return Promise.all(part.blocks.map((block) => store.segment(block)));
    for (const block of part.blocks) store.keep(block);
    return null;
  });
  const headerSegment = changed.length > 0 ? deflateSegment(header) : null;
  // The CSVs are written now, on the thread pool when the writer can: a CSV whose zip is not
  // written yet (the build stops) fails the CRC test above next time, so both are written again.
  const csvWrites = changed.map((f) => writeSoon(writer, csvFile(f.year), f.data));

  const downloads: Download[] = [];
  const zipWrites: Promise<void>[] = [];
  for (const f of files) {
    let zipBytes = f.keptZipBytes;
    if (zipBytes === null) {
      const partSegments = await Promise.all(f.parts.map((i) => segments[i] as Promise<Buffer[]>));
      const zip = zipSegments([
        { name: f.name, size: f.size, crc: f.crc, segments: [await (headerSegment as Promise<Buffer>), ...partSegments.flat()] },
        { name: 'README.txt', size: f.readme.length, crc: f.readmeCrc, segments: [await deflateSegment(f.readme)] },
      ]);
      zipWrites.push(writeSoon(writer, zipFile(f.year), zip));
      zipBytes = zip.reduce((n, part) => n + part.length, 0);
    }
    downloads.push({ year: f.year, reports: f.reports, csv: csvFile(f.year), zip: zipFile(f.year), csv_bytes: f.size, zip_bytes: zipBytes });
  }
  await Promise.all([...csvWrites, ...zipWrites]);
  // The manifest lists all years first, as before.
  return [...downloads.filter((d) => d.year === 'all'), ...downloads.filter((d) => d.year !== 'all')];
}

/** facts.json begun (on a worker, facts-aside.ts): its bytes to come, and the used reports' fact rows and their text columns, which the overview reads too. */
export interface BegunFacts {
  rows: number[];
  texts: Record<string, FactValue[]>;
  bytes: Promise<Uint8Array[]>;
}

/**
 * Begins facts.json for the used reports (id order), as soon as they are known: its worker is the
 * last to finish otherwise. Rows may be added to the table meanwhile (see facts-aside.ts).
 */
export function beginFacts(used: readonly KeptSummary[], factTable: FactTable): BegunFacts {
  const rows = used.map((s) => s.fact);
  const texts = factTable.textColumns(rows);
  const bytes = factsJsonAside(SCHEMA_VERSION, texts, factTable.numberRows(rows), used.length);
  // Awaited by writeOutputs; a failure before then must not go unhandled.
  bytes.catch(() => {});
  return { rows, texts, bytes };
}

/**
 * Writes the dataset; `facts` is facts.json begun for the same `used` (beginFacts); `segments`
 * holds the CSV blocks deflated by the last build (SegmentStore.empty() for none), and gets this
 * build's.
 */
export async function writeOutputs(writer: OutputWriter, used: readonly KeptSummary[], factTable: FactTable, report: BuildReport, segments: SegmentStore, facts: BegunFacts): Promise<void> {
  const byYear = new Map<number, KeptSummary[]>();
  const undated: KeptSummary[] = [];
  for (const s of used) {
    if (s.year === null) undated.push(s);
    else {
      const list = byYear.get(s.year);
      if (list) list.push(s);
      else byYear.set(s.year, [s]);
    }
  }
  // facts.json is made on a worker (begun by the caller) while this thread cuts and checks the CSVs and builds the overview.
  const { rows, texts } = facts;
  const factsWrite = facts.bytes.then((bytes) => writeSoon(writer, DATA_FILES.facts, bytes));

  const years = [...byYear.keys()].sort((a, b) => a - b);
  const parts = [...years.map((y) => csvPart(byYear.get(y) ?? [])), ...(undated.length > 0 ? [csvPart(undated)] : [])];
  const pending = writeCsvs(writer, segments, years, parts);
  const overview = overviewOfColumns({ ...texts, year: factTable.numberColumn(rows, 'year') }, used.length, factTable.summedRows(rows));
  writer.write(DATA_FILES.overview, stableStringify(overview));
  writer.write(DATA_FILES.dictionary, stableStringify(buildDictionary(), 2));
  writer.write(DATA_FILES.buildReport, stableStringify(report, 2));

  const [downloads] = await Promise.all([pending, factsWrite]);
  const staleCsv = writer.list('csv').filter((f) => !downloads.some((d) => d.csv.endsWith(`/${f}`) || d.zip.endsWith(`/${f}`)));
  for (const f of staleCsv) writer.remove(`csv/${f}`);

  writer.write(
    DATA_FILES.manifest,
    stableStringify(
      {
        schema_version: SCHEMA_VERSION,
        parser_version: PARSER_VERSION,
        reports: used.length,
        years,
        downloads,
        files: { ...DATA_FILES, reports: shardFile('<shard>') },
      },
      2,
    ),
  );
}
