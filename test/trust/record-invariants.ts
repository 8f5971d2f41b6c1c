/**
 * What must hold for any record the parser returns, whatever text it was given. Each function
 * returns the list of violations (empty when the record is sound), so a property test can show
 * them all. Independent of the parser's own code: the checks are recomputed here from the
 * record, and the numbers are looked up in the input text.
 */
import {
  APPLICANT_COLUMNS,
  APPLICATION_ROWS,
  CASE_OUTCOMES,
  METRIC_KEYS,
  OUTCOME_GROUPS,
  type ApplicationRow,
  type ReportRecord,
} from '../../src/lib/schema.ts';
import { normalizeText } from '../../src/lib/parse/normalize.ts';
import { isDiagnosticCode, isDiagnosticSection, type Check, type DiagnosticCode } from '../../src/lib/diagnostics.ts';

const CASE_GROUPS = ['review', 'litigation_direct', 'litigation_after_review'] as const;
const SPLIT_OTHER: readonly ApplicationRow[] = ['other_no_correction', 'other_no_fee'];
const OUTCOME_ROWS = Object.values(OUTCOME_GROUPS).flat() as ApplicationRow[];
const APPLICANTS = APPLICANT_COLUMNS.filter((c) => c !== 'total');

const isCell = (v: unknown) => v === null || (typeof v === 'number' && Number.isFinite(v));

/** The record has the contract's shape: every row and column present, every cell number|null. */
export function shapeViolations(record: ReportRecord): string[] {
  const out: string[] = [];
  const rows = Object.keys(record.applications ?? {});
  if (rows.length !== APPLICATION_ROWS.length || APPLICATION_ROWS.some((r) => !rows.includes(r))) {
    out.push(`applications has rows [${rows.join(',')}]`);
  }
  for (const row of APPLICATION_ROWS) {
    const cells = record.applications?.[row] ?? {};
    const cols = Object.keys(cells);
    if (cols.length !== APPLICANT_COLUMNS.length || APPLICANT_COLUMNS.some((c) => !cols.includes(c))) out.push(`applications.${row} has columns [${cols.join(',')}]`);
    for (const c of APPLICANT_COLUMNS) if (!isCell((cells as Record<string, unknown>)[c])) out.push(`applications.${row}.${c} is ${String((cells as Record<string, unknown>)[c])}`);
  }
  for (const group of CASE_GROUPS) {
    const cells = (record[group] ?? {}) as Record<string, unknown>;
    if (Object.keys(cells).length !== CASE_OUTCOMES.length) out.push(`${group} has keys [${Object.keys(cells).join(',')}]`);
    for (const k of CASE_OUTCOMES) if (!isCell(cells[k])) out.push(`${group}.${k} is ${String(cells[k])}`);
  }
  for (const [item, cols] of Object.entries(record.proactive ?? {})) {
    for (const [col, v] of Object.entries(cols)) if (!isCell(v)) out.push(`proactive.${item}.${col} is ${String(v)}`);
  }
  for (const [key, v] of Object.entries(record.metrics ?? {})) {
    if (!(METRIC_KEYS as readonly string[]).includes(key)) out.push(`metrics.${key} is not a metric key`);
    if (typeof v !== 'number' || !Number.isFinite(v)) out.push(`metrics.${key} is ${String(v)}`);
    if (!record.metric_sources?.[key as keyof ReportRecord['metric_sources']]) out.push(`metrics.${key} has no source`);
  }
  const isValues = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!Array.isArray(record.checks) || record.checks.some((c) => typeof c.rule !== 'string' || typeof c.ok !== 'boolean' || !isDiagnosticSection(c.section) || !isValues(c.values))) {
    out.push('checks are not all {rule, ok, section, values}');
  }
  if (!Array.isArray(record.diagnostics) || record.diagnostics.some((d) => !isDiagnosticCode(d.code) || !isDiagnosticSection(d.section) || !isValues(d.values))) {
    out.push('diagnostics are not all {code, section, values} with a known code');
  }
  if (record.error !== null && typeof record.error !== 'string') out.push(`error is ${String(record.error)}`);
  if (!['2019', '2021', null].includes(record.template)) out.push(`template is ${String(record.template)}`);
  if (record.year !== null && !Number.isInteger(record.year)) out.push(`year is ${String(record.year)}`);
  if (JSON.stringify(JSON.parse(JSON.stringify(record))) !== JSON.stringify(record)) out.push('record does not survive a JSON round trip');
  return out;
}

/** The text as the parser sees it and as NFKC folds it, whichever gives more number tokens. */
function textForms(text: string): string[] {
  return [text, normalizeText(text), text.normalize('NFKC')];
}

/** Every number printed in the text: `1,433`, `1433`, `8862.02`, `-3`, and each digit run alone. */
export function numberTokens(text: string): Set<number> {
  const tokens = new Set<number>();
  for (const form of textForms(text)) {
    for (const m of form.matchAll(/(-?)(\d+(?:,\d{3})*(?:\.\d+)?)/g)) {
      const value = Number(m[2]!.replace(/,/g, ''));
      tokens.add(value);
      if (m[1]) tokens.add(-value);
    }
    for (const m of form.matchAll(/\d+(?:\.\d+)?/g)) tokens.add(Number(m[0]));
  }
  return tokens;
}

const compact = (s: string) => s.replace(/\s+/g, '');

/** A prose figure as printed (`637万多次`, `80.37万次`, `三次`) read independently of the parser. */
function rawFigureValue(raw: string): number | null {
  const digits = /(\d+(?:,\d{3})*(?:\.\d+)?)\s*(万|亿)?/.exec(raw);
  if (digits) {
    const base = Number(digits[1]!.replace(/,/g, ''));
    return base * (digits[2] === '亿' ? 1e8 : digits[2] === '万' ? 1e4 : 1);
  }
  const chinese = /[零〇一二两三四五六七八九十百千万亿]+/.exec(raw);
  return chinese ? chineseNumeral(chinese[0]) : null;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_SMALL: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Chinese numerals, by splitting at 亿 and 万 (a different method from the parser's). */
export function chineseNumeral(text: string): number {
  if (text === '') return 0;
  if (text.length > 1 && [...text].every((ch) => ch in CN_DIGITS)) return Number([...text].map((ch) => CN_DIGITS[ch]).join(''));
  for (const [unit, value] of [['亿', 1e8], ['万', 1e4]] as const) {
    const at = text.indexOf(unit);
    if (at >= 0) return (at === 0 ? 1 : chineseNumeral(text.slice(0, at))) * value + chineseNumeral(text.slice(at + 1));
  }
  let total = 0;
  let digit: number | null = null;
  for (const ch of text) {
    if (ch in CN_DIGITS) digit = CN_DIGITS[ch]!;
    else {
      total += (digit ?? 1) * CN_SMALL[ch]!;
      digit = null;
    }
  }
  return total + (digit ?? 0);
}

/** Diagnostics that say a 0 was inferred rather than read. */
const INFERRED_ZERO: readonly DiagnosticCode[] = [
  'applications_zero_rows_inferred',
  'applications_single_figure_as_natural',
  'applications_blank_cells_inferred',
  'cases_zeros_inferred',
  'cases_blank_cells_inferred',
  'zero_marks_inferred',
];

/**
 * Every number in the tables is a number printed in the text, or a 0 that a warning says was
 * inferred; every prose metric is the figure printed in its source (which is in the text).
 */
export function inventedNumbers(record: ReportRecord, text: string): string[] {
  const tokens = numberTokens(text);
  const zeroInferred = record.diagnostics.some((d) => INFERRED_ZERO.includes(d.code));
  const out: string[] = [];
  // Cells worked out by the template's arithmetic, each named by its diagnostic with its value.
  const derived = new Map<string, number>();
  // A total printed one digit a line, read as one figure: a row's total, its digits printed.
  const wrapped = new Set<number>();
  const joinedCells = new Set<number>();
  for (const d of record.diagnostics) {
    if (d.code === 'applications_wrapped_total' && (d.values.pieces as number[]).every((p) => tokens.has(p))) wrapped.add(d.values.total as number);
    // Cells wrapped in their narrow columns, joined: each joined figure's pieces printed (`16/1` → 161).
    if (d.code === 'applications_wrapped_cells') {
      for (const joined of d.values.pieces as string[]) {
        const pieces = joined.split('/');
        if (pieces.every((p) => tokens.has(Number(p)))) joinedCells.add(Number(pieces.join('')));
      }
    }
    const cells = d.values.cells as number[] | undefined;
    if (d.code === 'applications_row_from_balance' && d.row && cells) APPLICANT_COLUMNS.forEach((c, i) => derived.set(`applications.${d.row}.${c}`, cells[i]!));
    if (d.code === 'cases_cell_from_sums' && cells) CASE_GROUPS.forEach((g, j) => CASE_OUTCOMES.forEach((k, i) => derived.set(`${g}.${k}`, cells[j * 5 + i]!)));
  }
  const look = (where: string, v: number | null) => {
    if (v === null || tokens.has(v) || derived.get(where) === v) return;
    if (where.startsWith('applications.') && where.endsWith('.total') && wrapped.has(v)) return;
    if (where.startsWith('applications.') && joinedCells.has(v)) return;
    if (v === 0 && zeroInferred) return;
    out.push(`${where} = ${v} is not printed in the text${v === 0 ? ' and no warning says a 0 was inferred' : ''}`);
  };
  for (const row of APPLICATION_ROWS) for (const c of APPLICANT_COLUMNS) look(`applications.${row}.${c}`, record.applications[row][c]);
  for (const group of CASE_GROUPS) for (const k of CASE_OUTCOMES) look(`${group}.${k}`, record[group][k]);
  for (const [item, cols] of Object.entries(record.proactive)) for (const [col, v] of Object.entries(cols)) look(`proactive.${item}.${col}`, v);

  const flat = textForms(text).map(compact);
  for (const [key, value] of Object.entries(record.metrics) as [keyof ReportRecord['metric_sources'], number][]) {
    const source = record.metric_sources[key];
    if (!source) continue; // reported by shapeViolations
    if (!flat.some((t) => t.includes(compact(source.raw)))) out.push(`metrics.${key}: its figure “${source.raw}” is not in the text`);
    const printed = rawFigureValue(source.raw);
    const noFee = key === 'fees_charged_yuan' && value === 0 && /未|没有|无|不/.test(source.raw);
    if (!noFee && (printed === null || Math.abs(printed - value) > 1e-6 * Math.max(1, Math.abs(value)))) {
      out.push(`metrics.${key} = ${value} but its figure as printed is “${source.raw}”`);
    }
  }
  return out;
}

const sum = (xs: readonly number[]) => xs.reduce((a, x) => a + x, 0);

/** Each check listed as ok really holds on the record's own figures; each computable broken identity is listed as failed. */
export function checkViolations(record: ReportRecord): string[] {
  const out: string[] = [];
  const apps = record.applications;
  const listed = new Map(record.checks.map((c) => [checkKey(c), c]));
  for (const check of record.checks) {
    const holds = recompute(record, check);
    if (holds === 'unknown rule') out.push(`check “${check.rule}” is a rule this test does not know: add it to recompute()`);
    else if (check.ok && holds !== true) out.push(`check “${checkKey(check)}” says ok but does not hold (${JSON.stringify(check.values)})`);
  }
  // Broken identities must not be silent.
  const mustFail = (rule: string, broken: boolean) => {
    if (broken && listed.get(rule)?.ok !== false) out.push(`identity broken but not reported as failed: ${rule}`);
  };
  for (const c of APPLICANT_COLUMNS) {
    const [n, o, p, f] = [apps.new[c], apps.carried_over[c], apps.total_processed[c], apps.carried_forward[c]];
    if (n !== null && o !== null && p !== null && f !== null) mustFail(`applications_balance::${c}`, n + o !== p + f);
  }
  for (const row of APPLICATION_ROWS) {
    const parts = APPLICANTS.map((c) => apps[row][c]);
    const total = apps[row].total;
    if (total !== null && parts.every((v) => v !== null)) mustFail(`applications_columns_sum:${row}:`, sum(parts as number[]) !== total);
  }
  for (const group of CASE_GROUPS) {
    const cells = record[group];
    const parts = CASE_OUTCOMES.filter((k) => k !== 'total').map((k) => cells[k]);
    if (cells.total !== null && parts.every((v) => v !== null)) mustFail(`cases_group_sum:${group}:`, sum(parts as number[]) !== cells.total);
  }
  return out;
}

/** A check's identity: rule, row and column (`applications_balance::natural`). */
export const checkKey = (c: Pick<Check, 'rule' | 'row' | 'column'>) => `${c.rule}:${c.row ?? ''}:${c.column ?? ''}`;

function recompute(record: ReportRecord, check: Check): boolean | 'unknown rule' {
  const apps = record.applications;
  const { rule } = check;
  if (rule === 'applications_balance') {
    const c = check.column as (typeof APPLICANT_COLUMNS)[number];
    if (!(APPLICANT_COLUMNS as readonly string[]).includes(c)) return false;
    const [n, o, p, f] = [apps.new[c], apps.carried_over[c], apps.total_processed[c], apps.carried_forward[c]];
    return n !== null && o !== null && p !== null && f !== null && n + o === p + f;
  }
  if (rule === 'applications_outcomes_sum') {
    const c = check.column as (typeof APPLICANT_COLUMNS)[number];
    if (!(APPLICANT_COLUMNS as readonly string[]).includes(c)) return false;
    const p = apps.total_processed[c];
    const required = OUTCOME_ROWS.filter((r) => !SPLIT_OTHER.includes(r));
    const split = SPLIT_OTHER.map((r) => apps[r][c]);
    if (p === null || required.some((r) => apps[r][c] === null)) return false;
    if (split.some((v) => v === null) && split.some((v) => v !== null)) return false;
    return sum(OUTCOME_ROWS.map((r) => apps[r][c] ?? 0)) === p;
  }
  if (rule === 'applications_columns_sum') {
    const cells = apps[check.row as ApplicationRow];
    if (!cells) return false;
    const parts = APPLICANTS.map((c) => cells[c]);
    return cells.total !== null && parts.every((v) => v !== null) && sum(parts as number[]) === cells.total;
  }
  if (rule === 'cases_group_sum') {
    const cells = CASE_GROUPS.includes(check.row as (typeof CASE_GROUPS)[number]) ? record[check.row as (typeof CASE_GROUPS)[number]] : undefined;
    if (!cells) return false;
    const parts = CASE_OUTCOMES.filter((k) => k !== 'total').map((k) => cells[k]);
    return cells.total !== null && parts.every((v) => v !== null) && sum(parts as number[]) === cells.total;
  }
  if (rule === 'prose_restates_table') {
    const said = check.values.prose;
    const table = restatedTableValue(record, check.row ?? '');
    if (table === 'unknown rule') return table;
    return typeof said === 'number' && table !== null && said === table;
  }
  return 'unknown rule';
}

function restatedTableValue(record: ReportRecord, figure: string): number | null | 'unknown rule' {
  const apps = record.applications;
  const groupTotal = (rows: readonly ApplicationRow[]) => {
    const singleOther = apps.other_no_correction.total === null && apps.other_no_fee.total === null;
    const values = rows.filter((r) => !(singleOther && SPLIT_OTHER.includes(r))).map((r) => apps[r].total);
    return values.every((v) => v !== null) ? sum(values as number[]) : null;
  };
  switch (figure) {
    case 'new':
    case 'total_processed':
    case 'carried_forward':
    case 'granted':
    case 'partly_granted':
      return apps[figure].total;
    case 'refused':
    case 'unable':
    case 'not_processed':
    case 'other':
      return groupTotal(OUTCOME_GROUPS[figure]);
    case 'review':
      return record.review.total;
    case 'litigation': {
      const [d, a] = [record.litigation_direct.total, record.litigation_after_review.total];
      return d === null || a === null ? null : d + a;
    }
    default:
      return 'unknown rule';
  }
}
