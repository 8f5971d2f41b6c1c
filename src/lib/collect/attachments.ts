/**
 * A report page that is only a wrapper around a file: the page links to (or embeds) a PDF,
 * Word or WPS file and does not itself hold the report's tables. Attachment names arrive
 * percent-encoded in the address or as GBK or UTF-8 bytes in Content-Disposition. Pure.
 */
import type { Page } from './page.ts';
import { decodePercentText, extensionOf, lastPathSegment } from './urls.ts';

export const ATTACHMENT_EXTENSIONS = ['pdf', 'doc', 'docx', 'wps'] as const;

const isAttachmentName = (name: string) => (ATTACHMENT_EXTENSIONS as readonly string[]).includes(extensionOf(name.trim()));

export interface Attachment {
  address: string;
  /** The link's text, or '' for an embedded file. */
  text: string;
}

/** The address of an attachment: the address itself, or a viewer's `?file=` parameter. */
function attachmentAddress(address: string): string | null {
  const url = new URL(address);
  if (isAttachmentName(decodePercentText(url.pathname))) return address;
  for (const value of url.searchParams.values()) {
    if (!isAttachmentName(value)) continue;
    try {
      return new URL(value, address).href;
    } catch {
      return null;
    }
  }
  return null;
}

/** Files the page links to or embeds (by the address's extension, a viewer's file, or a link text naming a file). */
export function attachmentsOf(page: Page): Attachment[] {
  const found = new Map<string, Attachment>();
  for (const address of page.embeds) {
    const target = attachmentAddress(address);
    if (target && !found.has(target)) found.set(target, { address: target, text: '' });
  }
  for (const link of page.links) {
    const target = attachmentAddress(link.address) ?? (isAttachmentName(link.text) ? link.address : null);
    if (target && !found.has(target)) found.set(target, { address: target, text: link.text });
  }
  return [...found.values()];
}

/** Whether the page's own text holds a report's tables (the first row label of section 三). */
export function holdsReportTables(page: Page): boolean {
  return page.text.replace(/\s+/g, '').includes('本年新收政府信息公开申请数量');
}

/** Header text (Latin-1, as fetch gives it) re-read as the bytes it was: UTF-8 if valid, else GBK. */
function headerBytesText(text: string): string {
  if (![...text].some((c) => c.charCodeAt(0) > 0x7f) || [...text].some((c) => c.charCodeAt(0) > 0xff)) return text;
  const bytes = Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** The file name a Content-Disposition header gives (`filename*=UTF-8''…` first), or null. */
export function dispositionFileName(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*([\w-]*)'[^']*'([^;]+)/i.exec(header);
  if (extended) {
    const charset = (extended[1] ?? '').toLowerCase();
    const value = (extended[2] ?? '').trim();
    if (/^(gbk|gb2312|gb18030)$/.test(charset)) {
      const bytes = value.replace(/%([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
      return new TextDecoder('gb18030').decode(Uint8Array.from([...bytes].map((c) => c.charCodeAt(0))));
    }
    return decodePercentText(value);
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/i.exec(header);
  const value = (plain?.[1] ?? plain?.[2] ?? '').trim();
  return value ? decodePercentText(headerBytesText(value)) : null;
}

/** An attachment's name as a person reads it: from Content-Disposition, else the address's last segment. */
export function attachmentName(address: string, disposition: string | null): string {
  return dispositionFileName(disposition) ?? lastPathSegment(address);
}
