/**
 * Where a report stands among its peers: the reports of the same level and sector in the same
 * year (itself included). For each rate, the 25th, 50th and 75th percentile of the peers' values
 * (linear interpolation between order statistics) and how many peers gave a value: an arquero
 * rollup per (level, sector, year), each value from src/lib/measures.ts. The index is built once
 * per facts file, so a site of 100,000 agency pages does not rescan the facts per page.
 *
 * The minimum-n rule (src/lib/measures.ts): a peer's rate counts only when it rests on at least
 * MIN_N cases, and the quartiles are given only when at least MIN_N peers count (null below).
 */
import * as aq from 'arquero';
import type { FactsFile } from '../dataset/layout.ts';
import { factTable } from '../dataset/fact-table.ts';
import type { Fact } from '../facts.ts';
import { denominatorOf, MEASURES, MIN_N, tooFew, type MeasureKey, type Sums } from '../measures.ts';
import { fieldsOf } from './measures.ts';

/** A peer group's figures of one measure: what every report of the group shares. */
export interface PeerGroupStats {
  /** Peers whose value counts. */
  peers: number;
  /** Fewer than MIN_N peers count: the quartiles are null. */
  tooFew: boolean;
  p25: number | null;
  p50: number | null;
  p75: number | null;
}

export interface PeerStats extends PeerGroupStats {
  measure: MeasureKey;
  /** The report's own value (whatever its denominator). */
  value: number | null;
  /** Its denominator: what its value rests on. */
  n: number | null;
}

type Self = Pick<Fact, 'id' | 'level' | 'sector' | 'year'>;
const peerKey = (level: unknown, sector: unknown, year: unknown) => `${level}|${sector}|${year}`;

export interface PeerIndex {
  /** The measures of every group's and report's figures, in this order. */
  readonly measures: readonly MeasureKey[];
  /** The key of a report's peer group, `level|sector|year`, or null when it has none. */
  groupOf(self: Self): string | null;
  /** Every peer group's figures, one a measure in the order of `measures`, by group key. */
  groups(): ReadonlyMap<string, readonly PeerGroupStats[]>;
  /** A report's own value and denominator and its group's figures, a measure each. */
  stats(self: Self): PeerStats[];
}

/** A peer group's count and quartiles of one measure, as the rollup names them. */
const [COUNT, P25, P50, P75] = ['count', 'p25', 'p50', 'p75'].map((s) => (m: MeasureKey) => `${s}_${m}`) as [(m: MeasureKey) => string, (m: MeasureKey) => string, (m: MeasureKey) => string, (m: MeasureKey) => string];

export function peerIndex(facts: FactsFile, measures: readonly MeasureKey[]): PeerIndex {
  const fields = [...new Set(measures.flatMap((m) => fieldsOf(m)))];
  const reports = factTable(facts.columns, ['id', 'level', 'sector', 'year', ...fields], facts.count)
    .filter('d.level != null && d.sector != null && d.year != null')
    .reify();
  // Each measure's value as a peer: null where the report gives none or its rate rests on fewer than MIN_N cases.
  const peerValues = Object.fromEntries(
    measures.map((m) => {
      const def = MEASURES[m];
      const counted = (d: Sums) => {
        const v = def.value(d);
        return v !== null && Number.isFinite(v) && !tooFew(m, d) ? v : null;
      };
      return [m, reports.select(fieldsOf(m)).derive({ v: aq.escape(counted) }).array('v')];
    }),
  );
  const groups = reports
    .select('level', 'sector', 'year')
    .assign(peerValues)
    .groupby('level', 'sector', 'year')
    .rollup(Object.fromEntries(measures.flatMap((m) => [[COUNT(m), `op.valid(d.${m})`], [P25(m), `op.quantile(d.${m}, 0.25)`], [P50(m), `op.median(d.${m})`], [P75(m), `op.quantile(d.${m}, 0.75)`]])));
  // Each group's figures per measure, in the order of `measures`.
  const byKey = new Map<string, readonly PeerGroupStats[]>(
    (groups.objects() as Record<string, string | number | null>[]).map((g) => [
      peerKey(g.level, g.sector, g.year),
      measures.map((m) => {
        const peers = (g[COUNT(m)] ?? 0) as number;
        const few = peers < MIN_N;
        return { peers, tooFew: few, p25: few ? null : (g[P25(m)] as number), p50: few ? null : (g[P50(m)] as number), p75: few ? null : (g[P75(m)] as number) };
      }),
    ]),
  );
  const noPeers: PeerGroupStats = { peers: 0, tooFew: true, p25: null, p50: null, p75: null };
  const groupOf = (self: Self) => {
    const key = self.level && self.sector && self.year !== null ? peerKey(self.level, self.sector, self.year) : null;
    return key !== null && byKey.has(key) ? key : null;
  };
  // A report's own value is read from its row (the last row of its id, as a map of ids would keep).
  const rowOf = new Map(Array.from(reports.array('id') as ArrayLike<string | number | null>, (id, row) => [String(id), row]));
  return {
    measures,
    groupOf,
    groups: () => byKey,
    stats(self) {
      const key = groupOf(self);
      const group = key === null ? undefined : byKey.get(key);
      const row = rowOf.get(String(self.id));
      const sums = row === undefined ? undefined : (reports.object(row) as Sums);
      return measures.map((measure, k) => {
        const value = sums ? MEASURES[measure].value(sums) : null;
        return { measure, value: value !== null && Number.isFinite(value) ? value : null, n: sums ? denominatorOf(measure, sums) : null, ...(group?.[k] ?? noPeers) };
      });
    },
  };
}

export const PEER_MEASURES: readonly MeasureKey[] = (Object.keys(MEASURES) as MeasureKey[]).filter((m) => MEASURES[m].unit !== 'count');
