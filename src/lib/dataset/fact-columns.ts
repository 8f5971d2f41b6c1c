/**
 * Reading the split fact files (fact-files.ts writes them; layout.ts FactIndex describes them):
 * one column file's bytes back into the column's values, decoded columns into a FactsFile of just
 * those columns, and every column given a way to read the files. Pure; the page fetches the bytes
 * (src/client/fact-store.ts), the site's build reads them (src/components/dataset.ts).
 */
import { tableFromIPC } from '@uwdata/flechette';
import { AGENCY_NUMBER, DATA_FILES, type FactColumn, type FactIndex, type FactsFile } from './layout.ts';

type Value = string | number | null;

/** A column's values from its Arrow file (and, for text, its dictionary of values); `name` and the index's count check what came. */
export function decodeColumn(name: string, column: FactColumn, bytes: Uint8Array, count: number, values?: readonly (string | null)[]): Value[] {
  const child = tableFromIPC(bytes).getChild('v');
  if (!child || child.length !== count) throw new Error(`${column.file}: ${child ? `${child.length} rows` : 'no column v'}, the index says ${count}`);
  const raw = child.toArray() as ArrayLike<number | null>;
  const out = new Array<Value>(count);
  if (column.encoding === 'delta') {
    let sum = 0;
    for (let i = 0; i < count; i++) out[i] = sum += raw[i] as number;
    return out;
  }
  if (column.type !== 'text') {
    const offset = column.offset ?? 0;
    for (let i = 0; i < count; i++) {
      const v = raw[i] as number | null;
      out[i] = v === null ? null : v + offset;
    }
    return out;
  }
  const dictionary = values;
  if (!dictionary) throw new Error(`${name}: a text column without its values`);
  for (let i = 0; i < count; i++) {
    const v = dictionary[raw[i] as number];
    if (v === undefined) throw new Error(`${column.file}: row ${i} has code ${raw[i]}, past the ${dictionary.length} values`);
    out[i] = v;
  }
  return out;
}

/**
 * The files of a column as a page asks for them (paths under data/): the column's file, and its
 * text values' file if it has one, each with the column's hash, so a page never mixes two builds.
 */
export function columnFiles(column: FactColumn): { file: string; values: string | null } {
  const v = `?v=${column.hash}`;
  return { file: `${column.file}${v}`, values: column.values_file ? `${column.values_file}${v}` : null };
}

/** A FactsFile holding just these decoded columns (a page's aggregate reads only those). */
export function factsOfColumns(index: FactIndex, columns: Record<string, Value[]>): FactsFile {
  return { schema_version: index.schema_version, count: index.count, columns };
}

/**
 * The fact columns as the split fact files hold them (rows in their order there; not the agency
 * numbers, which aggregate.ts derives from them again), so that splitting them again gives the
 * same files. `read` gives a file's bytes by its path under the data folder (the index's own and
 * those it names), null when there is no such file. Null when there is no index; a column file the
 * index names and `read` lacks is an error.
 */
export function readFactFiles(read: (file: string) => Uint8Array | null): FactsFile | null {
  const text = new TextDecoder();
  const json = <T>(file: string): T | null => {
    const bytes = read(file);
    return bytes === null ? null : (JSON.parse(text.decode(bytes)) as T);
  };
  const index = json<FactIndex>(DATA_FILES.factIndex);
  if (index === null) return null;
  const columns: Record<string, Value[]> = {};
  for (const [name, column] of Object.entries(index.columns)) {
    if (name === AGENCY_NUMBER) continue;
    const bytes = read(column.file);
    const values = column.values_file ? json<(string | null)[]>(column.values_file) : undefined;
    if (bytes === null || values === null) throw new Error(`${DATA_FILES.factIndex} names ${bytes === null ? column.file : column.values_file}, which is not there`);
    columns[name] = decodeColumn(name, column, bytes, index.count, values);
  }
  return factsOfColumns(index, columns);
}
