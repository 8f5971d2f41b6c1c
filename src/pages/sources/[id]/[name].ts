/**
 * The original file of every report, served by the site as read (bytes unchanged): the agency
 * page links here (src/lib/nav/sources.ts names the path). Only files still on disk with the
 * sha256 the record gives are served; the page says so when the file is gone or changed.
 */
import type { APIRoute } from 'astro';
import { readFileSync } from 'node:fs';
import { readRecordSources, servedSource } from '../../../components/dataset.ts';
import { sourcePath } from '../../../lib/nav/sources.ts';

export function getStaticPaths() {
  return [...readRecordSources().values()].flatMap((r) => {
    const path = servedSource(r);
    if (!path) return [];
    const name = sourcePath(r).split('/').pop() as string;
    return [{ params: { id: r.id, name }, props: { path } }];
  });
}

export const GET: APIRoute = ({ props }) => new Response(readFileSync((props as { path: string }).path));
