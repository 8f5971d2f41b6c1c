/**
 * The agency page: each report's tables as read, checks, diagnostics and peers, drawn from its
 * record. The record lies in its shard file (data/reports/<shard>.jsonl), which the site serves
 * gzipped (.jsonl.gz, see src/integrations/host-fit.ts); the plain file is read where there is no
 * gzipped one (astro dev). A shard is fetched once for all the page's reports in it. Where a report
 * stands among its peers is its section's own figures joined with its peer group's, from
 * data/peers.json (fetched once, when a section names a group; src/lib/nav/peer-figures.ts): if
 * that file cannot be read or joined, the view is drawn without the peers and says so.
 */
import { dictionary } from '../i18n/index.ts';
import { PEER_MEASURES } from '../lib/charts/peers.ts';
import { joinPeers, PEER_GROUP_FILE, type PeerGroupFile } from '../lib/nav/peer-figures.ts';
import { recordInShard, recordViewHtml, type PeerRow } from '../lib/nav/record-view.ts';
import { fetchData, pageEnv } from './env.ts';

const env = pageEnv();
const d = dictionary(env.lang);
const version = document.documentElement.dataset.version ?? '';

async function gunzip(bytes: ArrayBuffer): Promise<string> {
  const head = new Uint8Array(bytes, 0, Math.min(2, bytes.byteLength));
  // A host may have decoded it already (Content-Encoding: gzip): then it is plain text.
  if (head[0] !== 0x1f || head[1] !== 0x8b) return new TextDecoder().decode(bytes);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}

async function shardText(shard: string): Promise<string> {
  const gz = await fetch(`${env.base}data/reports/${shard}.jsonl.gz`);
  if (gz.ok) return gunzip(await gz.arrayBuffer());
  const plain = await fetch(`${env.base}data/reports/${shard}.jsonl`);
  if (!plain.ok) throw new Error(`data/reports/${shard}.jsonl(.gz): HTTP ${gz.status}, ${plain.status}`);
  return plain.text();
}

/** A section's peer rows, or why they cannot be shown (a report in no peer group has none, and nothing to say). */
type Peers = { rows: PeerRow[]; failed?: string };
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

function notice(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.className = 'notice';
  p.textContent = text;
  return p;
}

const sections = [...document.querySelectorAll<HTMLElement>('section[data-report]')];
// The version in the address: a cached file of an earlier dataset is not taken for this one's.
const groupFile = sections.some((s) => s.dataset.peerGroup) ? fetchData<PeerGroupFile>(env, `${PEER_GROUP_FILE}?v=${encodeURIComponent(version)}`) : null;
const shards = new Map<string, Promise<string>>();
for (const section of sections) {
  const view = section.querySelector<HTMLElement>('[data-record-view]');
  const { report, shard, peerGroup, peers: own } = section.dataset;
  if (!view || !report || !shard) continue;
  const text = shards.get(shard) ?? shards.set(shard, shardText(shard)).get(shard)!;
  const peers: Promise<Peers> =
    groupFile && peerGroup
      ? groupFile.then((file) => ({ rows: joinPeers(own ?? '', peerGroup, file, PEER_MEASURES, version) })).catch((e: unknown) => ({ rows: [], failed: message(e) }))
      : Promise.resolve({ rows: [] });
  Promise.all([text, peers])
    .then(([t, { rows, failed }]) => {
      const record = recordInShard(t, report);
      if (!record) throw new Error(`data/reports/${shard}.jsonl: no report ${report}`);
      view.innerHTML = recordViewHtml(record, env.lang, rows);
      if (failed !== undefined) {
        const p = notice(`${d.agency.peersFailed}${failed}`);
        p.dataset.peersFailed = '';
        view.append(p);
      }
      view.dataset.state = 'ok';
      if (performance.getEntriesByName('record-view-drawn').length === 0) performance.mark('record-view-drawn');
    })
    .catch((e: unknown) => {
      view.replaceChildren(notice(`${d.agency.loadFailed}${message(e)}`));
      view.dataset.state = 'error';
    });
}
