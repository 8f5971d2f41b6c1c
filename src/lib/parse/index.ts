/**
 * Text → ReportRecord. Pure: no file access, no logging, no clock. Every value inferred rather
 * than read is listed in `diagnostics`; the report's own accounting rules are in `checks`.
 */
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { emptyRecord, type ReportRecord, type SourceFormat } from '../schema.ts';
import { placeApplications } from './applications.ts';
import { readCases } from './cases.ts';
import { proseChecks, tableChecks } from './checks.ts';
import { tableEvents } from './lines.ts';
import { readMetadata } from './metadata.ts';
import { normalizeText } from './normalize.ts';
import { collectNumberRows } from './number-rows.ts';
import { copyStarts } from './copies.ts';
import { readProactive } from './proactive.ts';
import { proseParagraphs, readProseMetrics, readRestatements } from './prose.ts';
import { findHeadings, findSections, type SectionSpan } from './sections.ts';
import { alignSpacedCases, alignSpacedColumns } from './spaced-columns.ts';
import { findTables } from './tables.ts';
import { wrappedAroundRows } from './wrapped-cells.ts';

export interface SourceInfo {
  /** Path as given, e.g. `data/reports/000_x.txt`. */
  file: string;
  sha256: string;
  format: SourceFormat;
}

/** Bumped whenever parsing output may change; part of the build cache key. */
export const PARSER_VERSION = '3';

export function parseReport(text: string, source: SourceInfo): ReportRecord {
  const normalized = normalizeText(text);
  const lines = normalized.split('\n');
  // The lines as printed (normalizing folds full-width forms, narrowing the columns they take): where
  // text aligned with spaces puts each figure. Split only for a table that needs them.
  let split: readonly string[] | undefined;
  const printed = () => (split ??= normalized === text ? lines : text.split(/\r\n?|\n/));
  const headings = findHeadings(lines);
  const starts = copyStarts(lines, headings);
  return starts.length === 1 ? parseLines(lines, printed, source, normalized, headings) : parseCopies(lines, printed, starts, source);
}

const NOT_A_REPORT = 'not a report: this is not an annual report — no report title and no section 三 (applications) table found';

/**
 * Several copies in one file: each is parsed alone. Copies with no section 三 figures (a table
 * of contents, a fragment) are skipped; copies whose tables agree are one report printed twice;
 * copies whose tables differ are different reports, and the file is refused (never one report's
 * figures with the other's prose, never one of them silently dropped).
 */
function parseCopies(lines: string[], printed: PrintedLines, starts: number[], source: SourceInfo): ReportRecord {
  const spans = starts.map((start, i) => ({ start, end: starts[i + 1] ?? lines.length }));
  const copies = spans.map((span) => ({ span, record: parseLines(lines.slice(span.start, span.end), () => printed().slice(span.start, span.end), source) }));
  const withFigures = copies.filter(({ record }) => Object.values(record.applications).some((row) => Object.values(row).some((v) => v !== null)));
  const at = (list: typeof copies) => list.map(({ span }) => `${span.start + 1}–${span.end}`);
  if (withFigures.length === 0) {
    const record = parseLines(lines, printed, source);
    if (!record.error) record.diagnostics.push(diagnostic('copies_none_with_figures', 'file', { count: starts.length, ranges: at(copies) }));
    return record;
  }
  const tables = (r: ReportRecord) => JSON.stringify([r.applications, r.review, r.litigation_direct, r.litigation_after_review]);
  const first = withFigures[0]!;
  if (withFigures.some(({ record }) => tables(record) !== tables(first.record))) {
    const record = emptyRecordFor(source);
    const named = withFigures.map(({ span, record: r }) => `lines ${span.start + 1}–${span.end}: ${r.agency.name ?? 'agency not found'} ${r.year ?? 'year not found'}`);
    record.error = `${withFigures.length} different reports in one file (${named.join('; ')}); split them into one file each`;
    return record;
  }
  // Parse the copy in place (other lines blanked), so line numbers in diagnostics are the file's.
  const inCopy = (line: string, i: number) => (i >= first.span.start && i < first.span.end ? line : '');
  const record = parseLines(lines.map(inCopy), () => printed().map(inCopy), source);
  record.diagnostics.push(
    withFigures.length > 1
      ? diagnostic('copies_same_tables', 'file', { count: withFigures.length, ranges: at(withFigures), read: `${first.span.start + 1}–${first.span.end}` })
      : diagnostic('copies_fragments_ignored', 'file', { count: starts.length, ranges: at(copies.filter((c) => c !== first)) }),
  );
  return record;
}

/** The lines of a file before normalizing, made when first asked for. */
type PrintedLines = () => readonly string[];

/** `printed`: the lines before normalizing; `text` (`lines` joined by `\n`) and `headings` (of `lines`), when the caller has them already. */
function parseLines(lines: string[], printed: PrintedLines, source: SourceInfo, text = lines.join('\n'), headings = findHeadings(lines)): ReportRecord {
  const record = emptyRecordFor(source);
  const sections = findSections(lines, headings);
  const tables = findTables(lines, sections);
  const slice = (span: SectionSpan | undefined) => (span ? lines.slice(span.start, span.end) : []);
  const events = (span: SectionSpan | undefined) => (span ? tableEvents(lines, span.start, span.end) : []);
  const firstSection = Math.min(...Object.values(sections).map((s) => s.start - 1), lines.length);

  const meta = readMetadata(lines, text, Math.max(firstSection, 12));
  record.agency.name = meta.agency;
  record.agency.canonical_name = meta.canonical;
  record.year = meta.year;
  record.published = meta.published;

  if (!tables.applications && !tables.cases && meta.titleLine === null) {
    record.error = lines.every((line) => line.trim() === '') ? 'empty file' : NOT_A_REPORT;
    return record;
  }
  const diagnostics: Diagnostic[] = [...meta.diagnostics];

  const yearTemplate = meta.year !== null && meta.year <= 2020 ? '2019' : '2021';
  const proactive = readProactive(events(tables.proactive), yearTemplate);
  record.proactive = proactive.proactive;

  const around = wrappedAroundRows(printed, events(tables.applications));
  for (const { line, wrap } of around.rows) diagnostics.push(diagnostic('applications_wrapped_cells', 'applications', { pieces: wrap.joined.map((j) => j.pieces.join('/')), cells: wrap.cells }, { line: line + 1 }));
  const spaced = alignSpacedColumns(printed, around.events);
  if (spaced.lines > 0) diagnostics.push(diagnostic('applications_columns_by_position', 'applications', { lines: spaced.lines }));
  const { rows, notes } = collectNumberRows(spaced.events);
  const apps = placeApplications(rows);
  record.applications = apps.applications;
  record.template = proactive.headerTemplate ?? (apps.singleOtherRow && meta.year !== null && meta.year <= 2020 ? '2019' : yearTemplate);
  if (record.template === '2021' && apps.singleOtherRow) {
    diagnostics.push(diagnostic('applications_single_other_row', 'applications'));
  }

  const spacedCases = alignSpacedCases(printed, events(tables.cases));
  if (spacedCases.placed) diagnostics.push(diagnostic('cases_columns_by_position', 'cases'));
  const cases = readCases(spacedCases.events);
  record.review = cases.review;
  record.litigation_direct = cases.litigation_direct;
  record.litigation_after_review = cases.litigation_after_review;

  const prose = sections.overview ? slice(sections.overview) : lines.slice(0, firstSection);
  const paragraphs = proseParagraphs(prose);
  for (const metric of readProseMetrics(paragraphs, [...slice(sections.other), ...prose])) {
    record.metrics[metric.key] = metric.value;
    record.metric_sources[metric.key] = metric.source;
  }

  record.checks = [...tableChecks(record, apps.singleOtherRow), ...proseChecks(record, readRestatements(paragraphs))];

  if (!sections.overview) diagnostics.push(diagnostic('section_not_found', 'overview'));
  for (const key of ['proactive', 'applications', 'cases'] as const) {
    if (!tables[key]) diagnostics.push(diagnostic('section_not_found', key));
  }
  record.diagnostics = [...diagnostics, ...proactive.diagnostics, ...notes, ...apps.diagnostics, ...cases.diagnostics];
  return record;
}

function emptyRecordFor(source: SourceInfo): ReportRecord {
  return emptyRecord(reportId(source.file), source);
}

/** Stable id from the file name: the base name without extension. */
export function reportId(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.[^.]+$/, '');
}
