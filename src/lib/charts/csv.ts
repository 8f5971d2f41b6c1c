/**
 * CSV of exactly what a chart shows (its table view), and a file name that carries the filters,
 * so a saved file says what it holds.
 */
import Papa from 'papaparse';
import type { ChartState } from './state.ts';
import type { TableView } from './view.ts';

export function tableToCsv(table: TableView): string {
  // A BOM so spreadsheet programs read the Chinese names as UTF-8.
  return '\uFEFF' + Papa.unparse({ fields: table.columns, data: table.rows.map((r) => r.map((v) => (v === null ? '' : v))) }, { newline: '\n' });
}

/** Characters file systems refuse, and whitespace, become '-'. Chinese names are kept. */
function slug(value: string): string {
  return value.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
}

export function fileName(state: ChartState, extension: 'csv' | 'png' | 'svg'): string {
  const parts = ['gov-info-disclosure', state.measure];
  if (state.groupBy !== 'none') parts.push(`by-${state.groupBy}`);
  for (const [key, value] of Object.entries(state.filters)) if (value !== null) parts.push(`${key}-${value}`);
  if (state.from !== null || state.to !== null) parts.push(`${state.from ?? 'first'}-${state.to ?? 'last'}`);
  return `${parts.map(slug).filter(Boolean).join('_')}.${extension}`;
}
