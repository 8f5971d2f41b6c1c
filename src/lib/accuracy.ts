/**
 * Cell accuracy of a parsed record against a hand-read truth file (../shared/seeds/truth,
 * ../shared/corpus/truth): every figure the truth gives is one cell. Pure.
 */
import type { ReportRecord } from './schema.ts';
import { APPLICANT_COLUMNS, CASE_GROUPS, CASE_OUTCOMES, OUTCOME_GROUPS, type ApplicationRow, type OutcomeGroup } from './template.ts';
import { groupTotal } from './facts.ts';

type Cells = Record<string, number | null>;
export interface Truth {
  agency?: string;
  year?: number;
  applications: Record<string, Cells | number>;
  applications_detail?: Record<string, Cells>;
  review?: Cells | string;
  litigation_direct?: Cells | string;
  litigation_after_review?: Cells | string;
}

export interface Accuracy {
  cells: number;
  matched: number;
  mismatches: string[];
}

/** A truth file's group totals: `<group>_total` for the groups of several rows. */
const GROUP_TOTAL_KEYS: Record<string, OutcomeGroup> = Object.fromEntries(
  Object.entries(OUTCOME_GROUPS)
    .filter(([, rows]) => rows.length > 1)
    .map(([group]) => [`${group}_total`, group as OutcomeGroup]),
);

export function cellAccuracy(record: ReportRecord, truth: Truth): Accuracy {
  const result: Accuracy = { cells: 0, matched: 0, mismatches: [] };
  const compare = (where: string, expected: number | null, actual: number | null) => {
    result.cells++;
    if (expected === actual) result.matched++;
    else result.mismatches.push(`${where}: expected ${expected}, got ${actual}`);
  };
  const rows = { ...truth.applications, ...(truth.applications_detail ?? {}) };
  for (const [key, value] of Object.entries(rows)) {
    if (typeof value === 'number') {
      const group = GROUP_TOTAL_KEYS[key];
      if (group) compare(`applications.${key}`, value, groupTotal(record, OUTCOME_GROUPS[group]));
      continue;
    }
    const cells = record.applications[key as ApplicationRow];
    for (const c of APPLICANT_COLUMNS) compare(`applications.${key}.${c}`, value[c] ?? null, cells ? cells[c] : null);
  }
  for (const group of CASE_GROUPS) {
    const expected = truth[group];
    if (expected === undefined) continue;
    for (const k of CASE_OUTCOMES) {
      const actual = record[group][k];
      if (typeof expected === 'string') {
        // `blank-or-zero`: the report leaves the cells blank; null or 0 are both right.
        // `zero-inferred`: only some zeros printed; all cells are 0 by inference.
        const ok = expected === 'blank-or-zero' ? actual === null || actual === 0 : actual === 0;
        result.cells++;
        if (ok) result.matched++;
        else result.mismatches.push(`${group}.${k}: expected ${expected}, got ${actual}`);
      } else {
        compare(`${group}.${k}`, expected[k] ?? null, actual);
      }
    }
  }
  return result;
}
