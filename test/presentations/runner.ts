/**
 * Scores parsed presentation variants against their truth: cells read, cells right, and silent
 * errors, a wrong cell in a record that gives the reader no reason to doubt it (no warning, no
 * failed check, no error). Pure; the reading itself is passed in (suite.ts reads as the build does).
 */
import type { ReportRecord } from '../../src/lib/schema.ts';
import type { Expected, Variant } from './variants.ts';

/** What the build makes of a file: its record (or none) and everything that tells the reader to doubt it. */
export interface ReadOutcome {
  record: ReportRecord | null;
  /** Why the file could not be used, or null. */
  error: string | null;
  /** Warnings from reading the file and parsing it. */
  /** The codes of the file's and the record's diagnostics. */
  warnings: string[];
}

export type Reader = (bytes: Uint8Array, fileName: string) => Promise<ReadOutcome>;

export interface VariantResult {
  name: string;
  family: string;
  fileName: string;
  cells: number;
  matched: number;
  /** Wrong cells in a record that says nothing is amiss. */
  silent: number;
  /** Whether the record tells the reader to doubt it (warnings, a failed check, an error). */
  flagged: boolean;
  mismatches: string[];
}

function accepts(expected: Expected, actual: number | null): boolean {
  return typeof expected === 'object' && expected !== null ? expected.oneOf.includes(actual) : expected === actual;
}

function cellOf(record: ReportRecord, path: string): number | null {
  const [group, a, b] = path.split('.');
  if (group === 'applications') return (record.applications as Record<string, Record<string, number | null> | undefined>)[a as string]?.[b as string] ?? null;
  return (record as unknown as Record<string, Record<string, number | null> | undefined>)[group as string]?.[a as string] ?? null;
}

const show = (e: Expected): string => (typeof e === 'object' && e !== null ? e.oneOf.join(' or ') : String(e));

export function scoreVariant(variant: Variant, outcome: ReadOutcome): VariantResult {
  const { record, error, warnings } = outcome;
  const flagged = error !== null || record === null || record.error !== null || warnings.length > 0 || record.checks.some((c) => !c.ok);
  const result: VariantResult = { name: variant.name, family: variant.family, fileName: variant.fileName, cells: 0, matched: 0, silent: 0, flagged, mismatches: [] };
  const compare = (where: string, ok: boolean, expected: string, actual: string) => {
    result.cells++;
    if (ok) result.matched++;
    else {
      result.mismatches.push(`${where}: expected ${expected}, got ${actual}`);
      if (!flagged) result.silent++;
    }
  };
  const { truth } = variant;
  compare('agency', record?.agency.name === truth.agency, truth.agency, String(record?.agency.name ?? null));
  compare('year', record?.year === truth.year, String(truth.year), String(record?.year ?? null));
  for (const [path, expected] of Object.entries(truth.cells)) {
    const actual = record ? cellOf(record, path) : null;
    compare(path, accepts(expected, actual), show(expected), String(actual));
  }
  if (!record && error) result.mismatches.unshift(`unreadable: ${error}`);
  return result;
}

export async function runVariants(variants: readonly Variant[], read: Reader): Promise<VariantResult[]> {
  const results: VariantResult[] = [];
  for (const variant of variants) results.push(scoreVariant(variant, await read(variant.bytes, variant.fileName)));
  return results;
}

export interface Totals {
  files: number;
  cells: number;
  matched: number;
  silent: number;
}

export function totals(results: readonly VariantResult[]): Totals {
  return results.reduce((t, r) => ({ files: t.files + 1, cells: t.cells + r.cells, matched: t.matched + r.matched, silent: t.silent + r.silent }), {
    files: 0,
    cells: 0,
    matched: 0,
    silent: 0,
  });
}

export const pct = (t: Totals): string => (t.cells === 0 ? 'n/a' : ((100 * t.matched) / t.cells).toFixed(2));

/** Family of a variant name without its layout (`zero-blank/html-gbk` → `zero-blank`), for per-family lines. */
export function byKey(results: readonly VariantResult[], key: (r: VariantResult) => string): Map<string, Totals> {
  const groups = new Map<string, VariantResult[]>();
  for (const r of results) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)).map(([k, rs]) => [k, totals(rs)]));
}

/** The lines `npm run accuracy` prints: totals, per-family and per-presentation figures, every failing variant's first mismatches. */
export function reportLines(results: readonly VariantResult[], firstMismatches = 3): string[] {
  const all = totals(results);
  const lines = [`variant_cell_accuracy_pct: ${pct(all)}`, `variant_files: ${all.files}`, `variant_silent_errors: ${all.silent}`];
  for (const [family, t] of byKey(results, (r) => r.family)) lines.push(`variant_family ${family}: ${pct(t)}% (${t.matched}/${t.cells}), ${t.files} files, ${t.silent} silent`);
  const presentation = (r: VariantResult) => r.name.slice(r.name.indexOf('/') + 1);
  for (const [name, t] of byKey(results, presentation)) lines.push(`  ${name}: ${t.matched}/${t.cells} (${pct(t)}%), ${t.files} files, ${t.silent} silent`);
  for (const r of results) {
    if (r.matched === r.cells) continue;
    lines.push(`variant ${r.name} (${r.fileName}): ${r.matched}/${r.cells}${r.silent ? `, ${r.silent} SILENT` : ''}${r.flagged ? '' : ', no warning'}`);
    for (const m of r.mismatches.slice(0, firstMismatches)) lines.push(`  ${m}`);
  }
  return lines;
}
