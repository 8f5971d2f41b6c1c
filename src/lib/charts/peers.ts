/**
 * Where a report stands among its peers: the reports of the same level and sector in the same
 * year (itself included). For each rate, the 25th, 50th and 75th percentile of the peers' values
 * (linear interpolation between order statistics) and how many peers gave a value. The index is
 * built once per facts file, so a site of 100,000 agency pages does not rescan the facts per page.
 *
 * The minimum-n rule (src/lib/measures.ts): a peer's rate counts only when it rests on at least
 * MIN_N cases, and the quartiles are given only when at least MIN_N peers count (null below).
 */
import type { FactsFile } from '../dataset/layout.ts';
import type { Fact } from '../facts.ts';
import { denominatorOf, MEASURES, MIN_N, tooFew, type MeasureKey, type Sums } from '../measures.ts';

export interface PeerStats {
  measure: MeasureKey;
  /** The report's own value (whatever its denominator). */
  value: number | null;
  /** Its denominator: what its value rests on. */
  n: number | null;
  /** Peers whose value counts (itself included when its own does). */
  peers: number;
  /** Fewer than MIN_N peers count: the quartiles are null. */
  tooFew: boolean;
  p25: number | null;
  p50: number | null;
  p75: number | null;
}

export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (pos - lo);
}

function row(facts: FactsFile, i: number): Sums {
  const out: Record<string, unknown> = {};
  for (const [k, col] of Object.entries(facts.columns)) out[k] = col[i];
  return out as Sums;
}

type Self = Pick<Fact, 'id' | 'level' | 'sector' | 'year'>;
const peerKey = (level: unknown, sector: unknown, year: unknown) => `${level}|${sector}|${year}`;

export interface PeerIndex {
  stats(self: Self): PeerStats[];
}

export function peerIndex(facts: FactsFile, measures: readonly MeasureKey[]): PeerIndex {
  const col = (name: string) => facts.columns[name] ?? [];
  const [ids, levels, sectors, years] = [col('id'), col('level'), col('sector'), col('year')];
  const values = new Map<string, Map<MeasureKey, number[]>>();
  const own = new Map<string, Map<MeasureKey, { value: number | null; n: number | null }>>();
  for (let i = 0; i < facts.count; i++) {
    if (levels[i] == null || sectors[i] == null || years[i] == null) continue;
    const key = peerKey(levels[i], sectors[i], years[i]);
    const sums = row(facts, i);
    const group = values.get(key) ?? values.set(key, new Map()).get(key)!;
    const mine = new Map<MeasureKey, { value: number | null; n: number | null }>();
    for (const m of measures) {
      const v = MEASURES[m].value(sums);
      const ok = v !== null && Number.isFinite(v);
      mine.set(m, { value: ok ? v : null, n: denominatorOf(m, sums) });
      if (ok && !tooFew(m, sums)) (group.get(m) ?? group.set(m, []).get(m)!).push(v);
    }
    own.set(String(ids[i]), mine);
  }
  for (const group of values.values()) for (const list of group.values()) list.sort((a, b) => a - b);
  return {
    stats(self) {
      const group = self.level && self.sector && self.year !== null ? values.get(peerKey(self.level, self.sector, self.year)) : undefined;
      return measures.map((measure) => {
        const sorted = group?.get(measure) ?? [];
        const mine = own.get(String(self.id))?.get(measure);
        const few = sorted.length < MIN_N;
        return {
          measure,
          value: mine?.value ?? null,
          n: mine?.n ?? null,
          peers: sorted.length,
          tooFew: few,
          p25: few ? null : quantile(sorted, 0.25),
          p50: few ? null : quantile(sorted, 0.5),
          p75: few ? null : quantile(sorted, 0.75),
        };
      });
    },
  };
}

export const PEER_MEASURES: readonly MeasureKey[] = (Object.keys(MEASURES) as MeasureKey[]).filter((m) => MEASURES[m].unit !== 'count');
