/**
 * A text description of a chart for screen readers (and the aria label ECharts puts on the
 * canvas): what is shown, over which categories, and the highest and lowest values (with ≈ when a
 * figure is one the report gives as approximate), then the notes (like with like, the minimum-n rule …).
 */
import { formatValue } from './option.ts';
import type { ChartView } from './view.ts';

export interface DescribeWords {
  empty: string;
  summary(title: string, series: number, categories: number, first: string, last: string): string;
  extremes(high: string, low: string): string;
}

export function describe(view: ChartView, words: DescribeWords): string {
  if (view.empty) return `${view.title}. ${words.empty}`;
  const points: { label: string; value: number; approximate: boolean }[] = [];
  for (const s of view.series) {
    s.values.forEach((v, i) => {
      if (v !== null) points.push({ label: view.series.length > 1 ? `${s.name}, ${view.categories[i]}` : String(view.categories[i]), value: v, approximate: s.approximate?.[i] ?? false });
    });
  }
  const parts = [words.summary(view.title, view.series.length, view.categories.length, view.categories[0] ?? '', view.categories[view.categories.length - 1] ?? '')];
  if (points.length > 0) {
    const sorted = [...points].sort((a, b) => b.value - a.value);
    const fmt = (p: { label: string; value: number; approximate: boolean }) => `${p.label} ${p.approximate ? '≈' : ''}${formatValue(view.unit, p.value)}`;
    parts.push(words.extremes(fmt(sorted[0]!), fmt(sorted[sorted.length - 1]!)));
  }
  return [...parts, ...view.notes].join(' ');
}
