/**
 * The dataset files under the output folder (names from src/lib/dataset/layout.ts), from the
 * used reports' summaries in id order. Same input, same bytes: keys sorted, no clock.
 */
import { unzipSync } from 'fflate';
import { crc32 } from 'node:zlib';
import { SCHEMA_VERSION } from '../../src/lib/schema.ts';
import { BOM, csvHeader } from '../../src/lib/dataset/csv.ts';
import { buildDictionary } from '../../src/lib/dataset/dictionary.ts';
import { DATA_FILES, csvFile, zipFile, type FactsFile } from '../../src/lib/dataset/layout.ts';
import { overviewOfColumns } from '../../src/lib/dataset/overview.ts';
import { zipReadme } from '../../src/lib/dataset/readme.ts';
import { stableStringify } from '../../src/lib/dataset/stable-json.ts';
import type { BuildReport } from '../../src/lib/dataset/build-report.ts';
import { PARSER_VERSION } from '../../src/lib/parse/index.ts';
import type { OutputWriter } from './effects.ts';
import { FACT_FIELDS, type ReportSummary } from './process-file.ts';
import { zipEntryInfo, zipFiles } from './zip.ts';

function factsFile(used: readonly ReportSummary<Buffer>[]): FactsFile {
  // Row by row: each summary's fact array is looked up once, not once per field (the summaries
  // come from the cache and from the workers in several shapes, so that lookup is slow).
  const columns = FACT_FIELDS.map(() => new Array<string | number | null>(used.length));
  used.forEach(({ fact }, row) => {
    for (let i = 0; i < columns.length; i++) (columns[i] as (string | number | null)[])[row] = fact[i] ?? null;
  });
  return { schema_version: SCHEMA_VERSION, count: used.length, columns: Object.fromEntries(FACT_FIELDS.map((f, i) => [f, columns[i] as (string | number | null)[]])) };
}

/** True when `zip` holds this README (its other entry is the CSV, compared on disk by the caller). */
function zipHasReadme(zip: Uint8Array, readme: Uint8Array): boolean {
  try {
    const entry = unzipSync(zip, { filter: (f) => f.name === 'README.txt' })['README.txt'];
    return entry !== undefined && Buffer.from(entry).equals(readme);
  } catch {
    return false;
  }
}

/**
 * Writes one CSV and its zip, unless both on disk are this CSV already. Everything before the
 * first await runs at once, so the caller's next CSV is built while this one deflates.
 */
async function writeCsv(writer: OutputWriter, year: number | 'all', rows: readonly Buffer[]): Promise<{ csv_bytes: number; zip_bytes: number }> {
  const csv = Buffer.concat([Buffer.from(BOM + csvHeader(), 'utf8'), ...rows]);
  const name = csvFile(year).split('/').pop() as string;
  const readme = Buffer.from(zipReadme(name, rows.length, PARSER_VERSION), 'utf8');
  // The CSV is written after its zip: a CSV on disk equal to this one (a year no report of this
  // run touched) means its zip was written for it, and is kept if its README is current too.
  // The zip's directory gives its CSV's CRC and size: the CSV on disk is read only when they match.
  const previousZip = writer.read(zipFile(year));
  const previous = previousZip ? zipEntryInfo(previousZip, name) : null;
  const crc = crc32(csv);
  if (
    previousZip &&
    previous?.size === csv.length &&
    previous.crc === crc &&
    zipHasReadme(previousZip, readme) &&
    Buffer.from(writer.read(csvFile(year)) ?? []).equals(csv)
  ) {
    return { csv_bytes: csv.length, zip_bytes: previousZip.length };
  }
  writer.remove(csvFile(year));
  // Everything above runs before the first await, so the next CSV is built while this one deflates.
  const zip = await zipFiles([
    { name, data: csv, crc },
    { name: 'README.txt', data: readme },
  ]);
  writer.write(zipFile(year), zip);
  writer.write(csvFile(year), csv);
  return { csv_bytes: csv.length, zip_bytes: zip.length };
}

export async function writeOutputs(writer: OutputWriter, used: readonly ReportSummary<Buffer>[], report: BuildReport): Promise<void> {
  // The CSVs first: their zips deflate on the thread pool while this thread builds the facts and the overview.
  // Each CSV line's bytes are shared by the all-years and the year file.
  const lines = used.map((s) => s.csv);
  const byYear = new Map<number, Buffer[]>();
  used.forEach((s, i) => {
    if (s.year === null) return;
    const list = byYear.get(s.year);
    if (list) list.push(lines[i] as Buffer);
    else byYear.set(s.year, [lines[i] as Buffer]);
  });
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const pending = (['all', ...years] as const).map(async (year) => {
    const rows = year === 'all' ? lines : (byYear.get(year) ?? []);
    const bytes = await writeCsv(writer, year, rows);
    return { year, reports: rows.length, csv: csvFile(year), zip: zipFile(year), ...bytes };
  });

  const facts = factsFile(used);
  writer.write(DATA_FILES.facts, JSON.stringify(facts));
  const overview = overviewOfColumns(facts.columns, facts.count);
  writer.write(DATA_FILES.overview, stableStringify(overview));
  writer.write(DATA_FILES.dictionary, stableStringify(buildDictionary(), 2));
  writer.write(DATA_FILES.buildReport, stableStringify(report, 2));

  const downloads = await Promise.all(pending);
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
        files: { ...DATA_FILES, reports: 'reports/<shard>.jsonl' },
      },
      2,
    ),
  );
}
