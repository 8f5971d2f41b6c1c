/**
 * A row of the applications table (section 三): its seven cells (six applicant columns, then the
 * total) and the template's arithmetic on them. Its own module, so that number-rows.ts and the
 * readers it calls (wrapped-cells.ts) share them without importing each other.
 */
import { APPLICANT_COLUMNS } from '../schema.ts';

export const COLUMNS = APPLICANT_COLUMNS.length;

/** Whether seven cells in template order add up: the six applicant columns to the total. */
export function rowSumsOk(values: readonly number[]): boolean {
  if (values.length !== COLUMNS) return false;
  const applicants = values.slice(0, COLUMNS - 1).reduce((a, v) => a + v, 0);
  return Math.abs(applicants - (values[COLUMNS - 1] ?? NaN)) < 1e-9;
}
