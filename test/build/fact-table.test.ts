import { describe, expect, it } from 'vitest';
import { FACT_NUMBER_BYTES, FactTable, factsJson, textColumnsJson } from '../../scripts/lib/fact-table.ts';
import type { FactsFile } from '../../src/lib/dataset/layout.ts';

/** facts.json for these rows of the table, as the build writes it, and as read back. */
const factsOf = (table: FactTable, rows: number[]) => Buffer.concat(factsJson(7, textColumnsJson(table.textColumns(rows), rows.length), table.numberRows(rows), rows.length)).toString('utf8');
const columnsOf = (table: FactTable, rows: number[]) => (JSON.parse(factsOf(table, rows)) as FactsFile).columns;
import { overviewOfColumns } from '../../src/lib/dataset/overview.ts';
import { FACT_FIELDS, FACT_NUMBER_FIELDS, FACT_TEXT_FIELDS } from '../../src/lib/facts.ts';

const TEXTS = FACT_TEXT_FIELDS.length;
/** A row whose text fields are `${field}-${n}` and whose numbers are given (the rest null). */
const row = (n: number, numbers: (number | null)[] = []) => [
  ...FACT_TEXT_FIELDS.map((f) => `${f}-${n}`),
  ...FACT_NUMBER_FIELDS.map((_, i) => numbers[i] ?? null),
];

describe('FactTable', () => {
  it('gives back each row as added, and grows past its first size', () => {
    const table = new FactTable();
    const rows = Array.from({ length: 3000 }, (_, n) => row(n, [2020 + (n % 5), n, n / 8, n % 7 === 0 ? null : 2 ** 45 + n]));
    const numbers = rows.map((r) => table.add(r));
    expect(numbers).toEqual(rows.map((_, n) => n));
    for (const n of [0, 1, 1023, 1024, 2999]) expect(table.valuesOf(n)).toEqual(rows[n]);
  });

  it('is made over memory holding cached rows (as the cache stores them), reads them in place, and adds rows after them', () => {
    const source = new FactTable();
    const rows = Array.from({ length: 5 }, (_, n) => row(n, [2020 + n, n * 3, n % 2 === 0 ? null : n + 0.5]));
    for (const r of rows) source.add(r);
    // As in the cache's data file: other bytes, then a row's numbers at a multiple of 8, and so on.
    const memory = new SharedArrayBuffer(3 * 1024 + 2 * FACT_NUMBER_BYTES);
    const bytes = Buffer.from(memory);
    bytes.fill(7, 0, 40);
    source.numberBytes(3).copy(bytes, 40);
    bytes.fill(7, 40 + FACT_NUMBER_BYTES, 48 + FACT_NUMBER_BYTES);
    source.numberBytes(1).copy(bytes, 48 + FACT_NUMBER_BYTES);
    const taken = 48 + 2 * FACT_NUMBER_BYTES;
    const table = new FactTable(memory, taken);
    expect(table.addCached(source.textsOf(3), 40)).toBe(0);
    expect(table.addCached(source.textsOf(1), 48 + FACT_NUMBER_BYTES)).toBe(1);
    expect(() => table.addCached(source.textsOf(1), 44)).toThrow(/no cached row/);
    expect(() => table.addCached(source.textsOf(1), taken)).toThrow(/no cached row/);
    // The memory has room for a few rows after the cached ones (3 KiB less the 48 bytes before them); rows past that make the table grow.
    const room = Math.floor((3 * 1024 - 48) / FACT_NUMBER_BYTES);
    expect(table.roomForRows()).toBe(room);
    const more = Array.from({ length: 2000 }, (_, n) => row(100 + n, [2000 + n, n]));
    for (const r of more.slice(0, room)) table.add(r);
    expect(table.roomForRows()).toBe(0);
    expect(table.numberBytes(2).buffer).toBe(memory);
    for (const r of more.slice(room)) table.add(r);
    expect(table.numberBytes(2).buffer).not.toBe(memory);
    expect(table.valuesOf(0)).toEqual(rows[3]);
    expect(table.valuesOf(1)).toEqual(rows[1]);
    expect(table.valuesOf(2)).toEqual(more[0]);
    expect(table.valuesOf(2001)).toEqual(more[1999]);
    expect(table.numberBytes(1).equals(source.numberBytes(1))).toBe(true);
    // Grown into memory of its own, the table has no cached rows left to name.
    expect(() => table.addCached(source.textsOf(3), 40)).toThrow(/no cached row/);
    // The bytes it was made over are left as they were.
    expect(bytes.subarray(0, 40).every((b) => b === 7)).toBe(true);
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

  it('writes facts.json as JSON.stringify would, whatever the numbers and texts', () => {
    const table = new FactTable();
    const numbers = [2021, 0, 9999, 10_000, 123_456_789, 2 ** 45 + 1, 999_999_999_999_999, 2 ** 53, -3, -0, 0.1 + 0.2, 1e21, 5e-7, null, NaN, Infinity];
    table.add([...FACT_TEXT_FIELDS.map((f) => `"引号" \\ ${f}\n\u2028`), ...FACT_NUMBER_FIELDS.map((_, i) => numbers[i % numbers.length] ?? null)]);
    table.add(row(2, FACT_NUMBER_FIELDS.map((_, i) => i * 1000 + 0.5)));
    const text = factsOf(table, [1, 0]);
    const file = JSON.parse(text) as FactsFile;
    expect(text).toBe(JSON.stringify(file));
    expect(file.schema_version).toBe(7);
    expect(file.count).toBe(2);
    expect(file.columns.agency?.[1]).toBe(`"引号" \\ agency\n\u2028`);
    expect(FACT_NUMBER_FIELDS.map((f) => file.columns[f]?.[1])).toEqual(
      FACT_NUMBER_FIELDS.map((_, i) => {
        const n = numbers[i % numbers.length] ?? null;
        return n === null || !Number.isFinite(n) ? null : n + 0;
      }),
    );
    expect(file.columns[FACT_NUMBER_FIELDS[3]]?.[0]).toBe(3000.5);
  });

  it('writes each number as JSON.stringify does, at the edges of its digit-by-digit path', () => {
    const edges = [0, 9, 10, 99, 100, 999_999_999, 1_000_000_000, 2_147_483_647, 2_147_483_648, 1e15, 1e21, -1, -0, 0.5, 1e-7, null];
    const table = new FactTable();
    const rows = edges.map((value, n) => table.add(row(n, FACT_NUMBER_FIELDS.map((_, i) => (i % 2 === 0 ? value : edges[(n + i) % edges.length] ?? null)))));
    const text = factsOf(table, rows);
    expect(text).toBe(JSON.stringify(JSON.parse(text)));
    const file = JSON.parse(text) as FactsFile;
    expect(file.columns[FACT_NUMBER_FIELDS[0]]).toEqual(edges.map((v) => (v === null ? null : v + 0)));
    FACT_NUMBER_FIELDS.forEach((field, i) => expect(file.columns[field]).toEqual(rows.map((n) => table.valuesOf(n)[TEXTS + i])));
  });

  it('writes every value whole where a chunk ends, whichever way the value is written (digits, text, null)', () => {
    // Each number column is written to 64 KiB chunks of its own: 30,000 rows cross their ends many times, at every kind of value.
    const kinds = (n: number, i: number) => [null, n, n + 0.5, 2 ** 40 + n, -n - 1][(n + i) % 5] ?? null;
    const table = new FactTable();
    const rows = Array.from({ length: 30_000 }, (_, n) => table.add(row(n, FACT_NUMBER_FIELDS.map((_, i) => kinds(n, i)))));
    const text = factsOf(table, rows);
    expect(text).toBe(JSON.stringify(JSON.parse(text)));
    const file = JSON.parse(text) as FactsFile;
    FACT_NUMBER_FIELDS.forEach((field, i) => expect(file.columns[field]).toEqual(rows.map((n) => kinds(n, i))));
  });

  it('writes a facts.json of many megabytes whole, across the chunks it is made in', () => {
    const table = new FactTable();
    const rows = Array.from({ length: 4000 }, (_, n) => table.add(row(n, FACT_NUMBER_FIELDS.map((_, i) => (n * 7919 + i) % 13 === 0 ? null : n * 1_000_003 + i))));
    const chunks = factsJson(1, textColumnsJson(table.textColumns(rows), rows.length), table.numberRows(rows), rows.length);
    expect(chunks.length).toBeGreaterThan(1);
    const text = Buffer.concat(chunks).toString('utf8');
    const file = JSON.parse(text) as FactsFile;
    expect(text).toBe(JSON.stringify(file));
    expect(file.columns.id).toEqual(rows.map((n) => `id-${n}`));
    FACT_NUMBER_FIELDS.forEach((field, i) => expect(file.columns[field]).toEqual(rows.map((n) => table.valuesOf(n)[TEXTS + i])));
  });

  it('gives the overview the same sums as facts.json columns do', () => {
    const table = new FactTable();
    const rows = Array.from({ length: 40 }, (_, n) => table.add(row(n, FACT_NUMBER_FIELDS.map((_, i) => (i === 0 ? 2020 + (n % 3) : (n * i) % 11 === 0 ? null : n * i + 0.5)))));
    const used = rows.filter((r) => r % 3 !== 1);
    const columns = columnsOf(table, used);
    expect(overviewOfColumns(columns, used.length, table.summedRows(used))).toEqual(overviewOfColumns(columns, used.length));
  });
});
