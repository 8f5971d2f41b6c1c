/**
 * The Content-Security-Policy every page carries (as a meta tag: static hosts cannot be relied on
 * for headers). Scripts and styles only from the site itself, never inline (astro.config.mjs keeps
 * Astro from inlining them) and no eval, except the two lines below on the pages that need them,
 * allowed by their hashes. ECharts sets element styles through the CSSOM, which style-src does not
 * restrict. Images may be data:/blob: URLs (chart downloads, charts drawn at build time).
 */
import { createHash } from 'node:crypto';
import { DEFAULT_STATE } from '../lib/charts/state.ts';

/**
 * Run in the head, before the body is parsed: marks the page when its address carries a query
 * (`view-in-url`). A chart drawn at build time shows the page's view without parameters, so a view
 * named in the URL must not show it even for a moment (site.css hides it; the live chart comes
 * instead). When the query names nothing but a view drawn as images (view-images.ts: measure,
 * grouping and basis, as stateFromParams reads them; on an embed also its theme and plain look),
 * the page is marked with that view's key (data-view-image), and VIEW_IMAGE_SCRIPT shows its
 * images until the live chart comes. `keys`: the views that have images.
 */
export function viewInUrlScript(keys: readonly string[]): string {
  const { measure, groupBy, basis } = DEFAULT_STATE;
  return (
    `(function(){var keys=${JSON.stringify(keys)},s=location.search,r=document.documentElement;if(s.length>1){` +
    `r.classList.add('view-in-url');var q=new URLSearchParams(s),` +
    `k=[q.get('m')||'${measure}',q.get('g')||'${groupBy}',q.get('basis')||'${basis}'].join('.'),ok=keys.indexOf(k)>=0;` +
    `q.forEach(function(v,n){if(!/^(m|g|basis|theme|plain)$/.test(n))ok=false});if(ok)r.dataset.viewImage=k}})()`
  );
}

/**
 * Run right after the picture of a chart drawn at build time (ChartPanel.astro). On an embed
 * (`data-themed`), a theme its URL names is the page's from its first paint (as embed.ts sets it
 * later). On a page the head's line marked with a view that has images: points each of the
 * picture's sources at that view's file of the same width and theme (the URL's, on an embed), and
 * shows it (`data-swapped`; site.css; a picture kept hidden because the page's own view draws
 * nothing is unhidden). Its alt text was the default view's, so it goes: the live chart brings the
 * view's description.
 */
export const VIEW_IMAGE_SCRIPT =
  "(function(){var r=document.documentElement,k=r.dataset.viewImage,p=document.currentScript.previousElementSibling;if(!p)return;" +
  "var t=p.hasAttribute('data-themed')?new URLSearchParams(location.search).get('theme'):null;if(t==='light'||t==='dark')r.dataset.theme=t;else t=null;if(!k)return;" +
  "p.querySelectorAll('[data-variant]').forEach(function(e){var v=e.getAttribute('data-variant');" +
  "if(t)v=v.replace('.dark','')+(t==='dark'?'.dark':'');" +
  "var u=p.getAttribute('data-views')+k+'.'+v+'.svg';if(e.tagName==='IMG'){e.alt='';e.src=u}else e.srcset=u});" +
  "p.setAttribute('data-swapped','');p.classList.add('chart-drawn');p.hidden=false})()";

const hash = (script: string) => `'sha256-${createHash('sha256').update(script).digest('base64')}'`;

/**
 * The policy of a page; `inlineScripts`: the inline scripts it runs (a page with a chart drawn at
 * build time: the two above), allowed by their hashes. Scripts, styles, fonts, fetches and frames
 * fall back to default-src ('self'), so only what differs from it is written: every page carries
 * the policy (300,000 of them at 100,000 reports), and each directive spelt out again costs ~5 MB
 * of the site.
 */
export const csp = (inlineScripts: readonly string[] = []) =>
  [
    "default-src 'self'",
    ...(inlineScripts.length > 0 ? [`script-src 'self' ${inlineScripts.map(hash).join(' ')}`] : []),
    "img-src 'self' data: blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
