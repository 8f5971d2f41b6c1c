/**
 * The report's own accounting rules, checked on the figures as read. A rule that cannot be
 * evaluated (a figure missing) is not listed: missing figures are already diagnostics.
 * Each check names its rule by code and carries the figures compared (src/i18n words them).
 */
import type { CaseCells, Check, ReportRecord } from '../schema.ts';
import { APPLICANT_COLUMNS, APPLICATION_ROWS, CASE_GROUPS, CASE_PARTS, OUTCOME_GROUPS, outcomeRows } from '../template.ts';
import { groupTotal } from '../facts.ts';
import type { Restatement } from './prose.ts';

type Tables = Pick<ReportRecord, 'applications' | 'review' | 'litigation_direct' | 'litigation_after_review' | 'template'>;

function known(values: readonly (number | null)[]): values is number[] {
  return values.every((v) => v !== null);
}
const sum = (values: readonly number[]) => values.reduce((a, v) => a + v, 0);

export function tableChecks(t: Tables, singleOtherRow: boolean): Check[] {
  const checks: Check[] = [];
  const apps = t.applications;
  const rows = outcomeRows(singleOtherRow);
  for (const c of APPLICANT_COLUMNS) {
    const identity = [apps.new[c], apps.carried_over[c], apps.total_processed[c], apps.carried_forward[c]];
    const p = apps.total_processed[c];
    if (known(identity)) {
      const [n, o, , f] = identity as [number, number, number, number];
      checks.push({
        rule: 'applications_balance',
        ok: n + o === p! + f,
        section: 'applications',
        column: c,
        values: { new: n, carried_over: o, total_processed: p, carried_forward: f },
      });
    }
    if (p === null) continue;
    let outcomes = 0;
    let allKnown = true;
    for (const r of rows) {
      const v = apps[r][c];
      if (v === null) {
        allKnown = false;
        break;
      }
      outcomes += v;
    }
    if (allKnown) {
      checks.push({
        rule: 'applications_outcomes_sum',
        ok: outcomes === p,
        section: 'applications',
        column: c,
        values: { outcomes, total_processed: p },
      });
    }
  }
  for (const row of APPLICATION_ROWS) {
    const { natural, commercial, research, social, legal, other, total } = apps[row];
    if (total === null) continue;
    if (natural === null || commercial === null || research === null || social === null || legal === null || other === null) continue;
    const applicants = natural + commercial + research + social + legal + other;
    checks.push({
      rule: 'applications_columns_sum',
      ok: applicants === total,
      section: 'applications',
      row,
      values: { natural, commercial, research, social, legal, other, applicants, total },
    });
  }
  for (const group of CASE_GROUPS) {
    const cells: CaseCells = t[group];
    const parts = CASE_PARTS.map((k) => cells[k]);
    if (cells.total !== null && known(parts)) {
      checks.push({
        rule: 'cases_group_sum',
        ok: sum(parts) === cells.total,
        section: 'cases',
        row: group,
        values: { upheld: parts[0]!, corrected: parts[1]!, other: parts[2]!, pending: parts[3]!, sum: sum(parts), total: cells.total },
      });
    }
  }
  return checks;
}

/** Where the prose restates a table figure, the two must agree. */
export function proseChecks(t: Tables, restated: readonly Restatement[]): Check[] {
  const apps = t.applications;
  const tableValue = (r: Restatement): number | null => {
    switch (r.figure) {
      case 'new':
      case 'total_processed':
      case 'carried_forward':
      case 'granted':
      case 'partly_granted':
        return apps[r.figure].total;
      case 'refused':
      case 'unable':
      case 'not_processed':
      case 'other':
        return groupTotal(t, OUTCOME_GROUPS[r.figure]);
      case 'review':
        return t.review.total;
      case 'litigation': {
        const [d, a] = [t.litigation_direct.total, t.litigation_after_review.total];
        return d === null || a === null ? null : d + a;
      }
    }
  };
  const checks: Check[] = [];
  for (const r of restated) {
    const table = tableValue(r);
    if (table === null) continue;
    checks.push({
      rule: 'prose_restates_table',
      ok: table === r.value,
      section: 'prose',
      row: r.figure,
      values: { prose: r.value, table, sentence: r.sentence.slice(0, 120) },
    });
  }
  return checks;
}
