/**
 * The Content-Security-Policy every page carries (as a meta tag: static hosts cannot be relied on
 * for headers). Scripts and styles only from the site itself, never inline (astro.config.mjs keeps
 * Astro from inlining them) and no eval, except the one line below on the pages that need it,
 * allowed by its hash. ECharts sets element styles through the CSSOM, which style-src does not
 * restrict. Images may be data:/blob: URLs (chart downloads, charts drawn at build time).
 */
import { createHash } from 'node:crypto';

/**
 * Run in the head, before the body is parsed: marks the page when its address carries a query.
 * A chart drawn at build time shows the page's view without parameters, so a view named in the
 * URL must not show it even for a moment (site.css hides it; the live chart comes instead).
 */
export const VIEW_IN_URL_SCRIPT = "if(location.search.length>1)document.documentElement.classList.add('view-in-url')";

const hash = (script: string) => `'sha256-${createHash('sha256').update(script).digest('base64')}'`;

/**
 * The policy of a page; `drawnChart`: the page carries a chart drawn at build time, and runs
 * VIEW_IN_URL_SCRIPT. Scripts, styles, fonts, fetches and frames fall back to default-src
 * ('self'), so only what differs from it is written: every page carries the policy (300,000 of
 * them at 100,000 reports), and each directive spelt out again costs ~5 MB of the site.
 */
export const csp = (drawnChart: boolean) =>
  [
    "default-src 'self'",
    ...(drawnChart ? [`script-src 'self' ${hash(VIEW_IN_URL_SCRIPT)}`] : []),
    "img-src 'self' data: blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
