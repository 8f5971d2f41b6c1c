/** The images of the views a link may name (components/view-images.ts), one file per view, width and theme. */
import type { APIRoute } from 'astro';
import { readFacts, readVersion } from '../../../components/dataset.ts';
import { drawnRoot } from '../../../components/drawn-chart.ts';
import { viewImages } from '../../../components/view-images.ts';
import { versionLabel } from '../../../lib/nav/version.ts';

export function getStaticPaths() {
  const site = import.meta.env.SITE ? new URL(import.meta.env.SITE) : undefined;
  const { files } = viewImages(readFacts(), versionLabel(readVersion()), drawnRoot(site, import.meta.env.BASE_URL));
  return files.map(({ lang, name, svg }) => ({ params: { lang: lang === 'zh' ? undefined : lang, image: name.replace(/\.svg$/, '') }, props: { svg } }));
}

export const GET: APIRoute = ({ props }) => new Response((props as { svg: string }).svg, { headers: { 'Content-Type': 'image/svg+xml' } });
