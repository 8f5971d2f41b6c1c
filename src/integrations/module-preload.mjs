/**
 * After `astro build`: on the pages given (those that draw a chart), a `<link rel="modulepreload">`
 * for every module their scripts import, directly or not. Without it the browser learns of the
 * chart code (ECharts, the largest file) only once the page's own small script has come and been
 * parsed, which waits behind the page's layout; with it, the chart code is fetched and compiled
 * while the page lays out. Pages are listed, not searched for, so a site of 200,000 agency pages
 * costs no more to build.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

const IMPORT = /^\s*import\s*(?:[^'";]*?from\s*)?["']([^"']+)["']\s*;?/;

/** The modules a built ES module imports statically: its leading `import … from "…"` and `import "…"` statements (as Rollup writes them). */
/** @param {string} code @returns {string[]} */
export function staticImports(code) {
  /** @type {string[]} */
  const found = [];
  let rest = code;
  for (let m = IMPORT.exec(rest); m; m = IMPORT.exec(rest)) {
    found.push(/** @type {string} */ (m[1]));
    rest = rest.slice(m[0].length);
  }
  return found;
}

/** The page's HTML with a modulepreload link for each module its module scripts import (transitively), read from the built files. */
/** @param {string} html @param {(url: string) => string | null} readModule @returns {string} */
export function withModulePreloads(html, readModule) {
  const entries = [...html.matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => /** @type {string} */ (m[1]));
  const seen = new Set(entries);
  /** @type {string[]} */
  const preload = [];
  const queue = [...entries];
  while (queue.length > 0) {
    const url = /** @type {string} */ (queue.shift());
    const code = readModule(url);
    if (code === null) continue;
    for (const spec of staticImports(code)) {
      if (!spec.startsWith('.')) continue;
      const dep = posix.join(posix.dirname(url), spec);
      if (seen.has(dep)) continue;
      seen.add(dep);
      preload.push(dep);
      queue.push(dep);
    }
  }
  if (preload.length === 0) return html;
  return html.replace('</head>', `${preload.map((u) => `<link rel="modulepreload" href="${u}">`).join('')}</head>`);
}

/** `pages`: routes under the base path, e.g. `['', 'compare/', 'en/']`. */
/** @param {readonly string[]} pages @returns {import('astro').AstroIntegration} */
export function modulePreload(pages) {
  let base = '/';
  return {
    name: 'module-preload',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': ({ dir }) => {
        const root = fileURLToPath(dir);
        /** @param {string} url */
    const readModule = (url) => {
          const path = join(root, url.startsWith(base) ? url.slice(base.length) : url);
          return existsSync(path) ? readFileSync(path, 'utf8') : null;
        };
        for (const page of pages) {
          const path = join(root, page, 'index.html');
          if (!existsSync(path)) continue;
          const html = readFileSync(path, 'utf8');
          const next = withModulePreloads(html, readModule);
          if (next !== html) writeFileSync(path, next);
        }
      },
    },
  };
}
