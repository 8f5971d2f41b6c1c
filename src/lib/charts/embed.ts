/**
 * The embed snippet: an <iframe> pointing at the /embed/ page with the same chart state, with
 * an absolute URL built from the site's address and base path (astro.config.mjs), plus the
 * optional host script that lets the iframe's height follow its content.
 */
import { escapeHtml } from './escape.ts';
import { stateToParams, type ChartState } from './state.ts';

export type EmbedTheme = 'light' | 'dark' | 'auto';

export interface EmbedOptions {
  theme: EmbedTheme;
  plain: boolean;
}

/** Absolute site root with exactly one trailing slash: `https://example.org/sub/`. */
export function siteRoot(site: string, base: string): string {
  const origin = new URL(site).origin;
  const path = `/${base}/`.replace(/\/+/g, '/');
  return `${origin}${path}`;
}

export function embedUrl(root: string, lang: 'zh' | 'en', state: ChartState, options: EmbedOptions): string {
  const params = stateToParams(state);
  if (options.theme !== 'auto') params.set('theme', options.theme);
  if (options.plain) params.set('plain', '1');
  const query = params.toString();
  return `${root}${lang === 'en' ? 'en/' : ''}embed/${query ? `?${query}` : ''}`;
}

/** The message the embed page posts to its parent when its height changes. */
export const RESIZE_MESSAGE = 'gov-disclosure-embed:height';

export function iframeSnippet(url: string, title: string, root: string, height = 560): string {
  return [
    `<iframe src="${escapeHtml(url)}" title="${escapeHtml(title)}" width="100%" height="${height}" loading="lazy" frameborder="0" scrolling="no" data-gov-disclosure-embed></iframe>`,
    `<script async src="${escapeHtml(root)}embed-resize.js"></script>`,
  ].join('\n');
}
