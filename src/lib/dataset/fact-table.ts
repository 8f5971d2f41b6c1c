/** The fact columns (FactsFile) as an arquero table: the build-time tables start here. */
import * as aq from 'arquero';

/** Fact columns, one array per field, all of the same length. */
export type FactColumns = Readonly<Record<string, readonly (string | number | null)[] | ArrayLike<number>>>;

/** A table of these fact columns over `count` rows, a column of nulls where the facts have none. */
export function factTable(columns: FactColumns, names: Iterable<string>, count: number): aq.ColumnTable {
  return aq.table(Object.fromEntries([...new Set(names)].map((name) => [name, columns[name] ?? new Array<null>(count).fill(null)])));
}
