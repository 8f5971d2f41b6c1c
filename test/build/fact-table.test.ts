import { describe, expect, it } from 'vitest';
import { FactTable, factColumns } from '../../scripts/lib/fact-table.ts';

/** facts.json's columns for these rows of the table, as the build makes them. */
const columnsOf = (table: FactTable, rows: number[]) => factColumns(table.textColumns(rows), table.numberRows(rows), rows.length);
import { overviewOfColumns } from '../../src/lib/dataset/overview.ts';
import { FACT_FIELDS, FACT_NUMBER_FIELDS, FACT_TEXT_FIELDS } from '../../src/lib/facts.ts';

const TEXTS = FACT_TEXT_FIELDS.length;
/** A row whose text fields are `${field}-${n}` and whose numbers are given (the rest null). */
const row = (n: number, numbers: (number | null)[] = []) => [
  ...FACT_TEXT_FIELDS.map((f) => `${f}-${n}`),
  ...FACT_NUMBER_FIELDS.map((_, i) => numbers[i] ?? null),
];

describe('FactTable', () => {
  it('gives back each row as added, through the cache bytes too, and grows past its first size', () => {
    const table = new FactTable();
    const rows = Array.from({ length: 3000 }, (_, n) => row(n, [2020 + (n % 5), n, n / 8, n % 7 === 0 ? null : 2 ** 45 + n]));
    const numbers = rows.map((r) => table.add(r));
    expect(numbers).toEqual(rows.map((_, n) => n));
    for (const n of [0, 1, 1023, 1024, 2999]) expect(table.valuesOf(n)).toEqual(rows[n]);
    const copy = new FactTable();
    for (const n of [2999, 7]) copy.addFromBytes(table.textsOf(n), table.numberBytes(n), 0);
    expect(copy.valuesOf(0)).toEqual(rows[2999]);
    expect(copy.valuesOf(1)).toEqual(rows[7]);
  });

  it('keeps what JSON would keep: NaN and ±Infinity as null, -0 as 0', () => {
    const table = new FactTable();
    const n = table.add(row(1, [NaN, Infinity, -Infinity, -0, -3]));
    const values = table.valuesOf(n).slice(TEXTS, TEXTS + 5);
    expect(values).toEqual([null, null, null, 0, -3]);
    expect(Object.is(values[3], 0)).toBe(true);
  });

  it("gives facts.json's columns for the rows asked, in that order, every field in FACT_FIELDS order", () => {
    const table = new FactTable();
    for (let n = 0; n < 5; n++) table.add(row(n, [2020 + n, n * 10]));
    const columns = columnsOf(table, [4, 0, 2]);
    expect(Object.keys(columns)).toEqual([...FACT_FIELDS]);
    expect(columns.id).toEqual(['id-4', 'id-0', 'id-2']);
    expect(columns[FACT_NUMBER_FIELDS[0]]).toEqual([2024, 2020, 2022]);
    expect(columns[FACT_NUMBER_FIELDS[1]]).toEqual([40, 0, 20]);
    expect(columns[FACT_NUMBER_FIELDS[2]]).toEqual([null, null, null]);
  });

  it('gives the overview the same sums as facts.json columns do', () => {
    const table = new FactTable();
    const rows = Array.from({ length: 40 }, (_, n) => table.add(row(n, FACT_NUMBER_FIELDS.map((_, i) => (i === 0 ? 2020 + (n % 3) : (n * i) % 11 === 0 ? null : n * i + 0.5)))));
    const used = rows.filter((r) => r % 3 !== 1);
    const columns = columnsOf(table, used);
    expect(overviewOfColumns(columns, used.length, table.summedRows(used))).toEqual(overviewOfColumns(columns, used.length));
  });
});
