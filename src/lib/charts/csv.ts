/**
 * CSV of exactly what a chart shows: its table view. (Loaded on demand: papaparse is only needed
 * on click.) Text cells that a spreadsheet would run as a formula (starting = + - @, tab, CR:
 * agency names come from files) get a leading ' (papaparse's escapeFormulae); numbers, negative
 * ones too, stay numbers.
 */
import Papa from 'papaparse';
import type { TableView } from './view.ts';

export function tableToCsv(table: TableView): string {
  // A BOM so spreadsheet programs read the Chinese names as UTF-8.
  return '\uFEFF' + Papa.unparse({ fields: table.columns, data: table.rows.map((r) => r.map((v) => (v === null ? '' : v))) }, { newline: '\n', escapeFormulae: true });
}
