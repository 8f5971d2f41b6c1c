/**
 * The measures the dashboard derives (../shared/SPEC.md §4), each defined once here and used by
 * every page, CSV and embed. A rate whose denominator is 0 or unknown is null, never 0.
 * Functions take sums of fact columns so they serve one report and any aggregate alike.
 */
import type { Fact, FactNumberField } from './facts.ts';

export type Sums = Partial<Record<FactNumberField, number | null>>;

export function ratio(numerator: number | null | undefined, denominator: number | null | undefined): number | null {
  if (numerator == null || denominator == null || denominator === 0) return null;
  return numerator / denominator;
}

function add(...values: (number | null | undefined)[]): number | null {
  if (values.some((v) => v == null)) return null;
  return values.reduce<number>((a, v) => a + (v as number), 0);
}

export const MEASURES = {
  applications_received: {
    zh: '新收申请',
    en: 'Applications received',
    unit: 'count',
    definition: 'new.total',
    value: (s: Sums) => s.new_total ?? null,
  },
  workload: {
    zh: '办理总量（新收＋上年结转）',
    en: 'Workload (new + carried over)',
    unit: 'count',
    definition: 'new.total + carried_over.total',
    value: (s: Sums) => add(s.new_total, s.carried_over_total),
  },
  answered: {
    zh: '办结',
    en: 'Answered',
    unit: 'count',
    definition: 'total_processed.total',
    value: (s: Sums) => s.total_processed_total ?? null,
  },
  granted_share: {
    zh: '予以公开占比',
    en: 'Granted in full',
    unit: 'share',
    definition: 'granted.total / answered',
    value: (s: Sums) => ratio(s.granted_total, s.total_processed_total),
  },
  partly_granted_share: {
    zh: '部分公开占比',
    en: 'Granted in part',
    unit: 'share',
    definition: 'partly_granted.total / answered',
    value: (s: Sums) => ratio(s.partly_granted_total, s.total_processed_total),
  },
  refused_share: {
    zh: '不予公开占比',
    en: 'Refused',
    unit: 'share',
    definition: 'sum of 不予公开 rows / answered',
    value: (s: Sums) => ratio(s.group_refused, s.total_processed_total),
  },
  unable_share: {
    zh: '无法提供占比',
    en: 'Unable to provide',
    unit: 'share',
    definition: 'sum of 无法提供 rows / answered',
    value: (s: Sums) => ratio(s.group_unable, s.total_processed_total),
  },
  not_processed_share: {
    zh: '不予处理占比',
    en: 'Not processed',
    unit: 'share',
    definition: 'sum of 不予处理 rows / answered',
    value: (s: Sums) => ratio(s.group_not_processed, s.total_processed_total),
  },
  other_share: {
    zh: '其他处理占比',
    en: 'Other handling',
    unit: 'share',
    definition: 'sum of 其他处理 rows / answered',
    value: (s: Sums) => ratio(s.group_other, s.total_processed_total),
  },
  backlog_share: {
    zh: '结转下年占比',
    en: 'Backlog share',
    unit: 'share',
    definition: 'carried_forward.total / workload',
    value: (s: Sums) => ratio(s.carried_forward_total, add(s.new_total, s.carried_over_total)),
  },
  review_rate: {
    zh: '行政复议率（每百件办结）',
    en: 'Reconsiderations per 100 answered',
    unit: 'per100',
    definition: 'review.total per 100 answered',
    value: (s: Sums) => per100(s.review_total, s.total_processed_total),
  },
  review_correction_rate: {
    zh: '复议纠错率',
    en: 'Reconsideration correction rate',
    unit: 'share',
    definition: 'review.corrected / (upheld + corrected + other)',
    value: (s: Sums) => ratio(s.review_corrected, add(s.review_upheld, s.review_corrected, s.review_other)),
  },
  litigation_rate: {
    zh: '行政诉讼率（每百件办结）',
    en: 'Lawsuits per 100 answered',
    unit: 'per100',
    definition: '(litigation_direct.total + litigation_after_review.total) per 100 answered',
    value: (s: Sums) =>
      per100(add(s.litigation_direct_total, s.litigation_after_review_total), s.total_processed_total),
  },
  litigation_correction_rate: {
    zh: '诉讼纠错率',
    en: 'Litigation correction rate',
    unit: 'share',
    definition: 'corrected / decided, both litigation groups together',
    value: (s: Sums) =>
      ratio(
        add(s.litigation_direct_corrected, s.litigation_after_review_corrected),
        add(
          s.litigation_direct_upheld,
          s.litigation_direct_corrected,
          s.litigation_direct_other,
          s.litigation_after_review_upheld,
          s.litigation_after_review_corrected,
          s.litigation_after_review_other,
        ),
      ),
  },
  website_visits: {
    zh: '网站访问量',
    en: 'Website visits',
    unit: 'count',
    definition: 'metrics.website_visits',
    value: (s: Sums) => s.website_visits ?? null,
  },
  website_posts: {
    zh: '网站发布信息',
    en: 'Website posts',
    unit: 'count',
    definition: 'metrics.website_posts',
    value: (s: Sums) => s.website_posts ?? null,
  },
  wechat_followers: {
    zh: '微信公众号关注人数',
    en: 'WeChat followers',
    unit: 'count',
    definition: 'metrics.wechat_followers',
    value: (s: Sums) => s.wechat_followers ?? null,
  },
} as const satisfies Record<
  string,
  { zh: string; en: string; unit: 'count' | 'share' | 'per100'; definition: string; value: (s: Sums) => number | null }
>;

export type MeasureKey = keyof typeof MEASURES;

function per100(n: number | null | undefined, d: number | null | undefined): number | null {
  const r = ratio(n, d);
  return r === null ? null : r * 100;
}

/** Sum numeric fact columns over several reports; a column is null if no report gives it. */
export function sumFacts(facts: readonly Fact[], fields: readonly FactNumberField[]): Sums {
  const out: Sums = {};
  for (const f of fields) {
    let total: number | null = null;
    for (const fact of facts) {
      const v = fact[f];
      if (v != null) total = (total ?? 0) + v;
    }
    out[f] = total;
  }
  return out;
}
