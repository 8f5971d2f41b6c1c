/**
 * Where a report stands among its peers: reports of the same level and sector, same year. For
 * each rate, the 25th, 50th and 75th percentile of the peers' values (linear interpolation
 * between order statistics), and how many peers gave a value.
 */
import type { FactsFile } from '../dataset/layout.ts';
import type { Fact } from '../facts.ts';
import { MEASURES, type MeasureKey, type Sums } from '../measures.ts';

export interface PeerStats {
  measure: MeasureKey;
  value: number | null;
  peers: number;
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

export function peerStats(facts: FactsFile, self: Pick<Fact, 'id' | 'level' | 'sector' | 'year'>, measures: readonly MeasureKey[]): PeerStats[] {
  const col = (name: string) => facts.columns[name] ?? [];
  const [ids, levels, sectors, years] = [col('id'), col('level'), col('sector'), col('year')];
  const peerRows: Sums[] = [];
  let own: Sums | null = null;
  for (let i = 0; i < facts.count; i++) {
    if (ids[i] === self.id) own = row(facts, i);
    else if (self.level !== null && self.sector !== null && levels[i] === self.level && sectors[i] === self.sector && years[i] === self.year) peerRows.push(row(facts, i));
  }
  return measures.map((measure) => {
    const values = peerRows.map((r) => MEASURES[measure].value(r)).filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
    return { measure, value: own ? MEASURES[measure].value(own) : null, peers: values.length, p25: quantile(values, 0.25), p50: quantile(values, 0.5), p75: quantile(values, 0.75) };
  });
}

export const PEER_MEASURES: readonly MeasureKey[] = (Object.keys(MEASURES) as MeasureKey[]).filter((m) => MEASURES[m].unit !== 'count');
