/**
 * The small page an agency's earlier address serves (a report id of the old scheme, or an agency
 * id that agencies.csv merged or renamed away): it forwards at once to the agency's page, names it
 * with a link for readers whose browser does not follow the refresh, and asks search engines not
 * to index it (its canonical address is the agency's page); its Content-Security-Policy lets nothing
 * run or load but the icon. Pure: the integration in
 * src/integrations/forward-pages.ts writes one per earlier address and language.
 */
import { dictionary, localePath, type Lang } from '../../i18n/index.ts';
import { escapeHtml as escape } from '../charts/escape.ts';

export interface ForwardPage {
  lang: Lang;
  /** The agency's name (as its page's heading). */
  name: string;
  /** The agency's id: its page is `agency/<id>/`. */
  agencyId: string;
  /** The site's base path (e.g. `/` or `/tp/`). */
  base: string;
  /** The site's public address, for the canonical link (null: the path alone). */
  site: string | null;
}

/** Nothing runs and nothing loads on a forwarding page but its icon: a policy stricter and shorter than the site's (components/csp.ts). */
export const FORWARD_CSP = "default-src 'none'; img-src 'self'";

export function forwardPageHtml({ lang, name, agencyId, base, site }: ForwardPage): string {
  const d = dictionary(lang);
  const target = localePath(lang, `agency/${agencyId}/`, base);
  const canonical = site ? new URL(target, site).href : target;
  const root = base.endsWith('/') ? base : `${base}/`;
  return (
    `<!DOCTYPE html><html lang="${d.htmlLang}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${FORWARD_CSP}"><title>${escape(name)}</title>` +
    `<meta http-equiv="refresh" content="0; url=${escape(target)}"><meta name="robots" content="noindex">` +
    `<link rel="icon" href="${escape(root)}favicon.svg" type="image/svg+xml"><link rel="canonical" href="${escape(canonical)}"></head>` +
    `<body><p>${escape(d.agency.moved)}<a href="${escape(target)}" lang="zh-CN">${escape(name)}</a></p></body></html>\n`
  );
}
