// @ts-check
import { defineConfig } from 'astro/config';

// The public address and base path are set here and nowhere else: embed snippets
// and download links are built from them. Override with SITE_URL / BASE_PATH.
export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  base: process.env.BASE_PATH ?? '/',
  // The folder served as the site's root files, dataset included (src/components/dataset.ts reads
  // it too): PUBLIC_DIR lets a test build the site from a dataset of its own.
  publicDir: process.env.PUBLIC_DIR ?? './public',
  trailingSlash: 'ignore',
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
