/**
 * CSV text for download: papaparse `unparse`, UTF-8 with a BOM so Excel reads Chinese text,
 * text cells neutralised against formula injection. Numbers (negative ones too) stay numbers.
 */
import Papa from 'papaparse';
import { CSV_COLUMNS, type CsvValue } from './columns.ts';

export const BOM = '\uFEFF';

/**
 * A text cell a spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a
 * leading apostrophe. Numbers and nulls pass unchanged.
 */
export function neutraliseCell(value: CsvValue): CsvValue {
  if (typeof value !== 'string') return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** CSV lines (no header, no BOM) for these rows, each ending in CRLF. */
export function csvLines(rows: readonly CsvValue[][]): string {
  if (rows.length === 0) return '';
  return `${Papa.unparse(rows.map((r) => r.map(neutraliseCell)), { newline: '\r\n', header: false })}\r\n`;
}

export function csvHeader(): string {
  return `${Papa.unparse([CSV_COLUMNS.map((c) => c.name)], { newline: '\r\n' })}\r\n`;
}

/** A whole CSV file: BOM, header, rows. */
export function csvFileText(rows: readonly CsvValue[][]): string {
  return BOM + csvHeader() + csvLines(rows);
}
