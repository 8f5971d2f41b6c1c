import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, toCsvRow } from '../../src/lib/dataset/columns.ts';
import { BOM, csvFileText, neutraliseCell } from '../../src/lib/dataset/csv.ts';
import { buildDictionary } from '../../src/lib/dataset/dictionary.ts';
import { parseReport } from '../../src/lib/parse/index.ts';
import { APPLICANT_COLUMNS, APPLICATION_ROWS, KINDS, LEVELS } from '../../src/lib/schema.ts';
import { SECTOR_KEYS } from '../../src/lib/agency/sectors.ts';
import { readFileSync } from 'node:fs';

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
