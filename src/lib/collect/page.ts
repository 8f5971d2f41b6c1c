/**
 * What the collector needs from a web page, read with htmlparser2 and never run: its title, its
 * links (absolute, with their text), the files it embeds, the CMS pagination call in its
 * scripts, and its visible text. Pure.
 */
import { Parser } from 'htmlparser2';
import { resolveLink } from './urls.ts';

export interface PageLink {
  address: string;
  /** The link's text, whitespace collapsed. */
  text: string;
  /** Its `title` attribute (portals put the full title there when the text is cut short), or ''. */
  title: string;
}

/** A pagination call found in a script: `createPageHTML(count, current, "index", "html")`. */
export interface ScriptPagination {
  count: number;
  current: number;
  prefix: string;
  suffix: string;
}

export interface Page {
  title: string;
  links: PageLink[];
  /** Addresses the page embeds (`iframe`, `frame`, `embed`, `object`): a PDF viewer's file. */
  embeds: string[];
  pagination: ScriptPagination[];
  /** The visible text (no scripts or styles), whitespace collapsed. */
  text: string;
}

const collapse = (text: string) => text.replace(/[\s\u00a0\u3000]+/g, ' ').trim();

/**
 * `createPageHTML(count, current, "index", "html")`, the count and current page given as numbers
 * or as variables the script sets (`var countPage = 12`), optionally after an element id
 * (`createPageHTML('page_div', 12, 0, 'index', 'html')`).
 */
const PAGINATION_CALL = /createPageHTML\(\s*(?:["'][^"']*["']\s*,\s*)?([\w$]+)\s*,\s*([\w$]+)\s*,\s*["']([^"']*)["']\s*,\s*["']([^"']*)["']/g;

export function scriptPagination(script: string): ScriptPagination[] {
  const value = (arg: string) => {
    if (/^\d+$/.test(arg)) return Number(arg);
    const set = new RegExp(`(?:^|[^\\w$.])${arg.replace(/\$/g, '\\$')}\\s*=\\s*(\\d+)`).exec(script);
    return set ? Number(set[1]) : null;
  };
  const calls: ScriptPagination[] = [];
  for (const m of script.matchAll(PAGINATION_CALL)) {
    const count = value(m[1] ?? '');
    const current = value(m[2] ?? '');
    if (count !== null && current !== null) calls.push({ count, current, prefix: m[3] ?? '', suffix: m[4] ?? '' });
  }
  return calls;
}

export function readPage(html: string, address: string): Page {
  let base = address;
  let title = '';
  let inTitle = false;
  let skipDepth = 0;
  let script = '';
  const text: string[] = [];
  const links: PageLink[] = [];
  const embeds: string[] = [];
  const pagination: ScriptPagination[] = [];
  /** Links open at this point (a link inside a link is rare but closes both). */
  const open: { href: string; title: string; text: string[] }[] = [];
  const resolve = (href: string | undefined) => (href === undefined ? null : resolveLink(href, base));

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'script' || name === 'style') {
          skipDepth++;
          script = '';
        } else if (name === 'title') inTitle = true;
        else if (name === 'base' && attribs.href) base = resolve(attribs.href) ?? base;
        else if (name === 'a' && attribs.href !== undefined) open.push({ href: attribs.href, title: collapse(attribs.title ?? ''), text: [] });
        else if (name === 'iframe' || name === 'frame' || name === 'embed' || name === 'object') {
          const target = resolve(attribs.src ?? attribs.data);
          if (target) embeds.push(target);
        }
      },
      ontext(data) {
        if (skipDepth > 0) {
          script += data;
          return;
        }
        if (inTitle) {
          title += data;
          return;
        }
        text.push(data);
        for (const link of open) link.text.push(data);
      },
      onclosetag(name) {
        if (name === 'script' || name === 'style') {
          if (name === 'script') pagination.push(...scriptPagination(script));
          skipDepth = Math.max(0, skipDepth - 1);
        } else if (name === 'title') inTitle = false;
        else if (name === 'a') {
          const link = open.pop();
          const target = link && resolve(link.href);
          if (link && target) links.push({ address: target, text: collapse(link.text.join('')), title: link.title });
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return { title: collapse(title), links, embeds, pagination, text: collapse(text.join(' ')) };
}
