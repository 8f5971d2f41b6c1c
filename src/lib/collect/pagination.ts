/**
 * The other pages of a list column: links whose text is 下一页/下页, and the page numbers
 * government CMSs write with `createPageHTML(count, current, "index", "html")`: page 0 is
 * `index.html`, page i is `index_i.html`, beside the current page. Pure.
 */
import type { Page } from './page.ts';
import { resolveLink } from './urls.ts';

const NEXT = /^(下一页|下页|next)\s*[>›»]*$/i;

/** Whether a link is the list's pagination rather than an entry (its text is 下一页, 尾页, a page number…). */
export function isPaginationText(text: string): boolean {
  return NEXT.test(text) || /^(上一页|上页|首页|尾页|末页|\d{1,4}|[<>«»‹›]+)$/.test(text);
}

/** Addresses of the list's other pages that this page names, in page order, without the page itself (the call's `current`). */
export function otherListPages(page: Page, address: string): string[] {
  const found: string[] = [];
  for (const call of page.pagination) {
    const count = Math.min(call.count, 500);
    for (let i = 0; i < count; i++) {
      if (i === call.current) continue;
      const name = i === 0 ? `${call.prefix}.${call.suffix}` : `${call.prefix}_${i}.${call.suffix}`;
      const target = resolveLink(name, address);
      if (target) found.push(target);
    }
  }
  for (const link of page.links) if (NEXT.test(link.text)) found.push(link.address);
  const self = resolveLink(address, address);
  return [...new Set(found)].filter((a) => a !== self);
}
