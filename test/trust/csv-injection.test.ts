/**
 * CSV injection (issue 5): a report whose agency name or file name begins with `=`, `+`, `-` or
 * `@` reaches every CSV the build writes as text a spreadsheet will not run: a leading
 * apostrophe. Numbers, negative ones included, stay numbers. Also the chart CSV download
 * (src/lib/charts/csv.ts).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../src/lib/dataset/columns.ts';
import { tableToCsv } from '../../src/lib/charts/csv.ts';
import { buildData } from '../../scripts/lib/build.ts';
import { fsWriter, silentLogger } from '../../scripts/lib/effects.ts';

const SEED_2020 = readFileSync('data/reports/002_55e9e64a1d176d60.txt', 'utf8');
/** File name → agency name in its title. Each report also prints 本年增/减 as -3 (a negative number). */
const HOSTILE: Record<string, string> = {
  '=1+1.txt': '=HYPERLINK("http://x","y")管理中心',
  '@SUM(1).txt': '@SUM(1)管理中心',
  '+cmd.txt': '+1+2局',
  '-2+3.txt': '-3+4局',
  'tab.txt': '某某局',
  'cr.txt': '另一局',
};
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?$/;

let root: string;
let out: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'trust-csv-'));
  const reports = join(root, 'reports');
  mkdirSync(reports);
  for (const [file, name] of Object.entries(HOSTILE)) {
    const text = SEED_2020.replaceAll('中山市住房公积金管理中心', name).replace('| 行政许可 | 0 | 0 | 0 |', '| 行政许可 | 0 | -3 | 0 |');
    writeFileSync(join(reports, file), text);
  }
  // Names a maintainer's agencies.csv sets by report id: a tab and a CR cannot come from a title line.
  const agencies = join(root, 'agencies.csv');
  writeFileSync(agencies, 'name,id,note\n"\t=1+2",tab,tab start\n"\r=1+3",cr,CR start\n');
  out = join(root, 'out');
  await buildData(
    { reportsDir: reports, outDir: out, agenciesFile: agencies, cacheRoot: null, workers: 0 },
    { logger: silentLogger, writer: fsWriter(out) },
  );
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every CSV the build wrote: the files in csv/ and the one inside each zip. */
function builtCsvs(): Map<string, string> {
  const files = new Map<string, string>();
  for (const f of readdirSync(join(out, 'csv'))) {
    const bytes = readFileSync(join(out, 'csv', f));
    if (f.endsWith('.csv')) files.set(f, bytes.toString('utf8'));
    if (f.endsWith('.zip')) for (const [name, data] of Object.entries(unzipSync(bytes))) if (name.endsWith('.csv')) files.set(`${f}/${name}`, Buffer.from(data).toString('utf8'));
  }
  return files;
}

const rowsOf = (text: string) => Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });

describe('CSV files the build writes', () => {
  it('hold the hostile reports (else this test proves nothing)', () => {
    const csvs = builtCsvs();
    // Each zip's data dictionary (dictionary.csv) is checked with the rest.
    expect([...csvs.keys()].sort()).toEqual(['reports-2020.csv', 'reports-2020.zip/dictionary.csv', 'reports-2020.zip/reports-2020.csv', 'reports-all.csv', 'reports-all.zip/dictionary.csv', 'reports-all.zip/reports-all.csv']);
    const rows = rowsOf(csvs.get('reports-all.csv')!).data;
    expect(rows.map((r) => r.id).sort()).toEqual(["'+cmd", "'-2+3", "'=1+1", "'@SUM(1)", 'cr', 'tab']);
  });

  it('no text cell begins with = + - @ tab or CR; a number cell is a number', () => {
    const type = new Map(CSV_COLUMNS.map((c) => [c.name, c.type]));
    for (const [file, text] of builtCsvs()) {
      const parsed = rowsOf(text);
      expect(parsed.errors, file).toEqual([]);
      for (const row of parsed.data) {
        for (const [column, cell] of Object.entries(row)) {
          if (type.get(column) === 'number') expect(cell === '' || NUMBER.test(cell), `${file} ${row.id} ${column}: ${JSON.stringify(cell)}`).toBe(true);
          else expect(FORMULA_START.test(cell), `${file} ${row.id} ${column}: ${JSON.stringify(cell)}`).toBe(false);
        }
      }
    }
  });

  it('keeps the text itself (after the apostrophe) and the negative number as a number', () => {
    const rows = rowsOf(builtCsvs().get('reports-all.csv')!).data;
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get("'=1+1")?.agency_name).toBe(`'${HOSTILE['=1+1.txt']}`);
    expect(byId.get("'@SUM(1)")?.agency_name).toBe(`'${HOSTILE['@SUM(1).txt']}`);
    expect(byId.get("'+cmd")?.agency_name).toBe(`'${HOSTILE['+cmd.txt']}`);
    expect(byId.get("'-2+3")?.agency_name).toBe(`'${HOSTILE['-2+3.txt']}`);
    // agencies.csv refuses a formula-like value (behind a tab or CR too): those rows are not applied (test/dataset/overrides.test.ts).
    expect(byId.get('tab')?.agency_name).toBe(HOSTILE['tab.txt']);
    expect(byId.get('cr')?.agency_name).toBe(HOSTILE['cr.txt']);
    for (const r of rows) expect(r.pro_licensing_change, r.id).toBe('-3');
  });
});

describe('the chart CSV download', () => {
  it('neutralises text cells and keeps numbers, negative ones too', () => {
    const csv = tableToCsv({ columns: ['分组', '值'], rows: [['=HYPERLINK("http://x","y")', -3], ['@SUM(1)', 2], ['+1', null], ['-x', 0]] });
    const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.slice(1);
    expect(rows).toEqual([
      ['\'=HYPERLINK("http://x","y")', '-3'],
      ["'@SUM(1)", '2'],
      ["'+1", ''],
      ["'-x", '0'],
    ]);
  });
});
