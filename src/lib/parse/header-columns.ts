/**
 * Section 三's columns named by its header cells: which grid column holds 自然人, 商业企业, …,
 * 总计, wherever the publisher put them (总计 first, 法人或其他组织 merged over five columns or
 * repeated in each, 商业 / 企业 split over two header lines). A header names the columns only
 * when each of the seven is found in exactly one column; otherwise positions are unknown.
 */
import { APPLICANT_COLUMNS, type ApplicantColumn } from '../schema.ts';
import { compactLabel } from './normalize.ts';

export type ColumnMap = Record<ApplicantColumn, number>;

/** The words that name each applicant column, most specific first (法人或其他组织 holds 其他). */
const COLUMN_WORDS: readonly [ApplicantColumn, RegExp][] = [
  ['commercial', /商业/],
  ['research', /科研/],
  ['social', /公益/],
  ['legal', /法律服务/],
  ['natural', /自然人/],
  ['total', /总计|合计/],
  ['other', /其他/],
];

/** Whether a cell is one of the applicant headers: a row holding one is a header row. */
export function isApplicantHeader(cell: string): boolean {
  const compact = compactLabel(cell);
  return compact !== '' && compact.length <= 12 && (compact === '法人或其他组织' || COLUMN_WORDS.some(([, word]) => word.test(compact)));
}

function columnOf(text: string): ApplicantColumn | null {
  const compact = compactLabel(text).replace('法人或其他组织', '');
  if (compact === '' || compact.length > 16) return null;
  return COLUMN_WORDS.find(([, word]) => word.test(compact))?.[0] ?? null;
}

/** The column map of header rows (each a row's cells in grid order), or null. */
export function headerColumns(rows: readonly (readonly string[])[]): ColumnMap | null {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const found = new Map<ApplicantColumn, number[]>();
  for (let col = 0; col < width; col++) {
    const text = rows.map((r) => r[col] ?? '').join('');
    const key = columnOf(text);
    if (key) found.set(key, [...(found.get(key) ?? []), col]);
  }
  const map = {} as ColumnMap;
  for (const key of APPLICANT_COLUMNS) {
    const cols = found.get(key);
    if (cols?.length !== 1) return null;
    map[key] = cols[0]!;
  }
  return map;
}
