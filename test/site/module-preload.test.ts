/** The chart pages' modulepreload links: every module their scripts import, directly or through another, once each. */
import { describe, expect, it } from 'vitest';
import { staticImports, withModulePreloads } from '../../src/integrations/module-preload.mjs';

describe('module preload', () => {
  it('reads the leading static imports of a built module, not dynamic imports or strings further on', () => {
    const code = 'import"./line-bar.D9.js";import{h as p}from"./history.Dx.js";import * as e from "./echarts.js";\nconst x=import("./tooltip.js");const s="import\\"./no.js\\"";';
    expect(staticImports(code)).toEqual(['./line-bar.D9.js', './history.Dx.js', './echarts.js']);
  });

  it('adds a link for each module imported, transitively, under the base path, before </head>', () => {
    const files: Record<string, string> = {
      '/tp/_astro/page.js': 'import"./a.js";import{x}from"./b.js";run();',
      '/tp/_astro/a.js': 'import{y}from"./c.js";',
      '/tp/_astro/b.js': 'import"./c.js";export const x=1;',
      '/tp/_astro/c.js': 'export const y=2;',
      '/tp/_astro/base.js': 'import"./c.js";',
    };
    const html = '<html><head><title>t</title><script type="module" src="/tp/_astro/base.js"></script><script type="module" src="/tp/_astro/page.js"></script></head><body></body></html>';
    const out = withModulePreloads(html, (url) => files[url] ?? null);
    expect([...out.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1])).toEqual(['/tp/_astro/c.js', '/tp/_astro/a.js', '/tp/_astro/b.js']);
    expect(out.indexOf('modulepreload')).toBeLessThan(out.indexOf('</head>'));
    expect(withModulePreloads('<html><head></head><body>no scripts</body></html>', () => null)).toBe('<html><head></head><body>no scripts</body></html>');
  });
});
