/**
 * Where a report stands among its peers, as the agency page carries it: what a whole peer group
 * shares (its count and quartiles per measure) is served once for the site in `data/peers.json`,
 * and each report's section carries only its own figures and its group's key.
 *
 * - Section (src/pages/[...lang]/agency/[slug].astro): `data-peer-group="level|sector|year"` and
 *   `data-peers`, one `value,n` a measure in the order of the file's `measures`, `;` between, empty
 *   for null, values to 4 decimals; `,n` left out where n is the measure before's (most rates share
 *   a denominator): `0.0147,1499;0.0053;0.3856;…;,0;…`. A report in no peer group carries neither.
 * - File (PeerGroupFile, src/pages/data/peers.json.ts): the dataset's version, the measures, and per
 *   group key one `[peers, p25, p50, p75]` a measure (quartiles null below MIN_N peers), to 4 decimals.
 *
 * joinPeers puts the two back together into the rows the record view draws, or says why it cannot:
 * a file of another dataset version or other measures, a group the file does not hold.
 */
import type { PeerIndex, PeerStats } from '../charts/peers.ts';
import type { MeasureKey } from '../measures.ts';
import type { PeerRow } from './record-view.ts';

/** The peer-group file, under data/ on the site. */
export const PEER_GROUP_FILE = 'peers.json';

/** One measure of one peer group: peers that count, then the quartiles (null when too few). */
export type PeerGroupFigures = [peers: number, p25: number | null, p50: number | null, p75: number | null];

export interface PeerGroupFile {
  /** The dataset version the pages print (versionLabel): a page joins only a file of its own version. */
  version: string;
  measures: MeasureKey[];
  /** By group key `level|sector|year`: one entry a measure, in the order of `measures`. */
  groups: Record<string, PeerGroupFigures[]>;
}

const round = (v: number | null) => (v === null ? null : Math.round(v * 1e4) / 1e4);
const text = (v: number | null) => (v === null ? '' : String(v));
const number = (t: string | undefined) => (t === undefined || t === '' ? null : Number(t));

/** Every peer group of the index, as the site serves it once. */
export function peerGroupFile(index: PeerIndex, version: string): PeerGroupFile {
  const groups: Record<string, PeerGroupFigures[]> = {};
  for (const [key, stats] of index.groups()) groups[key] = stats.map((s) => [s.peers, round(s.p25), round(s.p50), round(s.p75)]);
  return { version, measures: [...index.measures], groups };
}

/** A report's own figures as its section carries them (data-peers): `value,n` a measure, `;` between, n left out when the measure before's. */
export function encodeOwnPeers(stats: readonly PeerStats[]): string {
  return stats.map((s, i) => (i > 0 && s.n === stats[i - 1]!.n ? text(round(s.value)) : `${text(round(s.value))},${text(s.n)}`)).join(';');
}

/**
 * A section's own figures (data-peers) joined with its group's (data-peer-group) from the file: the
 * rows the record view draws, for `measures` (the page's, which the file must list in the same order).
 * Throws, naming what is wrong, rather than join figures that do not belong together.
 */
export function joinPeers(own: string, group: string, file: PeerGroupFile, measures: readonly MeasureKey[], version: string): PeerRow[] {
  if (file.version !== version) throw new Error(`${PEER_GROUP_FILE} is of dataset ${file.version}, this page of ${version}`);
  if (file.measures.join() !== measures.join()) throw new Error(`${PEER_GROUP_FILE} lists the measures ${file.measures.join(', ')}; this page reads ${measures.join(', ')}`);
  const figures = file.groups[group];
  if (!figures) throw new Error(`${PEER_GROUP_FILE} has no peer group ${group}`);
  const parts = own.split(';');
  if (parts.length !== measures.length || figures.length !== measures.length) throw new Error(`peer group ${group}: ${parts.length} figures of the report and ${figures.length} of the group for ${measures.length} measures`);
  let n: number | null = null;
  return measures.map((measure, i): PeerRow => {
    const [value, ownN] = parts[i]!.split(',');
    if (ownN !== undefined) n = number(ownN);
    const [peers, p25, p50, p75] = figures[i]!;
    return [measure, number(value), n, peers, p25, p50, p75];
  });
}
