// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { modulePreload } from './src/integrations/module-preload.mjs';
import { hostFit } from './src/integrations/host-fit.ts';
import { forwardPages } from './src/integrations/forward-pages.ts';

// The public address and base path are set here and nowhere else. Override with SITE_URL /
// BASE_PATH. SITE_URL gives the canonical and Open Graph addresses; embed code is built in the
// browser from the address a page is served from. Without SITE_URL those tags would name
// localhost: the build says so, loudly.
const DEFAULT_SITE = 'http://localhost:4321';
if (!process.env.SITE_URL && process.argv.includes('build')) {
  const line = '!'.repeat(78);
  console.warn(
    [
      '',
      line,
      `!!  SITE_URL is not set: canonical and Open Graph links will name ${DEFAULT_SITE}.`,
      '!!  Set it to the public address, e.g. SITE_URL=https://data.example.org npm run build',
      line,
      '',
    ].join('\n'),
  );
}

export default defineConfig({
  site: process.env.SITE_URL ?? DEFAULT_SITE,
  base: process.env.BASE_PATH ?? '/',
  // The folder served as the site's root files, dataset included (src/components/dataset.ts reads
  // it too): PUBLIC_DIR lets a test build the site from a dataset of its own.
  publicDir: process.env.PUBLIC_DIR ?? './public',
  trailingSlash: 'ignore',
  integrations: [
    // sitemap-index.xml (named by robots.txt) and its sitemaps, 45,000 addresses each: every page in
    // both languages, agency pages too, for search engines. Not the embeds (a chart for another
    // site's frame, whose view the compare page shows), nor files (data, downloads, the reports
    // as published), nor the forwarding pages of earlier addresses (written after the build).
    // Language alternates are in each page's head (hreflang): the integration's own would pair
    // every address with every other, too slow at 200,000 pages.
    sitemap({ filter: (page) => !/\/embed\/$|\.[a-z0-9]+$/i.test(page) }),
    // The pages that draw a chart name its code in their <head>, so it loads while the page lays out.
    modulePreload(['', 'compare/', 'embed/', 'regions/'].flatMap((p) => [p, `en/${p}`])),
    // Each agency's earlier addresses forward to its page: small pages written after the build
    // (from dist/data/agencies.json, before host-fit may gzip it).
    forwardPages(),
    // dist/data/ in the form hosts take: record shards gzipped, a file over 25 MiB zipped or gzipped only.
    hostFit(),
  ],
  i18n: {
    locales: ['zh', 'en'],
    defaultLocale: 'zh',
    routing: { prefixDefaultLocale: false },
  },
  // Every page carries a Content-Security-Policy allowing only same-origin scripts and styles:
  // so no script or stylesheet may be inlined into the HTML.
  build: { inlineStylesheets: 'never' },
  vite: { build: { assetsInlineLimit: 0 } },
});
