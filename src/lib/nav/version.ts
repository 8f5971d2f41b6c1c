/**
 * What a page says about the dataset it shows: its version (the build date and a short hash of
 * the dataset's content), how many reports and agencies it covers each year, and the citation.
 * Pure: the caller hashes the files and reads the clock.
 */
import type { FactsFile } from '../dataset/layout.ts';
import { rowKeyer } from './agencies.ts';

export interface DatasetVersion {
  /** Day the dataset was written, `YYYY-MM-DD` (UTC). */
  date: string;
  /** First 8 hex digits of the dataset's content hash. */
  hash: string;
}

export interface YearCoverage {
  year: number;
  reports: number;
  agencies: number;
}

export function datasetVersion(written: Date, sha256Hex: string): DatasetVersion {
  return { date: written.toISOString().slice(0, 10), hash: sha256Hex.slice(0, 8) };
}

/** `2026-12-02 · 3f2a9c1b`: how the version is printed everywhere. */
export function versionLabel(v: DatasetVersion): string {
  return `${v.date} · ${v.hash}`;
}

/** Reports and distinct agencies per year, ascending; reports without a year are left out. */
export function coverageByYear(facts: FactsFile): YearCoverage[] {
  const keyOf = rowKeyer(facts);
  const years = facts.columns.year ?? [];
  const byYear = new Map<number, { reports: number; agencies: Set<string> }>();
  for (let i = 0; i < facts.count; i++) {
    const y = years[i];
    if (typeof y !== 'number') continue;
    const entry = byYear.get(y) ?? byYear.set(y, { reports: 0, agencies: new Set() }).get(y)!;
    entry.reports++;
    entry.agencies.add(keyOf(i));
  }
  return [...byYear].sort(([a], [b]) => a - b).map(([year, e]) => ({ year, reports: e.reports, agencies: e.agencies.size }));
}
