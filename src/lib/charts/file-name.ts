/** Download file names that carry the chart's state, so a saved file says what it holds. */
import type { ChartState } from './state.ts';

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
