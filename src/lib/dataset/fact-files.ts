/**
 * The fact columns (as in facts.json) split for the browser, one file per column, so that a page
 * fetches only the columns it shows (layout.ts FactIndex describes the files). Pure: columns in,
 * file paths and bytes out; scripts/lib/write-outputs.ts writes them.
 *
 * Rows are put in order of province, city, county, agency and year, so that the place columns
 * and the agency numbers come in long runs that gzip to almost nothing. Text columns are
 * dictionary-encoded: int32 codes in the column file, the distinct values in a JSON file beside it
 * (so the index stays a few KB whatever the number of reports, and a page fetches the values of the
 * text columns it reads only).
 */
import { float64, int32, tableFromArrays, tableToIPC } from '@uwdata/flechette';
import { agencyIdentityOfRow, agencyNumbers } from '../charts/aggregate.ts';
import { AGENCY_NUMBER, DATA_FILES, type FactColumn, type FactIndex, type FactsFile } from './layout.ts';

export const FACTS_DIR = DATA_FILES.factIndex.slice(0, DATA_FILES.factIndex.lastIndexOf('/'));
export const columnFile = (name: string) => `${FACTS_DIR}/${name}.arrow`;
export const valuesFile = (name: string) => `${FACTS_DIR}/${name}.values.json`;

type Value = string | number | null;

const compareText = (a: Value, b: Value) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : String(a) < String(b) ? -1 : 1);

/** The row order of the split: place, agency, year, then report id (unique), so the same rows always give the same order. */
export function splitOrder(facts: FactsFile): number[] {
  const col = (name: string): readonly Value[] => facts.columns[name] ?? [];
  const [province, city, county, year, id] = ['province', 'city', 'county', 'year', 'id'].map(col) as (readonly Value[])[];
  const agencyOf = agencyIdentityOfRow(facts);
  const agency = Array.from({ length: facts.count }, (_, i) => agencyOf(i));
  const keys: ((i: number) => Value)[] = [(i) => province![i] ?? null, (i) => city![i] ?? null, (i) => county![i] ?? null, (i) => agency[i] ?? null];
  return Array.from({ length: facts.count }, (_, i) => i).sort((a, b) => {
    for (const key of keys) {
      const c = compareText(key(a), key(b));
      if (c !== 0) return c;
    }
    const ya = year![a] ?? null;
    const yb = year![b] ?? null;
    if (ya !== yb) return ya === null ? -1 : yb === null ? 1 : (ya as number) - (yb as number);
    return compareText(id![a] ?? null, id![b] ?? null);
  });
}

/** FNV-1a (32-bit) of some bytes, as 8 hex digits. */
export function fnv1a(...parts: Uint8Array[]): string {
  let h = 0x811c9dc5;
  for (const bytes of parts) {
    for (let i = 0; i < bytes.length; i++) {
      h ^= bytes[i] as number;
      h = Math.imul(h, 0x01000193);
    }
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

const isInt32 = (v: number) => Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31;

function arrowColumn(values: readonly (number | null)[], type: 'int32' | 'float64'): Uint8Array {
  const table = tableFromArrays({ v: values as (number | null)[] }, { types: { v: type === 'int32' ? int32() : float64() } });
  return tableToIPC(table, { format: 'stream' }) as Uint8Array;
}

/**
 * Every file of the split: the index (DATA_FILES.factIndex) and each column's files, path → bytes.
 * `numberFields` names the numeric columns; every other column is text. A value of the wrong kind
 * stops the build, naming the column and the row's report id.
 */
export function factFiles(facts: FactsFile, numberFields: ReadonlySet<string>, schemaVersion: number): Map<string, Uint8Array | string> {
  const order = splitOrder(facts);
  const ids = facts.columns.id ?? [];
  const files = new Map<string, Uint8Array | string>();
  const columns: Record<string, FactColumn> = {};
  const encoder = new TextEncoder();
  const sorted: Record<string, Value[]> = Object.fromEntries(Object.entries(facts.columns).map(([name, values]) => [name, order.map((i) => values[i] ?? null)]));
  const wrong = (name: string, k: number, want: string) => new Error(`fact column ${name}: report ${String(ids[order[k] as number] ?? order[k])} has ${JSON.stringify(sorted[name]![k])}, not ${want}`);

  for (const [name, values] of Object.entries(sorted)) {
    if (numberFields.has(name)) {
      let type: 'int32' | 'float64' = 'int32';
      values.forEach((v, k) => {
        if (v === null) return;
        if (typeof v !== 'number' || !Number.isFinite(v)) throw wrong(name, k, 'a finite number or null');
        if (!isInt32(v)) type = 'float64';
      });
      const bytes = arrowColumn(values as (number | null)[], type);
      files.set(columnFile(name), bytes);
      columns[name] = { type, file: columnFile(name), hash: fnv1a(bytes) };
      continue;
    }
    values.forEach((v, k) => {
      if (v !== null && typeof v !== 'string') throw wrong(name, k, 'a text or null');
    });
    const dictionary = [...new Set(values)].sort(compareText);
    const code = new Map(dictionary.map((v, c) => [v, c]));
    const bytes = arrowColumn(values.map((v) => code.get(v) as number), 'int32');
    const json = JSON.stringify(dictionary);
    files.set(columnFile(name), bytes);
    files.set(valuesFile(name), json);
    columns[name] = { type: 'text', file: columnFile(name), hash: fnv1a(bytes, encoder.encode(json)), values_file: valuesFile(name) };
  }
  // Agencies are numbered in row order, and an agency's rows mostly follow each other: as steps from the row before, the column is 0s and 1s.
  const numbers = agencyNumbers({ ...facts, columns: sorted });
  const agencyBytes = arrowColumn(Array.from(numbers, (v, k) => v - (k === 0 ? 0 : (numbers[k - 1] as number))), 'int32');
  files.set(columnFile(AGENCY_NUMBER), agencyBytes);
  columns[AGENCY_NUMBER] = { type: 'int32', file: columnFile(AGENCY_NUMBER), hash: fnv1a(agencyBytes), encoding: 'delta' };

  const index: FactIndex = { schema_version: schemaVersion, count: facts.count, columns };
  files.set(DATA_FILES.factIndex, JSON.stringify(index));
  return files;
}
