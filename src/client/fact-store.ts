/**
 * The fact columns a page has fetched so far, from the split fact files (layout.ts FactIndex):
 * `load(names)` fetches the columns not yet here, in parallel, and gives the page's one FactsFile
 * with them added (the same object each time, so what is computed from it once stays valid).
 */
import { columnFiles, decodeColumn, factsOfColumns } from '../lib/dataset/fact-columns.ts';
import { DATA_FILES, type FactIndex, type FactsFile } from '../lib/dataset/layout.ts';
import { fetchData, type PageEnv } from './env.ts';

export interface FactStore {
  load(names: readonly string[]): Promise<FactsFile>;
  /** The facts, when every one of these columns has come (a redraw then needs no wait). */
  ready(names: readonly string[]): FactsFile | null;
}

type Value = string | number | null;

async function fetchBytes(env: PageEnv, file: string): Promise<Uint8Array> {
  const url = `${env.base}data/${file}`;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

export function factStore(env: PageEnv): FactStore {
  let index: Promise<FactIndex> | null = null;
  let facts: FactsFile | null = null;
  const pending = new Map<string, Promise<void>>();
  const done = new Set<string>();

  const column = (name: string, idx: FactIndex, into: FactsFile): Promise<void> => {
    const known = pending.get(name);
    if (known) return known;
    const entry = idx.columns[name];
    const loading = (async () => {
      // A column this dataset does not have stays absent: aggregate reads it as all null.
      if (!entry) return;
      const files = columnFiles(entry);
      const [bytes, values] = await Promise.all([fetchBytes(env, files.file), files.values ? fetchData<(string | null)[]>(env, files.values) : Promise.resolve(undefined)]);
      into.columns[name] = decodeColumn(name, entry, bytes, idx.count, values);
      // A report with no agency name is named by its id (aggregate.ts, nav/agencies.ts).
      if (name === 'agency' && values?.includes(null)) await column('id', idx, into);
    })().then(() => {
      done.add(name);
    });
    pending.set(name, loading);
    return loading;
  };

  return {
    async load(names) {
      index ??= fetchData<FactIndex>(env, DATA_FILES.factIndex);
      const idx = await index;
      facts ??= factsOfColumns(idx, {} as Record<string, Value[]>);
      const into = facts;
      await Promise.all(names.map((n) => column(n, idx, into)));
      return into;
    },
    ready: (names) => (facts && names.every((n) => done.has(n)) ? facts : null),
  };
}
