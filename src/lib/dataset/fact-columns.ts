/**
 * Reading the split fact files (fact-files.ts writes them; layout.ts FactIndex describes them):
 * one column file's bytes back into the column's values, and decoded columns into a FactsFile of
 * just those columns. Pure; the page fetches the bytes (src/client/fact-store.ts).
 */
import { tableFromIPC } from '@uwdata/flechette';
import type { FactColumn, FactIndex, FactsFile } from './layout.ts';

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

/** A FactsFile holding just these decoded columns (a page's aggregate reads only those). */
export function factsOfColumns(index: FactIndex, columns: Record<string, Value[]>): FactsFile {
  return { schema_version: index.schema_version, count: index.count, columns };
}
