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

/** The styles the embed dialog offers: three themes, and plain (no title bar or source line, the reader's theme). */
export const EMBED_STYLES = ['light', 'dark', 'auto', 'plain'] as const;
export type EmbedStyle = (typeof EMBED_STYLES)[number];

export function embedOptions(style: EmbedStyle): EmbedOptions {
  return style === 'plain' ? { theme: 'auto', plain: true } : { theme: style, plain: false };
}

/**
 * The iframe's height in the snippet: the chart's own height (chartHeight: by its shape, bars and
 * legend rows) plus what the embed page puts around it: notes, and unless plain the site link
 * above and the source, version and citation lines below (which wrap on a narrow host). A host
 * that strips the resize script still shows the whole chart.
 */
export function embedHeight(chartHeight: number, notes: number, plain: boolean): number {
  const around = plain ? 40 : 170;
  return Math.ceil(chartHeight + around + notes * 40);
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
