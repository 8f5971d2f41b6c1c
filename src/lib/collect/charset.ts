/**
 * A fetched page's text: the charset from the Content-Type header, else the page's own
 * `<meta charset>`, else the bytes (strict UTF-8, else GB18030, a superset of GBK and GB2312).
 * Pure.
 */
import { decodeText, declaredCharset } from '../extract/detect.ts';

/** The `charset=` parameter of a Content-Type header, if any (`text/html; charset=GBK` → `GBK`). */
export function charsetOfContentType(contentType: string | null): string | null {
  const match = /;\s*charset\s*=\s*["']?([\w-]+)/i.exec(contentType ?? '');
  return match?.[1] ?? null;
}

/** The charset a page is in, as its server or its `<meta>` declares it (null: neither does). */
export function declaredPageCharset(bytes: Uint8Array, contentType: string | null): string | null {
  return charsetOfContentType(contentType) ?? declaredCharset(bytes);
}

/** The page's text, decoded as declared (GBK family by TextDecoder('gb18030')), else by its bytes. */
export function decodePage(bytes: Uint8Array, contentType: string | null): { text: string; encoding: string } {
  const { text, encoding } = decodeText(bytes, declaredPageCharset(bytes, contentType));
  return { text, encoding };
}
