// @ts-check
import { defineConfig } from 'astro/config';

// The public address and base path are set here and nowhere else: embed snippets
// and download links are built from them. Override with SITE_URL / BASE_PATH.
export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  base: process.env.BASE_PATH ?? '/',
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
