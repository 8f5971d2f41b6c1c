/**
 * Filter the columnar fact rows by a ChartState and sum the columns a measure reads, per group
 * and year. Plain loops over the columns rather than arquero: arquero compiles every expression
 * with `new Function`, which the site's Content-Security-Policy (no 'unsafe-eval') forbids
 * (uwdata/arquero#361); test/charts/aggregate.test.ts checks these sums against arquero's.
 *
 * Complete cases only: a report enters a sum only if it gives every column the measure reads,
 * so a rate never mixes a numerator and a denominator from different reports. The others are
 * counted as `missing`, and shown.
 *
 * Like with like: when the chart compares years (a line over years, the outcome mix per year), by
 * default (basis `matched`) only the agencies that give the figures in every year shown enter the
 * sums, so a change is a change in what agencies did, not in which agencies reported; the
 * aggregate says how many agencies that is, of how many. Basis `all` sums every report (the raw
 * totals). Each cell also counts its agencies, the reports failing their own checks and the
 * figures read as approximate, for the page to say next to the figure.
 */
import { approxField, type FactNumberField } from '../facts.ts';
import { AGENCY_NUMBER, type FactsFile } from '../dataset/layout.ts';
import type { Sums } from '../measures.ts';
import { METRIC_KEYS, type MetricKey } from '../schema.ts';
import { agencyIdentity } from './agencies.ts';
import { FILTER_COLUMNS } from './columns-read.ts';
import { isMix } from './measures.ts';
import type { Basis, ChartState, Filters, GroupBy } from './state.ts';

export interface Cell {
  /** Reports summed (they give every column read). */
  reports: number;
  /** Reports in the selection that lack one of the columns read. */
  missing: number;
  sums: Sums;
  /** The agencies of the reports summed (numbers from agencyNumbers). */
  agencies: Set<number>;
  /** Reports summed that fail one of their own arithmetic checks. */
  failing: number;
  /** Reports summed whose figure (a prose metric read) the report gives as approximate (约, 多 …). */
  approximate: number;
  /** Reports left out because their agency does not report in every year compared (basis `matched`). */
  leftOut: number;
}

/** How a chart that compares years compares them. */
export interface Comparison {
  basis: Basis;
  /** The years compared: those with a report giving the figures (ascending). */
  years: number[];
  /** Agencies giving the figures in every one of those years. */
  matched: number;
  /** Agencies giving the figures in at least one of them. */
  agencies: number;
  /** Reports left out (basis `matched`: their agency is missing a year). */
  leftOut: number;
}

export interface Group {
  /** The group's value ('' when the reports do not say; the whole selection when groupBy is none). */
  key: string;
  byYear: Map<number, Cell>;
  /** Reports summed, over all years. */
  reports: number;
}

export interface Aggregate {
  /** Every year from the first to the last with a selected report, ascending (gaps kept, so axes do not hide them). */
  years: number[];
  groups: Group[];
  /** Reports matching the filters and the year range. */
  selected: number;
  /** Templates among the selected reports ('2019', '2021'). */
  templates: string[];
  /** How years are compared, when the chart compares them (null: one year, or years summed). */
  comparison: Comparison | null;
}

type Column = (string | number | null)[];

function column(facts: FactsFile, name: string): Column {
  return facts.columns[name] ?? new Array<null>(facts.count).fill(null);
}

function groupKeyColumn(facts: FactsFile, groupBy: GroupBy): ((i: number) => string) {
  if (groupBy === 'none') return () => '';
  if (groupBy === 'agency') {
    // Names repeat across the country (城关镇人民政府 …): an agency is its name in its place.
    const names = column(facts, 'agency');
    const ids = column(facts, 'id');
    const places = ['county', 'city', 'province'].map((c) => column(facts, c));
    return (i) => agencyKey(String(names[i] ?? ids[i] ?? ''), (places.map((p) => p[i]).find((v) => typeof v === 'string' && v !== '') as string | undefined) ?? '');
  }
  const values = column(facts, groupBy);
  return (i) => (values[i] == null ? '' : String(values[i]));
}

const SEP = '\u001f';

/** Group key of an agency: its name and the most precise place its report gives. */
export function agencyKey(name: string, place: string): string {
  return `${name}${SEP}${place}`;
}

/** The agency's label: its name, with its place added unless the name already says it. */
export function agencyLabel(key: string): string {
  const [name = '', place = ''] = key.split(SEP);
  const stem = place.replace(/(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|地区|省|市|区|县|盟|旗)$/, '');
  return place === '' || name.includes(stem) ? name : `${name}（${place}）`;
}

/** Row indices matching the filters and the year range (reports without a year never match), ascending. */
export function selectRows(facts: FactsFile, state: Pick<ChartState, 'filters' | 'from' | 'to'>): Int32Array {
  const tests = FILTER_COLUMNS.filter((k) => state.filters[k] !== null).map((k) => ({
    values: column(facts, k),
    wanted: state.filters[k],
  }));
  const years = column(facts, 'year');
  const from = state.from ?? -Infinity;
  const to = state.to ?? Infinity;
  const rows = new Int32Array(facts.count);
  let n = 0;
  for (let i = 0; i < facts.count; i++) {
    const year = years[i];
    if (typeof year !== 'number' || year < from || year > to) continue;
    let t = 0;
    while (t < tests.length && tests[t]!.values[i] === tests[t]!.wanted) t++;
    if (t === tests.length) rows[n++] = i;
  }
  return rows.subarray(0, n);
}

/** A new empty cell for these fields. */
export function emptyCell(fields: readonly FactNumberField[]): Cell {
  return { reports: 0, missing: 0, sums: Object.fromEntries(fields.map((f) => [f, 0])), agencies: new Set(), failing: 0, approximate: 0, leftOut: 0 };
}

const agencyCache = new WeakMap<FactsFile, Int32Array>();

/** Row i's agency identity: the permanent agency id where the facts carry one; else the name in its division (agencyIdentity). */
export function agencyIdentityOfRow(facts: FactsFile): (i: number) => string {
  const [ids, names, codes, provinces, agencyIds] = ['id', 'agency', 'division_code', 'province', 'agency_id'].map((c) => column(facts, c));
  const text = (v: string | number | null | undefined) => (typeof v === 'string' && v !== '' ? v : null);
  return (i) => text(agencyIds![i]) ?? agencyIdentity(String(ids![i] ?? i), text(names![i]), text(codes![i]), text(provinces![i]));
}

/**
 * Each row's agency as a number (same number, same agency: agencyIdentityOfRow), computed once per
 * facts file; the split fact files carry it ready-made (column AGENCY_NUMBER).
 */
export function agencyNumbers(facts: FactsFile): Int32Array {
  const cached = agencyCache.get(facts);
  if (cached) return cached;
  const given = facts.columns[AGENCY_NUMBER];
  let out: Int32Array;
  if (given) {
    out = Int32Array.from(given as number[]);
  } else {
    out = numberedAsTheyCome(facts.count, agencyIdentityOfRow(facts));
  }
  agencyCache.set(facts, out);
  return out;
}

/** Row i's key as a number: 0 for the first key met, 1 for the next new one, and so on (same key, same number). */
export function numberedAsTheyCome(count: number, keyOf: (i: number) => string): Int32Array {
  const index = new Map<string, number>();
  const out = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const key = keyOf(i);
    let n = index.get(key);
    if (n === undefined) index.set(key, (n = index.size));
    out[i] = n;
  }
  return out;
}

/** True when the chart for this state compares years (so like-with-like applies): not a breakdown with its years summed per group. */
export function comparesYears(state: Pick<ChartState, 'measure' | 'groupBy'>): boolean {
  return !(isMix(state.measure) && state.groupBy !== 'none');
}

export function aggregate(facts: FactsFile, state: ChartState, fields: readonly FactNumberField[]): Aggregate {
  const rows = selectRows(facts, state);
  const keyOf = groupKeyColumn(facts, state.groupBy);
  const yearCol = column(facts, 'year');
  const templateCol = column(facts, 'template');
  const failedCol = column(facts, 'checks_failed');
  const approxCols = fields.filter((f): f is MetricKey => (METRIC_KEYS as readonly string[]).includes(f)).map((m) => column(facts, approxField(m)));
  const agencyOf = agencyNumbers(facts);
  const cols = fields.map((f) => column(facts, f));
  // Whether each selected row gives every column read (complete cases), once.
  const given = new Uint8Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r] as number;
    let ok = 1;
    for (const c of cols) if (typeof c[i] !== 'number') { ok = 0; break; }
    given[r] = ok;
  }

  // Which agencies give the figures in which years (for like with like): a bit per year compared.
  const givenYears = new Set<number>();
  for (let r = 0; r < rows.length; r++) if (given[r]) givenYears.add(yearCol[rows[r] as number] as number);
  const compared = [...givenYears].sort((a, b) => a - b);
  const comparing = compared.length > 1 && comparesYears(state);
  const bit = new Map(compared.map((y, k) => [y, k]));
  const words = Math.ceil(Math.max(1, compared.length) / 32);
  const agencyCount = agencyOf.reduce((m, a) => Math.max(m, a + 1), 0);
  const masks = new Uint32Array(agencyCount * words);
  const seenAgency = new Uint8Array(agencyCount);
  for (let r = 0; r < rows.length; r++) {
    if (!given[r]) continue;
    const i = rows[r] as number;
    const a = agencyOf[i] as number;
    const k = bit.get(yearCol[i] as number) as number;
    seenAgency[a] = 1;
    masks[a * words + (k >> 5)]! |= 1 << (k & 31);
  }
  const full = (a: number) => {
    for (let w = 0; w < words; w++) {
      const need = w < words - 1 || compared.length % 32 === 0 ? 0xffffffff : (1 << (compared.length % 32)) - 1;
      if (((masks[a * words + w] as number) >>> 0) !== need >>> 0) return false;
    }
    return true;
  };
  let agenciesGiven = 0;
  let matchedCount = 0;
  const isMatched = new Uint8Array(agencyCount);
  for (let a = 0; a < agencyCount; a++) {
    if (!seenAgency[a]) continue;
    agenciesGiven++;
    if (compared.length > 0 && full(a)) {
      isMatched[a] = 1;
      matchedCount++;
    }
  }
  const onlyMatched = comparing && state.basis === 'matched';

  // Cells by group and year (row-major, one slot per year from the first selected year): sums
  // kept in one flat array while rows are added, written into each cell's Sums at the end.
  let first = Infinity;
  let last = -Infinity;
  for (let r = 0; r < rows.length; r++) {
    const year = yearCol[rows[r] as number] as number;
    if (year < first) first = year;
    if (year > last) last = year;
  }
  const span = rows.length === 0 ? 0 : last - first + 1;
  const groupOf = new Map<string, number>();
  const groupKeys: string[] = [];
  const cells: Cell[] = [];
  const sums: number[] = [];
  const nf = fields.length;
  const templates = new Set<string>();
  let template: unknown = undefined;
  let leftOut = 0;
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r] as number;
    const key = keyOf(i);
    let g = groupOf.get(key);
    if (g === undefined) {
      groupOf.set(key, (g = groupKeys.length));
      groupKeys.push(key);
    }
    const slot = g * span + (yearCol[i] as number) - first;
    let cell = cells[slot];
    if (!cell) {
      cells[slot] = cell = emptyCell(fields);
      for (let j = 0; j < nf; j++) sums[slot * nf + j] = 0;
    }
    if (templateCol[i] !== template) {
      template = templateCol[i];
      if (typeof template === 'string') templates.add(template);
    }
    if (!given[r]) { cell.missing++; continue; }
    const agency = agencyOf[i] as number;
    if (onlyMatched && !isMatched[agency]) { cell.leftOut++; leftOut++; continue; }
    cell.reports++;
    cell.agencies.add(agency);
    if (typeof failedCol[i] === 'number' && (failedCol[i] as number) > 0) cell.failing++;
    for (const c of approxCols) if (c[i] === 1) { cell.approximate++; break; }
    for (let j = 0; j < nf; j++) sums[slot * nf + j]! += cols[j]![i] as number;
  }
  const groups: Group[] = groupKeys.map((key) => ({ key, byYear: new Map(), reports: 0 }));
  for (let slot = 0; slot < cells.length; slot++) {
    const cell = cells[slot];
    if (!cell) continue;
    const group = groups[Math.floor(slot / span)] as Group;
    const year = first + (slot % span);
    group.byYear.set(year, cell);
    group.reports += cell.reports;
    for (let j = 0; j < nf; j++) cell.sums[fields[j] as FactNumberField] = sums[slot * nf + j] as number;
  }
  return {
    // Every selected row has a cell: the years run from the first selected to the last.
    years: Array.from({ length: span }, (_, k) => first + k),
    groups,
    selected: rows.length,
    templates: [...templates].sort(),
    comparison: comparing ? { basis: state.basis, years: compared, matched: matchedCount, agencies: agenciesGiven, leftOut } : null,
  };
}

/** Sum a group's cells over several years (for charts that show one value per group). */
export function mergeCells(cells: Iterable<Cell>, fields: readonly FactNumberField[]): Cell {
  const out = emptyCell(fields);
  for (const c of cells) {
    out.reports += c.reports;
    out.missing += c.missing;
    out.failing += c.failing;
    out.approximate += c.approximate;
    out.leftOut += c.leftOut;
    for (const a of c.agencies) out.agencies.add(a);
    for (const f of fields) out.sums[f] = (out.sums[f] as number) + (c.sums[f] ?? 0);
  }
  return out;
}
