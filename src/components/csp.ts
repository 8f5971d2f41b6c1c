/**
 * The Content-Security-Policy every page carries (as a meta tag: static hosts cannot be relied on
 * for headers). Scripts and styles only from the site itself, never inline (astro.config.mjs keeps
 * Astro from inlining them) and no eval. ECharts sets element styles through the CSSOM, which
 * style-src does not restrict. Images may be data:/blob: URLs (chart downloads).
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
