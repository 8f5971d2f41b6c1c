/** Every peer group's count and quartiles per measure, served once for all agency pages (src/lib/nav/peer-figures.ts). */
import type { APIRoute } from 'astro';
import { readPeerIndex, readVersion } from '../../components/dataset.ts';
import { peerGroupFile } from '../../lib/nav/peer-figures.ts';
import { versionLabel } from '../../lib/nav/version.ts';

export const GET: APIRoute = () => new Response(JSON.stringify(peerGroupFile(readPeerIndex(), versionLabel(readVersion()))), { headers: { 'Content-Type': 'application/json' } });
