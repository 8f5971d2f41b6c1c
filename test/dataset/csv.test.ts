import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, toCsvRow } from '../../src/lib/dataset/columns.ts';
import { diagnostic } from '../../src/lib/diagnostics.ts';
import { BOM, csvFileText, csvLines, neutraliseCell } from '../../src/lib/dataset/csv.ts';
import { buildDictionary } from '../../src/lib/dataset/dictionary.ts';
import { parseReport } from '../../src/lib/parse/index.ts';
import { APPLICANT_COLUMNS, APPLICATION_ROWS, KINDS, LEVELS } from '../../src/lib/schema.ts';
import { SECTOR_KEYS } from '../../src/lib/agency/sectors.ts';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';

const seedFile = 'data/reports/000_fea7b730deba7205.txt';
const seed = parseReport(readFileSync(seedFile, 'utf8'), { file: seedFile, sha256: 'x', format: 'txt' });

describe('neutraliseCell', () => {
  const cases: [string | number | null, string | number | null][] = [
    ['=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'],
    ['+1', "'+1"],
    ['-cmd', "'-cmd"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['东莞市', '东莞市'],
    ['a=b', 'a=b'],
    [-5, -5],
    [0, 0],
    [null, null],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => expect(neutraliseCell(input)).toBe(expected));
  }
});

describe('CSV file', () => {
  it('flattens every applications cell as app_<row>_<column>, and the dictionary lists the same columns', () => {
    const names = CSV_COLUMNS.map((c) => c.name);
    for (const row of APPLICATION_ROWS) for (const c of APPLICANT_COLUMNS) expect(names).toContain(`app_${row}_${c}`);
    expect(new Set(names).size).toBe(names.length);
    const dictionary = buildDictionary();
    expect(dictionary.columns.map((c) => c.name)).toEqual(names);
    expect(dictionary.levels.map((l) => l.key)).toEqual([...LEVELS]);
    expect(dictionary.kinds.map((k) => k.key)).toEqual([...KINDS]);
    expect(dictionary.sectors.map((k) => k.key)).toEqual([...SECTOR_KEYS]);
    for (const c of dictionary.columns) {
      expect(c.zh, c.name).toMatch(/[\u4e00-\u9fff]/);
      expect(c.en, c.name).not.toBe('');
      expect(c.description, c.name).not.toBe('');
    }
  });

  it('starts with a BOM and the header, and reads back to the record values', () => {
    const text = csvFileText([toCsvRow(seed)]);
    expect(text.startsWith(BOM)).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual(CSV_COLUMNS.map((c) => c.name));
    const row = parsed.data[0] as Record<string, string>;
    expect(row.id).toBe(seed.id);
    expect(row.app_new_total).toBe(String(seed.applications.new.total ?? ''));
    expect(row.app_total_processed_natural).toBe(String(seed.applications.total_processed.natural ?? ''));
    expect(row.review_total).toBe(String(seed.review.total ?? ''));
  });

  it('keeps a null cell empty (never 0), a negative number a number, and neutralises text cells only', () => {
    const record = structuredClone(seed);
    record.applications.new.research = null;
    record.proactive = { fees: { change: -3 } };
    record.agency.name = '=1+1';
    const parsed = Papa.parse<Record<string, string>>(csvFileText([toCsvRow(record)]).slice(1), { header: true, skipEmptyLines: true });
    const row = parsed.data[0] as Record<string, string>;
    expect(row.app_new_research).toBe('');
    expect(row.pro_fees_change).toBe('-3');
    expect(row.agency_name).toBe("'=1+1");
  });
});

describe('csvLines', () => {
  /** What csvLines must write: every row through papaparse whole, neutralised, CRLF after each. */
  const reference = (rows: (string | number | null)[][]): string =>
    rows.length === 0 ? '' : `${Papa.unparse(rows.map((r) => r.map(neutraliseCell)), { newline: '\r\n', header: false })}\r\n`;
  const char = fc.constantFrom(...'a1 ,"\'\r\n\t=+-@|中市\uFEFF\u001e\u001f'.split(''));
  const cell = fc.oneof(
    fc.constant(null),
    fc.integer({ min: -1e6, max: 1e6 }),
    fc.double({ noNaN: false }),
    fc.string({ unit: char, maxLength: 8 }),
  );

  it('writes what papaparse writes for the rows, whatever the cells hold (quotes, commas, line breaks, formulas)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 4 }), (rows) => {
        expect(csvLines(rows)).toBe(reference(rows));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes a real record as papaparse does', () => {
    const record = structuredClone(seed);
    record.diagnostics = ['a "quoted", comma', ' leading space', '-minus', 'line\r\nbreak'].map((name) => diagnostic('agency_name_from_prose', 'metadata', { name }));
    for (const r of [seed, record]) expect(csvLines([toCsvRow(r)])).toBe(reference([toCsvRow(r)]));
    expect(csvLines([toCsvRow(seed), toCsvRow(record), toCsvRow(seed)])).toBe(reference([toCsvRow(seed), toCsvRow(record), toCsvRow(seed)]));
  });
});
