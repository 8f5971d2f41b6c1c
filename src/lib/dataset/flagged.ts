/**
 * The reports the quality page lists: those whose figures break their own accounting rules or
 * carry reading notes, worst first (most failed checks, then most diagnostics, then id order),
 * chosen from the fact rows' counts so that only the shown reports' full records are read. Pure.
 */
import type { FactsFile } from './layout.ts';

export function flaggedReports(facts: FactsFile, limit: number): { ids: string[]; total: number } {
  const ids = facts.columns.id ?? [];
  const failed = facts.columns.checks_failed ?? [];
  const notes = facts.columns.diagnostics ?? [];
  const count = (values: (string | number | null)[], i: number) => (typeof values[i] === 'number' ? (values[i] as number) : 0);
  const rows: { id: string; failed: number; notes: number }[] = [];
  for (let i = 0; i < facts.count; i++) {
    const row = { id: String(ids[i]), failed: count(failed, i), notes: count(notes, i) };
    if (row.failed > 0 || row.notes > 0) rows.push(row);
  }
  rows.sort((a, b) => b.failed - a.failed || b.notes - a.notes || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { ids: rows.slice(0, limit).map((r) => r.id), total: rows.length };
}
