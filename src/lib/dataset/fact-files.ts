/**
 * The fact columns (FactsFile) split for the browser, one file per column, so that a page
 * fetches only the columns it shows (layout.ts FactIndex describes the files). Pure: columns in,
 * file paths and bytes out; scripts/lib/write-outputs.ts writes them.
 *
 * Rows are put in order of province, city, county, agency and year, so that the place columns
 * and the agency numbers come in long runs that gzip to almost nothing. Text columns are
 * dictionary-encoded: int32 codes in the column file, the distinct values in a JSON file beside it
 * (so the index stays a few KB whatever the number of reports, and a page fetches the values of the
 * text columns it reads only).
 */
import { createHash } from 'node:crypto';
import { float64, int16, int32, int8, tableFromArrays, tableToIPC } from '@uwdata/flechette';
import { agencyIdentityOfRow, numberedAsTheyCome } from '../charts/aggregate.ts';
import { AGENCY_NUMBER, DATA_FILES, type FactColumn, type FactIndex, type FactsFile } from './layout.ts';

export const FACTS_DIR = DATA_FILES.factIndex.slice(0, DATA_FILES.factIndex.lastIndexOf('/'));
export const columnFile = (name: string) => `${FACTS_DIR}/${name}.arrow`;
export const valuesFile = (name: string) => `${FACTS_DIR}/${name}.values.json`;

type Value = string | number | null;

const compareText = (a: Value, b: Value) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : String(a) < String(b) ? -1 : 1);

/** The distinct values of the first `count` rows (a missing row is null), in compareText order: null, then the texts by UTF-16 code units. */
function distinctTexts(values: readonly Value[], count: number): Value[] {
  const distinct = new Set<Value>();
  for (let i = 0; i < count; i++) distinct.add(values[i] ?? null);
  const hasNull = distinct.delete(null);
  // The default sort compares as compareText does, without a call per comparison.
  const texts = [...distinct].sort();
  return hasNull ? [null, ...texts] : texts;
}

const compareYear = (a: Value, b: Value) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : (a as number) - (b as number));

/** Each row's rank among its column's distinct values (text in compareText order, years ascending): equal ranks for equal values, so rows sort by small numbers. */
function ranks(values: readonly Value[], count: number, kind: 'text' | 'year'): Int32Array {
  const distinct = kind === 'text' ? distinctTexts(values, count) : [...new Set(Array.from({ length: count }, (_, i) => values[i] ?? null))].sort(compareYear);
  const rank = new Map(distinct.map((v, r) => [v, r]));
  return Int32Array.from({ length: count }, (_, i) => rank.get(values[i] ?? null) as number);
}

/**
 * The row order of the split: place, agency, year, then report id (unique), so the same rows
 * always give the same order; and each row's agency (agencyIdentityOfRow), by original row.
 */
export function splitOrder(facts: FactsFile): { order: number[]; agencies: string[] } {
  const col = (name: string): readonly Value[] => facts.columns[name] ?? [];
  const agencyOf = agencyIdentityOfRow(facts);
  const agencies = Array.from({ length: facts.count }, (_, i) => agencyOf(i));
  const keys = [col('province'), col('city'), col('county'), agencies].map((values) => ranks(values, facts.count, 'text'));
  keys.push(ranks(col('year'), facts.count, 'year'));
  const id = col('id');
  const order = Array.from({ length: facts.count }, (_, i) => i).sort((a, b) => {
    for (const key of keys) {
      const c = (key[a] as number) - (key[b] as number);
      if (c !== 0) return c;
    }
    return compareText(id[a] ?? null, id[b] ?? null);
  });
  return { order, agencies };
}

/** The first 16 hex digits of the SHA-256 of some bytes: a file's version in its address. */
export function contentHash(...parts: Uint8Array[]): string {
  const hash = createHash('sha256');
  for (const bytes of parts) hash.update(bytes);
  return hash.digest('hex').slice(0, 16);
}

const isInt32 = (v: number) => Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31;

/** Bits per value of the narrowest Arrow integer type that holds every value from min to max (a page's bytes, and the time to take them in, follow the width). */
const widthOf = (min: number, max: number): 8 | 16 | 32 => (min >= -(2 ** 7) && max < 2 ** 7 ? 8 : min >= -(2 ** 15) && max < 2 ** 15 ? 16 : 32);

/** widthOf the values given (nulls aside). */
function widthOfValues(values: readonly (number | null)[]): 8 | 16 | 32 {
  let min = 0;
  let max = 0;
  for (const v of values) {
    if (v === null) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return widthOf(min, max);
}

const INT_TYPES = { 8: int8, 16: int16, 32: int32 };

function arrowColumn(values: readonly (number | null)[], type: 'int32' | 'float64'): Uint8Array {
  const table = tableFromArrays({ v: values as (number | null)[] }, { types: { v: type === 'int32' ? INT_TYPES[widthOfValues(values)]() : float64() } });
  return tableToIPC(table, { format: 'stream' }) as Uint8Array;
}

/**
 * Every file of the split: the index (DATA_FILES.factIndex) and each column's files, path → bytes.
 * `numberFields` names the numeric columns; every other column is text. A value of the wrong kind
 * stops the build, naming the column and the row's report id.
 */
export function factFiles(facts: FactsFile, numberFields: ReadonlySet<string>, schemaVersion: number): Map<string, Uint8Array | string> {
  const { order, agencies } = splitOrder(facts);
  const ids = facts.columns.id ?? [];
  const files = new Map<string, Uint8Array | string>();
  const columns: Record<string, FactColumn> = {};
  const encoder = new TextEncoder();
  const wrong = (name: string, k: number, value: Value, want: string) => new Error(`fact column ${name}: report ${String(ids[order[k] as number] ?? order[k])} has ${JSON.stringify(value)}, not ${want}`);
  // Each column read once, in split order, into the same two arrays (a column's file is made before
  // the next is read): numbers as they are, text as codes into its sorted distinct values.
  const out = new Array<Value>(order.length);
  const codes = new Array<number>(order.length);
  for (const [name, values] of Object.entries(facts.columns)) {
    if (numberFields.has(name)) {
      let type: 'int32' | 'float64' = 'int32';
      let least = Infinity;
      let most = -Infinity;
      for (let k = 0; k < order.length; k++) {
        const v = values[order[k] as number] ?? null;
        if (v !== null && (typeof v !== 'number' || !Number.isFinite(v))) throw wrong(name, k, v, 'a finite number or null');
        if (v !== null && type === 'int32' && !isInt32(v)) type = 'float64';
        if (v !== null && v < least) least = v;
        if (v !== null && v > most) most = v;
        out[k] = v;
      }
      // Whole numbers close together but far from 0 (years) fit fewer bits less their least.
      const shift = type === 'int32' && least <= most && widthOf(0, most - least) < widthOf(Math.min(0, least), Math.max(0, most));
      if (shift) for (let k = 0; k < out.length; k++) if (out[k] !== null) out[k] = (out[k] as number) - least;
      const bytes = arrowColumn(out as (number | null)[], type);
      files.set(columnFile(name), bytes);
      columns[name] = { type, file: columnFile(name), hash: contentHash(bytes), ...(shift ? { offset: least } : {}) };
      continue;
    }
    for (let k = 0; k < order.length; k++) {
      const v = values[order[k] as number] ?? null;
      if (v !== null && typeof v !== 'string') throw wrong(name, k, v, 'a text or null');
      out[k] = v;
    }
    const dictionary = distinctTexts(out, out.length);
    const code = new Map(dictionary.map((v, c) => [v, c]));
    for (let k = 0; k < out.length; k++) codes[k] = code.get(out[k] as Value) as number;
    const bytes = arrowColumn(codes, 'int32');
    const json = JSON.stringify(dictionary);
    files.set(columnFile(name), bytes);
    files.set(valuesFile(name), json);
    columns[name] = { type: 'text', file: columnFile(name), hash: contentHash(bytes, encoder.encode(json)), values_file: valuesFile(name) };
  }
  // Agencies numbered as they first come in split order (as aggregate.ts agencyNumbers numbers the
  // split rows), and an agency's rows mostly follow each other: as steps from the row before, 0s and 1s.
  const numbers = numberedAsTheyCome(order.length, (k) => agencies[order[k] as number] as string);
  for (let k = 0; k < numbers.length; k++) codes[k] = (numbers[k] as number) - (k === 0 ? 0 : (numbers[k - 1] as number));
  const agencyBytes = arrowColumn(codes, 'int32');
  files.set(columnFile(AGENCY_NUMBER), agencyBytes);
  columns[AGENCY_NUMBER] = { type: 'int32', file: columnFile(AGENCY_NUMBER), hash: contentHash(agencyBytes), encoding: 'delta' };

  const index: FactIndex = { schema_version: schemaVersion, count: facts.count, columns };
  files.set(DATA_FILES.factIndex, JSON.stringify(index));
  return files;
}
