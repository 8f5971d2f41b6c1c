/**
 * data/sources.csv: where each report in data/reports/ was published. `npm run collect` writes
 * one row per saved file; a maintainer may add rows by hand for files saved by hand (only the
 * report `id` or its `file`, and the `address`, are required). Pure: reads the file's text into
 * a lookup with a problem per bad row (naming the line), writes rows as CSV text, and gives a
 * record its `source.url`.
 */
import Papa from 'papaparse';
import type { ReportRecord } from '../schema.ts';

export const SOURCE_COLUMNS = [
  'id',
  'file',
  'address',
  'final_address',
  'list_page',
  'link_text',
  'fetched_at',
  'http_status',
  'content_type',
  'bytes',
  'sha256',
  'etag',
  'last_modified',
] as const;
export type SourceColumn = (typeof SOURCE_COLUMNS)[number];

export interface SourceRow {
  /** The report id (the saved file's base name), from `id` or else from `file`. */
  id: string;
  /** The file's path inside data/reports/, when given. */
  file: string | null;
  /** The address the report was found at (the list's link, or the address given). */
  address: string;
  /** Where that address led after redirects. */
  final_address: string | null;
  /** The list page the link was on. */
  list_page: string | null;
  link_text: string | null;
  /** ISO time, UTC. */
  fetched_at: string | null;
  http_status: number | null;
  content_type: string | null;
  bytes: number | null;
  sha256: string | null;
  etag: string | null;
  last_modified: string | null;
}

export type SourceProblemCode = 'unknown_column' | 'missing_column' | 'missing_id' | 'missing_address' | 'bad_address' | 'bad_number' | 'bad_sha256' | 'bad_time';

export interface SourceProblem {
  /** 1-based line in sources.csv where the row starts. */
  line: number;
  code: SourceProblemCode;
  column?: string;
  value?: string;
}

const isHttpAddress = (text: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
};

/** A path's file name without its extension (as the build names reports). */
function baseName(file: string): string {
  const name = file.slice(file.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 && dot < name.length - 1 ? name.slice(0, dot) : name;
}

/** A report file's path inside the reports folder (`data/reports/a/b.pdf`, `./a/b.pdf` → `a/b.pdf`). */
export function reportsPath(file: string): string {
  return file.replace(/\\/g, '/').replace(/^\.\//, '').replace(/^data\/reports\//, '');
}

/** The 1-based line a row starts on: the first line from `offset` that is neither blank nor a comment. */
function lineAt(text: string, offset: number): number {
  let start = offset;
  for (;;) {
    const end = text.indexOf('\n', start);
    const lineText = text.slice(start, end < 0 ? text.length : end);
    if (end < 0 || (lineText.trim() !== '' && !lineText.startsWith('#'))) break;
    start = end + 1;
  }
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < start; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

export function parseSources(csvText: string): { rows: SourceRow[]; problems: SourceProblem[] } {
  const text = csvText.replace(/^\uFEFF/, '');
  const rows: SourceRow[] = [];
  const problems: SourceProblem[] = [];
  let columns: string[] | null = null;
  let offset = 0;
  Papa.parse<string[]>(text, {
    comments: '#',
    skipEmptyLines: 'greedy',
    step(result) {
      const line = lineAt(text, offset);
      offset = result.meta.cursor;
      const cells = result.data.map((c) => c.trim());
      if (!columns) {
        columns = cells;
        for (const c of cells) if (!(SOURCE_COLUMNS as readonly string[]).includes(c)) problems.push({ line, code: 'unknown_column', column: c });
        if (!cells.includes('id') && !cells.includes('file')) problems.push({ line, code: 'missing_column', column: 'id' });
        if (!cells.includes('address')) problems.push({ line, code: 'missing_column', column: 'address' });
        return;
      }
      const cell = Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
      const value = (column: SourceColumn) => (cell[column] ? cell[column] : null);
      const file = value('file') === null ? null : reportsPath(cell.file as string);
      const id = value('id') ?? (file === null ? null : baseName(file));
      if (id === null) {
        problems.push({ line, code: 'missing_id' });
        return;
      }
      const address = value('address');
      if (address === null) {
        problems.push({ line, code: 'missing_address' });
        return;
      }
      let ok = true;
      const bad = (code: SourceProblemCode, column: SourceColumn) => {
        problems.push({ line, code, column, value: cell[column] ?? '' });
        ok = false;
      };
      for (const column of ['address', 'final_address', 'list_page'] as const) if (value(column) !== null && !isHttpAddress(cell[column] as string)) bad('bad_address', column);
      const number = (column: 'http_status' | 'bytes') => {
        const given = value(column);
        if (given === null) return null;
        if (!/^\d+$/.test(given)) bad('bad_number', column);
        return Number(given);
      };
      const row: SourceRow = {
        id,
        file,
        address,
        final_address: value('final_address'),
        list_page: value('list_page'),
        link_text: value('link_text'),
        fetched_at: value('fetched_at'),
        http_status: number('http_status'),
        content_type: value('content_type'),
        bytes: number('bytes'),
        sha256: value('sha256')?.toLowerCase() ?? null,
        etag: value('etag'),
        last_modified: value('last_modified'),
      };
      if (row.sha256 !== null && !/^[0-9a-f]{64}$/.test(row.sha256)) bad('bad_sha256', 'sha256');
      if (row.fetched_at !== null && Number.isNaN(Date.parse(row.fetched_at))) bad('bad_time', 'fetched_at');
      if (ok) rows.push(row);
    },
  });
  return { rows, problems };
}

export function sourceProblemText(p: SourceProblem): string {
  const where = `sources.csv line ${p.line}`;
  switch (p.code) {
    case 'unknown_column':
      return `${where}: unknown column "${p.column}" (columns: ${SOURCE_COLUMNS.join(', ')})`;
    case 'missing_column':
      return `${where}: the header needs a column "${p.column}"${p.column === 'id' ? ' or "file"' : ''}`;
    case 'missing_id':
      return `${where}: the row names no report (an id or a file is required)`;
    case 'missing_address':
      return `${where}: the row has no address`;
    case 'bad_address':
      return `${where}: ${p.column} "${p.value}" is not an http(s) address`;
    case 'bad_number':
      return `${where}: ${p.column} "${p.value}" is not a whole number`;
    case 'bad_sha256':
      return `${where}: sha256 "${p.value}" is not 64 hex digits`;
    case 'bad_time':
      return `${where}: fetched_at "${p.value}" is not a time`;
  }
}

/** The rows as CSV text (with the header line when asked), every column in SOURCE_COLUMNS order. */
export function sourcesCsv(rows: readonly SourceRow[], withHeader: boolean): string {
  const data = rows.map((row) => SOURCE_COLUMNS.map((c) => row[c] ?? ''));
  const body = data.length > 0 ? `${Papa.unparse(data, { newline: '\n' })}\n` : '';
  return (withHeader ? `${Papa.unparse([[...SOURCE_COLUMNS]], { newline: '\n' })}\n` : '') + body;
}

export interface SourceLookup {
  byId: Map<string, SourceRow>;
  byFile: Map<string, SourceRow>;
}

/** Rows by report id and by file; for a report listed more than once, its first row (where it was first found). */
export function sourceLookup(rows: readonly SourceRow[]): SourceLookup {
  const byId = new Map<string, SourceRow>();
  const byFile = new Map<string, SourceRow>();
  for (const row of rows) {
    if (!byId.has(row.id)) byId.set(row.id, row);
    if (row.file !== null && !byFile.has(row.file)) byFile.set(row.file, row);
  }
  return { byId, byFile };
}

/**
 * The address a report was published at (after redirects), by its file, else its id; null if
 * sources.csv does not say. `reportsDir`: the reports folder as the record's `source.file` names it.
 */
export function sourceUrl(record: Pick<ReportRecord, 'id' | 'source'>, lookup: SourceLookup, reportsDir = 'data/reports'): string | null {
  const file = record.source.file.replace(/\\/g, '/');
  const dir = `${reportsDir.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '')}/`;
  const row = lookup.byFile.get(file.startsWith(dir) ? file.slice(dir.length) : reportsPath(file)) ?? lookup.byId.get(record.id);
  return row ? (row.final_address ?? row.address) : null;
}

/** The record with `source.url` set from sources.csv (null when it has no row). */
export function withSourceUrl(record: ReportRecord, lookup: SourceLookup, reportsDir = 'data/reports'): ReportRecord {
  return { ...record, source: { ...record.source, url: sourceUrl(record, lookup, reportsDir) } };
}
