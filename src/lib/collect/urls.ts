/**
 * Addresses as portals write them: relative (`../2023/t1.html`), protocol-relative
 * (`//www.example.gov.cn/…`), with fragments, or not addresses at all (`javascript:;`,
 * `mailto:`). Pure.
 */

/** The absolute http(s) address a link points to, without its fragment; null for anything else. */
export function resolveLink(href: string, base: string): string | null {
  const trimmed = href.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return null;
  let url: URL;
  try {
    url = new URL(trimmed, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  return url.href;
}

/** An http(s) address as given in a list of addresses, normalised; null if it is not one. */
export function parseAddress(text: string): string | null {
  try {
    const url = new URL(text.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}

/**
 * Percent-encoded text as a person reads it: the bytes decoded as UTF-8 when they are valid
 * UTF-8, else as GB18030 (GBK), which is how many portals encode attachment names.
 */
export function decodePercentText(text: string): string {
  if (!text.includes('%')) return text;
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text[i] === '%' ? text.slice(i + 1, i + 3) : '';
    if (/^[0-9a-fA-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...new TextEncoder().encode(text[i]));
    }
  }
  const data = Uint8Array.from(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return new TextDecoder('gb18030').decode(data);
  }
}

/** The last segment of an address's path, percent-decoded (`…/%D6%D0.pdf` → `中.pdf`). */
export function lastPathSegment(address: string): string {
  const path = new URL(address).pathname;
  return decodePercentText(path.slice(path.lastIndexOf('/') + 1));
}

/** The lowercased extension of a file name or address path (`a/b.PDF` → `pdf`), or ''. */
export function extensionOf(name: string): string {
  const last = name.slice(name.lastIndexOf('/') + 1);
  const dot = last.lastIndexOf('.');
  return dot > 0 ? last.slice(dot + 1).toLowerCase() : '';
}
