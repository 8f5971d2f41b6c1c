/** The split fact files: what a page reassembles from them is what was written, and a chart drawn from the columns it reads equals one drawn from all of them. */
import { describe, expect, it } from 'vitest';
import { aggregate, agencyNumbers, type Aggregate } from '../../src/lib/charts/aggregate.ts';
import { columnsRead } from '../../src/lib/charts/columns-read.ts';
import { CHART_MEASURES, fieldsOf } from '../../src/lib/charts/measures.ts';
import { DEFAULT_STATE, type ChartState } from '../../src/lib/charts/state.ts';
import { onlyAgencies as onlyChosen } from '../../src/lib/nav/agencies.ts';
import { decodeColumn, factsOfColumns, readFactFiles } from '../../src/lib/dataset/fact-columns.ts';
import { factFiles } from '../../src/lib/dataset/fact-files.ts';
import { AGENCY_NUMBER, DATA_FILES, type FactIndex, type FactsFile } from '../../src/lib/dataset/layout.ts';
import { FACT_NUMBER_FIELDS, FACT_TEXT_FIELDS } from '../../src/lib/facts.ts';

const NUMBERS = new Set<string>(FACT_NUMBER_FIELDS);

function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** Fact rows as the build writes them: agencies reporting over several years, places, gaps (null), fractions, a few rows with no agency name. */
function syntheticFacts(count: number, seed: number, agencies = Math.max(1, Math.floor(count / 3))): FactsFile {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;
  const columns: Record<string, (string | number | null)[]> = {};
  for (const f of [...FACT_TEXT_FIELDS, ...FACT_NUMBER_FIELDS]) columns[f] = [];
  const places = [['广东省', '广州市', '天河区'], ['广东省', '深圳市', null], ['北京市', null, null], ['四川省', '成都市', '武侯区'], [null, null, null]] as const;
  for (let i = 0; i < count; i++) {
    const a = Math.floor(rnd() * agencies);
    const [province, city, county] = places[a % places.length]!;
    const named = a % 17 !== 5;
    const text: Record<string, string | null> = {
      id: `r${String(i).padStart(6, '0')}`,
      agency: named ? `机关${a}` : null,
      province, city, county, township: null,
      division_code: a % 3 === 0 ? `4401${String(a % 100).padStart(2, '0')}` : null,
      level: pick(['province', 'city', 'county', 'township', null]),
      kind: pick(['government', 'department', null]),
      sector: pick(['housing', 'education', null]),
      template: pick(['2019', '2021']),
      published: rnd() < 0.5 ? null : `2023-0${1 + (i % 9)}-01`,
      agency_id: named ? `${a % 3 === 0 ? '440106' : 'xx'}-${a.toString(36)}` : null,
    };
    for (const f of FACT_TEXT_FIELDS) columns[f]!.push(text[f] ?? null);
    for (const f of FACT_NUMBER_FIELDS) {
      const v = f === 'year' ? 2019 + (i % 5) : rnd() < 0.15 ? null : Math.floor(rnd() * 400);
      columns[f]!.push(f === 'fees_charged_yuan' && v !== null ? v + 0.25 : f === 'website_visits' && v !== null ? v * 1e8 : v);
    }
  }
  return { schema_version: 2, count, columns };
}

/** What a page reassembles: every column decoded from the files (text dictionaries from the index or their own file). */
function reassemble(files: Map<string, Uint8Array | string>, names?: readonly string[]): FactsFile {
  const index = JSON.parse(files.get(DATA_FILES.factIndex) as string) as FactIndex;
  const columns: Record<string, (string | number | null)[]> = {};
  for (const name of names ?? Object.keys(index.columns)) {
    const entry = index.columns[name]!;
    const values = entry.values_file ? (JSON.parse(files.get(entry.values_file) as string) as (string | null)[]) : undefined;
    columns[name] = decodeColumn(name, entry, files.get(entry.file) as Uint8Array, index.count, values);
  }
  return factsOfColumns(index, columns);
}

/** The rows of a facts file as id → values, whatever their order. */
function rowsById(facts: FactsFile, fields: readonly string[]): Map<string, unknown[]> {
  const ids = facts.columns.id!;
  return new Map(ids.map((id, i) => [String(id), fields.map((f) => facts.columns[f]![i])]));
}

/** An aggregate without what depends on row order or numbering: groups by key, agencies by count. */
function comparable(agg: Aggregate) {
  return {
    ...agg,
    groups: [...agg.groups]
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map((g) => ({ ...g, byYear: [...g.byYear].sort(([a], [b]) => a - b).map(([y, c]) => [y, { ...c, agencies: c.agencies.size }]) })),
  };
}

describe('fact files', () => {
  const facts = syntheticFacts(900, 7, 300);
  const files = factFiles(facts, NUMBERS, 2);
  const all = [...FACT_TEXT_FIELDS, ...FACT_NUMBER_FIELDS];

  it('reassemble into the rows written, every column, nulls, fractions and large numbers included', () => {
    const back = reassemble(files);
    expect(back.count).toBe(facts.count);
    expect(rowsById(back, all)).toEqual(rowsById(facts, all));
    const index = JSON.parse(files.get(DATA_FILES.factIndex) as string) as FactIndex;
    expect(index.columns.fees_charged_yuan!.type).toBe('float64');
    expect(index.columns.website_visits!.type).toBe('float64');
    expect(index.columns.new_total!.type).toBe('int32');
  });

  it('hold each integer column in the fewest bits its values, or their distance from its least, fit', () => {
    const index = JSON.parse(files.get(DATA_FILES.factIndex) as string) as FactIndex;
    const bytes = (name: string) => (files.get(index.columns[name]!.file) as Uint8Array).length;
    const n = facts.count;
    // Counts up to 400: 16 bits. Template codes (2 values): 8 bits. Years 2019–2023: 8 bits, less 2019.
    expect(bytes('new_total')).toBeGreaterThan(2 * n);
    expect(bytes('new_total')).toBeLessThan(3 * n);
    expect(bytes('template')).toBeLessThan(1.5 * n);
    expect(bytes('year')).toBeLessThan(1.5 * n);
    expect(index.columns.year!.offset).toBe(2019);
    expect(index.columns.new_total!.offset).toBeUndefined();
  });

  it('give back a column stored less its least value with its gaps (null) where they were', () => {
    const far: FactsFile = { ...facts, columns: { ...facts.columns, new_total: facts.columns.new_total!.map((v, i) => (i % 7 === 0 ? null : 5000 + (((v as number | null) ?? 0) % 100))) } };
    const farFiles = factFiles(far, NUMBERS, 2);
    const index = JSON.parse(farFiles.get(DATA_FILES.factIndex) as string) as FactIndex;
    expect(index.columns.new_total!.offset).toBe(5000);
    expect(rowsById(reassemble(farFiles, ['id', 'new_total']), ['new_total'])).toEqual(rowsById(far, ['new_total']));
  });

  it("keep each text column's distinct values in a file of its own, so the index stays small whatever the count", () => {
    const index = JSON.parse(files.get(DATA_FILES.factIndex) as string) as FactIndex;
    expect(index.columns.id!.values_file).toBe('facts/id.values.json');
    expect(JSON.parse(files.get('facts/province.values.json') as string)).toEqual([null, '北京市', '四川省', '广东省']);
    expect((JSON.parse(files.get('facts/id.values.json') as string) as string[]).length).toBe(facts.count);
    const larger = factFiles(syntheticFacts(facts.count * 4, 8), NUMBERS, 2);
    // The same columns, so the same entries: only a column's number type may differ.
    expect(Math.abs((larger.get(DATA_FILES.factIndex) as string).length - (files.get(DATA_FILES.factIndex) as string).length)).toBeLessThan(64);
  });

  it('read back whole, as the site build reads them, are the rows written (no agency numbers), and split again give the same files', () => {
    const encoder = new TextEncoder();
    const read = (file: string) => {
      const bytes = files.get(file);
      return bytes === undefined ? null : typeof bytes === 'string' ? encoder.encode(bytes) : bytes;
    };
    const back = readFactFiles(read)!;
    expect(Object.keys(back.columns).sort()).toEqual([...all].sort());
    expect(rowsById(back, all)).toEqual(rowsById(facts, all));
    const again = factFiles(back, NUMBERS, 2);
    for (const [path, bytes] of files) expect(again.get(path), path).toEqual(bytes);
    expect(readFactFiles(() => null)).toBeNull();
    expect(() => readFactFiles((file) => (file.endsWith('year.arrow') ? null : read(file)))).toThrow(/names facts\/year\.arrow, which is not there/);
  });

  it('give the same bytes for the same rows in any input order', () => {
    const n = facts.count;
    const shuffle = Array.from({ length: n }, (_, i) => (i * 7919) % n);
    const shuffled: FactsFile = { ...facts, columns: Object.fromEntries(Object.entries(facts.columns).map(([k, v]) => [k, shuffle.map((i) => v[i] ?? null)])) };
    const again = factFiles(shuffled, NUMBERS, 2);
    expect([...again.keys()]).toEqual([...files.keys()]);
    for (const [path, bytes] of files) expect(again.get(path), path).toEqual(bytes);
  });

  it('number agencies as the page would from the names (same number, same agency)', () => {
    const back = reassemble(files);
    const given = back.columns[AGENCY_NUMBER]!;
    const computed = agencyNumbers({ ...back, columns: Object.fromEntries(Object.entries(back.columns).filter(([k]) => k !== AGENCY_NUMBER)) });
    const pairs = new Map<number, number>();
    given.forEach((g, i) => {
      const c = computed[i] as number;
      expect(pairs.get(g as number) ?? c).toBe(c);
      pairs.set(g as number, c);
    });
    expect(new Set(given).size).toBe(new Set(computed).size);
  });

  it('stop at a value of the wrong kind, naming the column and the report', () => {
    const bad: FactsFile = { ...facts, columns: { ...facts.columns, new_total: facts.columns.new_total!.map((v, i) => (i === 3 ? 'x' : v)) } };
    expect(() => factFiles(bad, NUMBERS, 2)).toThrow(/new_total: report r000003 has "x", not a finite number/);
  });

  it('a chart drawn from only the columns it reads equals one drawn from every column', () => {
    const states: ChartState[] = [];
    const choose = ['机关5|天河区', '机关6|深圳市', '机关7|北京市'];
    for (const measure of CHART_MEASURES) {
      for (const groupBy of ['none', 'province', 'city', 'level', 'sector', 'agency'] as const) {
        states.push({ ...DEFAULT_STATE, measure, groupBy });
      }
      states.push({ ...DEFAULT_STATE, measure, basis: 'all', from: 2020, filters: { ...DEFAULT_STATE.filters, province: '广东省', sector: 'housing' } });
      states.push({ ...DEFAULT_STATE, measure, agencies: choose, groupBy: 'agency' });
    }
    const full = reassemble(files);
    for (const state of states) {
      for (const allFilters of [false, true]) {
        const names = columnsRead(state, allFilters);
        // The page adds the report id when some agency has no name (src/client/fact-store.ts).
        const read = reassemble(files, names.includes('agency') ? [...names, 'id'] : names);
        const fields = fieldsOf(state.measure);
        const picked = (f: FactsFile) => (state.agencies.length === 0 ? f : onlyChosen(f, state.agencies));
        expect(comparable(aggregate(picked(read), state, fields)), JSON.stringify(state)).toEqual(comparable(aggregate(picked(full), state, fields)));
      }
    }
  });
});
