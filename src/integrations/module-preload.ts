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
import type { AstroIntegration } from 'astro';

const IMPORT = /^\s*import\s*(?:[^'";]*?from\s*)?["']([^"']+)["']\s*;?/;

/** The modules a built ES module imports statically: its leading `import … from "…"` and `import "…"` statements (as Rollup writes them). */
export function staticImports(code: string): string[] {
  const found: string[] = [];
  let rest = code;
  for (let m = IMPORT.exec(rest); m; m = IMPORT.exec(rest)) {
    found.push(m[1] as string);
    rest = rest.slice(m[0].length);
  }
  return found;
}

/** The page's HTML with a modulepreload link for each module its module scripts import (transitively), read from the built files. */
export function withModulePreloads(html: string, readModule: (url: string) => string | null): string {
  const entries = [...html.matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => m[1] as string);
  const seen = new Set<string>(entries);
  const preload: string[] = [];
  const queue = [...entries];
  while (queue.length > 0) {
    const url = queue.shift() as string;
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
export function modulePreload(pages: readonly string[]): AstroIntegration {
  let base = '/';
  return {
    name: 'module-preload',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': ({ dir }) => {
        const root = fileURLToPath(dir);
        const readModule = (url: string) => {
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
