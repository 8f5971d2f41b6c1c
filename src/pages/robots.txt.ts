/** robots.txt: every page may be crawled; the sitemap index (astro.config.mjs) lists them. */
import type { APIRoute } from 'astro';

export const GET: APIRoute = ({ site }) => {
  const index = new URL(`${import.meta.env.BASE_URL.replace(/\/?$/, '/')}sitemap-index.xml`, site).href;
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${index}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
