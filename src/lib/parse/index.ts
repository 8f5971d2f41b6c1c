/**
 * Text → ReportRecord. Pure: no file access, no logging, no clock. Every value inferred rather
 * than read is listed in `warnings`; the report's own accounting rules are in `checks`.
 */
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

export interface SourceInfo {
  /** Path as given, e.g. `data/reports/000_x.txt`. */
  file: string;
  sha256: string;
  format: SourceFormat;
}

/** Bumped whenever parsing output may change; part of the build cache key. */
export const PARSER_VERSION = '2';

export function parseReport(text: string, source: SourceInfo): ReportRecord {
  const normalized = normalizeText(text);
  const lines = normalized.split('\n');
  const headings = findHeadings(lines);
  const starts = copyStarts(lines, headings);
  return starts.length === 1 ? parseLines(lines, source, normalized, headings) : parseCopies(lines, starts, source);
}

const NOT_A_REPORT = 'not a report: this is not an annual report — no report title and no section 三 (applications) table found';

/**
 * Several copies in one file: each is parsed alone. Copies with no section 三 figures (a table
 * of contents, a fragment) are skipped; copies whose tables agree are one report printed twice;
 * copies whose tables differ are different reports, and the file is refused (never one report's
 * figures with the other's prose, never one of them silently dropped).
 */
function parseCopies(lines: string[], starts: number[], source: SourceInfo): ReportRecord {
  const spans = starts.map((start, i) => ({ start, end: starts[i + 1] ?? lines.length }));
  const copies = spans.map((span) => ({ span, record: parseLines(lines.slice(span.start, span.end), source) }));
  const withFigures = copies.filter(({ record }) => Object.values(record.applications).some((row) => Object.values(row).some((v) => v !== null)));
  const at = (list: typeof copies) => list.map(({ span }) => `${span.start + 1}–${span.end}`).join(', ');
  if (withFigures.length === 0) {
    const record = parseLines(lines, source);
    if (!record.error) record.warnings.push(`section 三 heading printed ${starts.length} times (lines ${at(copies)}), none with figures`);
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
  // Parse the copy in place (other lines blanked), so line numbers in warnings are the file's.
  const record = parseLines(lines.map((line, i) => (i >= first.span.start && i < first.span.end ? line : '')), source);
  record.warnings.push(
    withFigures.length > 1
      ? `the report is printed ${withFigures.length} times in this file (lines ${at(withFigures)}) with the same tables; read once, from lines ${first.span.start + 1}–${first.span.end}`
      : `section 三 heading printed ${starts.length} times; lines ${at(copies.filter((c) => c !== first))} hold no section 三 figures (a table of contents or a fragment) and were ignored`,
  );
  return record;
}

/** `text` (`lines` joined by `\n`) and `headings` (of `lines`), when the caller has them already. */
function parseLines(lines: string[], source: SourceInfo, text = lines.join('\n'), headings = findHeadings(lines)): ReportRecord {
  const record = emptyRecordFor(source);
  const sections = findSections(lines, headings);
  const slice = (span: SectionSpan | undefined) => (span ? lines.slice(span.start, span.end) : []);
  const events = (span: SectionSpan | undefined) => (span ? tableEvents(lines, span.start, span.end) : []);
  const firstSection = Math.min(...Object.values(sections).map((s) => s.start - 1), lines.length);

  const meta = readMetadata(lines, text, Math.max(firstSection, 12));
  record.agency.name = meta.agency;
  record.agency.canonical_name = meta.canonical;
  record.year = meta.year;
  record.published = meta.published;

  if (!sections.applications && !sections.cases && meta.titleLine === null) {
    record.error = lines.every((line) => line.trim() === '') ? 'empty file' : NOT_A_REPORT;
    return record;
  }
  const warnings: string[] = [...meta.warnings];

  const yearTemplate = meta.year !== null && meta.year <= 2020 ? '2019' : '2021';
  const proactive = readProactive(events(sections.proactive), yearTemplate);
  record.proactive = proactive.proactive;

  const { rows, notes } = collectNumberRows(events(sections.applications));
  const apps = placeApplications(rows);
  record.applications = apps.applications;
  record.template = proactive.headerTemplate ?? (apps.singleOtherRow && meta.year !== null && meta.year <= 2020 ? '2019' : yearTemplate);
  if (record.template === '2021' && apps.singleOtherRow) {
    warnings.push('section 三: 其他处理 printed as one row (as in the 2019 template); its figure is stored as other_misc');
  }

  const cases = readCases(events(sections.cases));
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

  for (const [key, label] of [['overview', '一'], ['proactive', '二'], ['applications', '三'], ['cases', '四']] as const) {
    if (!sections[key]) warnings.push(`section ${label} not found`);
  }
  record.warnings = [...warnings, ...proactive.warnings, ...notes.map((n) => `section 三: ${n}`), ...apps.warnings, ...cases.warnings];
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
