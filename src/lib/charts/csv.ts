/** CSV of exactly what a chart shows: its table view. (Loaded on demand: papaparse is only needed on click.) */
import Papa from 'papaparse';
import type { TableView } from './view.ts';

export function tableToCsv(table: TableView): string {
  // A BOM so spreadsheet programs read the Chinese names as UTF-8.
  return '\uFEFF' + Papa.unparse({ fields: table.columns, data: table.rows.map((r) => r.map((v) => (v === null ? '' : v))) }, { newline: '\n' });
}
