/**
 * The measures the dashboard derives (../shared/SPEC.md §4), each defined once here and used by
 * every page, CSV and embed. A rate whose denominator is 0 or unknown is null, never 0.
 * Functions take sums of fact columns so they serve one report and any aggregate alike.
 *
 * A rate also names its denominator (the n it rests on), which the site shows beside it, and the
 * one minimum-n rule (MIN_N) is decided here: a rate resting on fewer than MIN_N cases, and a
 * figure about agencies (peer quartiles, a province on the map) resting on fewer than MIN_N
 * agencies, is not shown as a value but as "too few".
 */
import type { Fact, FactNumberField } from './facts.ts';

export type Sums = Partial<Record<FactNumberField, number | null>>;

/** The one minimum-n rule: a rate needs at least MIN_N cases in its denominator, a statistic over agencies at least MIN_N agencies. */
export const MIN_N = 10;

/** What a count counts (its unit word on the page: 件, 次, 条, 人). */
export type Counted = 'applications' | 'visits' | 'posts' | 'people';

export function ratio(numerator: number | null | undefined, denominator: number | null | undefined): number | null {
  if (numerator == null || denominator == null || denominator === 0) return null;
  return numerator / denominator;
}

function add(...values: (number | null | undefined)[]): number | null {
  if (values.some((v) => v == null)) return null;
  return values.reduce<number>((a, v) => a + (v as number), 0);
}

const answered = (s: Sums) => s.total_processed_total ?? null;
/** Reconsiderations decided (upheld + corrected + other): the correction rate's denominator. */
const reviewDecided = (s: Sums) => add(s.review_upheld, s.review_corrected, s.review_other);
/** Lawsuits decided, both litigation groups together. */
const litigationDecided = (s: Sums) =>
  add(
    s.litigation_direct_upheld,
    s.litigation_direct_corrected,
    s.litigation_direct_other,
    s.litigation_after_review_upheld,
    s.litigation_after_review_corrected,
    s.litigation_after_review_other,
  );

export const MEASURES = {
  applications_received: {
    counted: 'applications',
    zh: '新收申请',
    en: 'Applications received',
    unit: 'count',
    definition: 'new.total',
    value: (s: Sums) => s.new_total ?? null,
  },
  workload: {
    counted: 'applications',
    zh: '办理总量（新收＋上年结转）',
    en: 'Workload (new + carried over)',
    unit: 'count',
    definition: 'new.total + carried_over.total',
    value: (s: Sums) => add(s.new_total, s.carried_over_total),
  },
  answered: {
    counted: 'applications',
    zh: '办结',
    en: 'Answered',
    unit: 'count',
    definition: 'total_processed.total',
    value: (s: Sums) => s.total_processed_total ?? null,
  },
  granted_share: {
    denominator: answered,
    zh: '予以公开占比',
    en: 'Granted in full',
    unit: 'share',
    definition: 'granted.total / answered',
    value: (s: Sums) => ratio(s.granted_total, s.total_processed_total),
  },
  partly_granted_share: {
    denominator: answered,
    zh: '部分公开占比',
    en: 'Granted in part',
    unit: 'share',
    definition: 'partly_granted.total / answered',
    value: (s: Sums) => ratio(s.partly_granted_total, s.total_processed_total),
  },
  refused_share: {
    denominator: answered,
    zh: '不予公开占比',
    en: 'Refused',
    unit: 'share',
    definition: 'sum of 不予公开 rows / answered',
    value: (s: Sums) => ratio(s.group_refused, s.total_processed_total),
  },
  unable_share: {
    denominator: answered,
    zh: '无法提供占比',
    en: 'Unable to provide',
    unit: 'share',
    definition: 'sum of 无法提供 rows / answered',
    value: (s: Sums) => ratio(s.group_unable, s.total_processed_total),
  },
  not_processed_share: {
    denominator: answered,
    zh: '不予处理占比',
    en: 'Not processed',
    unit: 'share',
    definition: 'sum of 不予处理 rows / answered',
    value: (s: Sums) => ratio(s.group_not_processed, s.total_processed_total),
  },
  other_share: {
    denominator: answered,
    zh: '其他处理占比',
    en: 'Other handling',
    unit: 'share',
    definition: 'sum of 其他处理 rows / answered',
    value: (s: Sums) => ratio(s.group_other, s.total_processed_total),
  },
  backlog_share: {
    denominator: (s: Sums) => add(s.new_total, s.carried_over_total),
    zh: '结转下年占比',
    en: 'Backlog share',
    unit: 'share',
    definition: 'carried_forward.total / workload',
    value: (s: Sums) => ratio(s.carried_forward_total, add(s.new_total, s.carried_over_total)),
  },
  review_rate: {
    denominator: answered,
    zh: '行政复议率（每百件办结）',
    en: 'Reconsiderations per 100 answered',
    unit: 'per100',
    definition: 'review.total per 100 answered',
    value: (s: Sums) => per100(s.review_total, s.total_processed_total),
  },
  review_correction_rate: {
    denominator: reviewDecided,
    zh: '复议纠错率',
    en: 'Reconsideration correction rate',
    unit: 'share',
    definition: 'review.corrected / (upheld + corrected + other)',
    value: (s: Sums) => ratio(s.review_corrected, reviewDecided(s)),
  },
  litigation_rate: {
    denominator: answered,
    zh: '行政诉讼率（每百件办结）',
    en: 'Lawsuits per 100 answered',
    unit: 'per100',
    definition: '(litigation_direct.total + litigation_after_review.total) per 100 answered',
    value: (s: Sums) =>
      per100(add(s.litigation_direct_total, s.litigation_after_review_total), s.total_processed_total),
  },
  litigation_correction_rate: {
    denominator: litigationDecided,
    zh: '诉讼纠错率',
    en: 'Litigation correction rate',
    unit: 'share',
    definition: 'corrected / decided, both litigation groups together',
    value: (s: Sums) =>
      ratio(add(s.litigation_direct_corrected, s.litigation_after_review_corrected), litigationDecided(s)),
  },
  website_visits: {
    counted: 'visits',
    zh: '网站访问量',
    en: 'Website visits',
    unit: 'count',
    definition: 'metrics.website_visits',
    value: (s: Sums) => s.website_visits ?? null,
  },
  website_posts: {
    counted: 'posts',
    zh: '网站发布信息',
    en: 'Website posts',
    unit: 'count',
    definition: 'metrics.website_posts',
    value: (s: Sums) => s.website_posts ?? null,
  },
  wechat_followers: {
    counted: 'people',
    zh: '微信公众号关注人数',
    en: 'WeChat followers',
    unit: 'count',
    definition: 'metrics.wechat_followers',
    value: (s: Sums) => s.wechat_followers ?? null,
  },
} as const satisfies Record<string, MeasureDef>;

interface MeasureDef {
  zh: string;
  en: string;
  unit: 'count' | 'share' | 'per100';
  definition: string;
  value: (s: Sums) => number | null;
  /** A rate's denominator: the n it rests on. */
  denominator?: (s: Sums) => number | null;
  /** A count's unit. */
  counted?: Counted;
}

export type MeasureKey = keyof typeof MEASURES;

/** The n a measure's value rests on: a rate's denominator; null for a count (it rests on its reports). */
export function denominatorOf(measure: MeasureKey, sums: Sums): number | null {
  const def: MeasureDef = MEASURES[measure];
  return def.denominator ? def.denominator(sums) : null;
}

/** What a count measure counts (applications unless it says otherwise). */
export function countedOf(measure: MeasureKey): Counted {
  const def: MeasureDef = MEASURES[measure];
  return def.counted ?? 'applications';
}

/** True when a rate rests on fewer than MIN_N cases (or an unknown number): it is not shown as a value. */
export function tooFew(measure: MeasureKey, sums: Sums): boolean {
  if (MEASURES[measure].unit === 'count') return false;
  const n = denominatorOf(measure, sums);
  return n === null || n < MIN_N;
}

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
