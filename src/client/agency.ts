/**
 * The agency page: each report's tables as read, checks, diagnostics and peers, drawn from its
 * record. The record lies in its shard file (data/reports/<shard>.jsonl), which the site serves
 * gzipped (.jsonl.gz, see src/integrations/host-fit.ts); the plain file is read where there is no
 * gzipped one (astro dev). A shard is fetched once for all the page's reports in it.
 */
import { dictionary } from '../i18n/index.ts';
import { PEER_MEASURES } from '../lib/charts/peers.ts';
import { decodePeers, recordInShard, recordViewHtml } from '../lib/nav/record-view.ts';
import { pageEnv } from './env.ts';

const env = pageEnv();
const d = dictionary(env.lang);

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

const shards = new Map<string, Promise<string>>();
for (const section of document.querySelectorAll<HTMLElement>('section[data-report]')) {
  const view = section.querySelector<HTMLElement>('[data-record-view]');
  const { report, shard } = section.dataset;
  if (!view || !report || !shard) continue;
  const text = shards.get(shard) ?? shards.set(shard, shardText(shard)).get(shard)!;
  text
    .then((t) => {
      const record = recordInShard(t, report);
      if (!record) throw new Error(`data/reports/${shard}.jsonl: no report ${report}`);
      view.innerHTML = recordViewHtml(record, env.lang, decodePeers(section.dataset.peers ?? '', PEER_MEASURES));
      view.dataset.state = 'ok';
      if (performance.getEntriesByName('record-view-drawn').length === 0) performance.mark('record-view-drawn');
    })
    .catch((e: unknown) => {
      const p = document.createElement('p');
      p.className = 'notice';
      p.textContent = `${d.agency.loadFailed}${e instanceof Error ? e.message : String(e)}`;
      view.replaceChildren(p);
      view.dataset.state = 'error';
    });
}
