/**
 * What the compare chart can show: every measure of src/lib/measures.ts (the one place rates are
 * defined), plus two breakdowns (the outcome mix and the reconsideration/litigation outcome mix),
 * sorted into the four families the dashboard offers. Also which fact columns each one reads.
 */
import type { FactNumberField } from '../facts.ts';
import { MEASURES, type MeasureKey, type Sums } from '../measures.ts';
import { OUTCOME_GROUPS, OUTCOME_ROWS } from '../template.ts';

export type MixKey = 'outcome_mix' | 'review_mix';
export type ChartMeasure = MeasureKey | MixKey;

export const FAMILIES = {
  volume: ['applications_received', 'workload', 'answered', 'backlog_share'],
  outcomes: [
    'outcome_mix',
    'granted_share',
    'partly_granted_share',
    'refused_share',
    'unable_share',
    'not_processed_share',
    'other_share',
  ],
  review: ['review_rate', 'review_correction_rate', 'litigation_rate', 'litigation_correction_rate', 'review_mix'],
  traffic: ['website_visits', 'website_posts', 'wechat_followers'],
} as const satisfies Record<string, readonly ChartMeasure[]>;
export type Family = keyof typeof FAMILIES;

export const CHART_MEASURES: readonly ChartMeasure[] = Object.values(FAMILIES).flat();

export function familyOf(measure: ChartMeasure): Family {
  for (const [family, list] of Object.entries(FAMILIES)) {
    if ((list as readonly string[]).includes(measure)) return family as Family;
  }
  throw new Error(`measure ${measure} is in no family`);
}

export function isMix(measure: ChartMeasure): measure is MixKey {
  return measure === 'outcome_mix' || measure === 'review_mix';
}

/** One part of a breakdown: the fact column it counts. */
export interface MixPart {
  key: string;
  field: FactNumberField;
}

const outcomeRows = OUTCOME_ROWS.filter((row) => !OUTCOME_GROUPS.other.includes(row));

/**
 * The outcome mix: every row of section 三's outcomes, except that 其他处理 appears as its group
 * total (the 2019 template has one row where the 2021 one has three: only the total compares).
 * The denominator is answered (total_processed).
 */
export const MIX_PARTS: Record<MixKey, { parts: MixPart[]; denominator: FactNumberField }> = {
  outcome_mix: {
    parts: [...outcomeRows.map((row) => ({ key: row, field: `${row}_total` as FactNumberField })), { key: 'other', field: 'group_other' }],
    denominator: 'total_processed_total',
  },
  review_mix: {
    parts: (['upheld', 'corrected', 'other', 'pending'] as const).map((c) => ({ key: c, field: `review_${c}` as FactNumberField })),
    denominator: 'review_total',
  },
};

/** Fact columns a measure reads, found by running its definition on a recording object. */
export function fieldsOf(measure: ChartMeasure): FactNumberField[] {
  if (isMix(measure)) {
    const { parts, denominator } = MIX_PARTS[measure];
    return [...parts.map((p) => p.field), denominator];
  }
  const read = new Set<FactNumberField>();
  const recorder = new Proxy({} as Sums, {
    get(_target, key) {
      if (typeof key === 'string') read.add(key as FactNumberField);
      return 1;
    },
  });
  MEASURES[measure].value(recorder);
  return [...read];
}

/** Measures touching 其他处理, where the two templates differ: the chart says so. */
export function touchesOtherHandling(measure: ChartMeasure): boolean {
  return measure === 'outcome_mix' || fieldsOf(measure).some((f) => f === 'group_other' || f.startsWith('other_'));
}
