/**
 * The report's own accounting rules, checked on the figures as read. A rule that cannot be
 * evaluated (a figure missing) is not listed: missing figures are already warnings.
 */
import {
  APPLICANT_COLUMNS,
  APPLICATION_ROWS,
  CASE_OUTCOMES,
  OUTCOME_GROUPS,
  type ApplicationRow,
  type CaseCells,
  type Check,
  type ReportRecord,
} from '../schema.ts';
import { groupTotal } from '../facts.ts';
import type { Restatement } from './prose.ts';

type Tables = Pick<ReportRecord, 'applications' | 'review' | 'litigation_direct' | 'litigation_after_review' | 'template'>;

const OUTCOME_ROWS = Object.values(OUTCOME_GROUPS).flat() as ApplicationRow[];
/** The outcome rows when 其他处理 is printed as one row. */
const OUTCOME_ROWS_SINGLE_OTHER = OUTCOME_ROWS.filter((r) => r !== 'other_no_correction' && r !== 'other_no_fee');
const CASE_PARTS = CASE_OUTCOMES.filter((k) => k !== 'total');

function known(values: readonly (number | null)[]): values is number[] {
  return values.every((v) => v !== null);
}
const sum = (values: readonly number[]) => values.reduce((a, v) => a + v, 0);

export function tableChecks(t: Tables, singleOtherRow: boolean): Check[] {
  const checks: Check[] = [];
  const apps = t.applications;
  const rows = singleOtherRow ? OUTCOME_ROWS_SINGLE_OTHER : OUTCOME_ROWS;
  for (const c of APPLICANT_COLUMNS) {
    const identity = [apps.new[c], apps.carried_over[c], apps.total_processed[c], apps.carried_forward[c]];
    const p = apps.total_processed[c];
    if (known(identity)) {
      const [n, o, , f] = identity as [number, number, number, number];
      checks.push({
        rule: `三 ${c}: new + carried_over = total_processed + carried_forward`,
        ok: n + o === p! + f,
        detail: `${n} + ${o} = ${n + o}; ${p} + ${f} = ${p! + f}`,
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
        rule: `三 ${c}: outcome rows sum to total_processed`,
        ok: outcomes === p,
        detail: `outcome rows sum to ${outcomes}; (七)总计 is ${p}`,
      });
    }
  }
  for (const row of APPLICATION_ROWS) {
    const { natural, commercial, research, social, legal, other, total } = apps[row];
    if (total === null) continue;
    if (natural === null || commercial === null || research === null || social === null || legal === null || other === null) continue;
    const applicants = natural + commercial + research + social + legal + other;
    checks.push({
      rule: `三 ${row}: applicant columns sum to total`,
      ok: applicants === total,
      detail: `${natural} + ${commercial} + ${research} + ${social} + ${legal} + ${other} = ${applicants}; 总计 is ${total}`,
    });
  }
  for (const group of ['review', 'litigation_direct', 'litigation_after_review'] as const) {
    const cells: CaseCells = t[group];
    const parts = CASE_PARTS.map((k) => cells[k]);
    if (cells.total !== null && known(parts)) {
      checks.push({
        rule: `四 ${group}: upheld + corrected + other + pending = total`,
        ok: sum(parts) === cells.total,
        detail: `${parts.join(' + ')} = ${sum(parts)}; 总计 is ${cells.total}`,
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
      rule: `prose restates ${r.figure}`,
      ok: table === r.value,
      detail: `prose says ${r.value}, table says ${table}: “${r.sentence.slice(0, 120)}”`,
    });
  }
  return checks;
}
