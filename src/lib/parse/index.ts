/**
 * Text → ReportRecord. Pure: no file access, no logging, no clock.
 * (Stub: filled in by the parser work of issue 2.)
 */
import { SCHEMA_VERSION, emptyAgency, emptyApplications, emptyCaseCells, type ReportRecord, type SourceFormat } from '../schema.ts';

export interface SourceInfo {
  /** Path as given, e.g. `data/reports/000_x.txt`. */
  file: string;
  sha256: string;
  format: SourceFormat;
}

/** Bumped whenever parsing output may change; part of the build cache key. */
export const PARSER_VERSION = '0';

export function parseReport(text: string, source: SourceInfo): ReportRecord {
  return {
    schema_version: SCHEMA_VERSION,
    id: reportId(source.file),
    source: { ...source },
    agency: emptyAgency(),
    year: null,
    published: null,
    template: null,
    applications: emptyApplications(),
    review: emptyCaseCells(),
    litigation_direct: emptyCaseCells(),
    litigation_after_review: emptyCaseCells(),
    proactive: {},
    metrics: {},
    metric_sources: {},
    checks: [],
    warnings: [],
    error: text.trim() === '' ? 'empty file' : null,
  };
}

/** Stable id from the file name: the base name without extension. */
export function reportId(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.[^.]+$/, '');
}
