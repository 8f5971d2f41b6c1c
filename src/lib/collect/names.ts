/**
 * The name a collected report is saved under in data/reports/. The build takes a file's base
 * name as the report's id, so the name is already a safe id: ASCII or Chinese letters, digits,
 * `-` and `_`, derived from the host and the address (`www.example.gov.cn/xxgk/2023/t1.html` →
 * `example_gov_cn-xxgk-2023-t1`), stable across runs, made unique by a short hash of the
 * address when another address already has it. Pure (hashing is passed in).
 */
import { decodePercentText, extensionOf } from './urls.ts';

const MAX_LENGTH = 96;

/** Text reduced to id-safe characters: runs of anything else become one `_`. */
export function safePart(text: string): string {
  return text.replace(/[^A-Za-z0-9\u3400-\u4dbf\u4e00-\u9fff_]+/g, '_').replace(/_+/g, '_').replace(/^_|_$/g, '');
}

function cut(name: string, hash8: string): string {
  return name.length <= MAX_LENGTH ? name : `${name.slice(0, MAX_LENGTH - 9).replace(/[-_]+$/, '')}-${hash8}`;
}

/** A readable base name for an address: host without `www.`, then the path's segments and the query. */
export function addressBaseName(address: string, hash8: string): string {
  const url = new URL(address);
  const path = decodePercentText(url.pathname).replace(/\.[A-Za-z0-9]{1,5}$/, '');
  const parts = [url.hostname.replace(/^www\./, ''), ...path.split('/'), decodePercentText(url.search.slice(1))].map(safePart).filter((p) => p !== '');
  return cut(parts.join('-'), hash8);
}

/** An attachment's base name: the wrapper page's, then the attachment's own name. */
export function attachmentBaseName(pageBase: string, name: string, hash8: string): string {
  const stem = safePart(name.replace(/\.[A-Za-z0-9]{1,5}$/, ''));
  return cut(stem ? `${pageBase}-${stem}` : pageBase, hash8);
}

/** The base name, or the base name and the address's hash when another address holds it already. */
export function uniqueBaseName(base: string, hash8: string, isTaken: (base: string) => boolean): string {
  return isTaken(base) ? `${base.length + 9 > MAX_LENGTH ? base.slice(0, MAX_LENGTH - 9) : base}-${hash8}` : base;
}

const MIME_EXTENSIONS: [RegExp, string][] = [
  [/^application\/pdf/i, 'pdf'],
  [/^application\/vnd\.openxmlformats-officedocument\.wordprocessingml/i, 'docx'],
  [/^application\/msword/i, 'doc'],
  [/^application\/(vnd\.ms-works|wps|kswps)/i, 'wps'],
  [/^(text\/html|application\/xhtml)/i, 'html'],
  [/^text\/plain/i, 'txt'],
];

const KNOWN = ['pdf', 'docx', 'doc', 'wps', 'html', 'htm', 'shtml', 'txt'];

/**
 * The extension to save a file with: by its first bytes (PDF, zip = docx, OLE = doc or wps),
 * then its Content-Type, then the name it came with; `bin` when nothing says.
 */
export function extensionFor(bytes: Uint8Array, contentType: string | null, name: string): string {
  const fromName = extensionOf(name);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (head.startsWith('PK\u0003\u0004')) return 'docx';
  if (head.startsWith('\u00d0\u00cf\u0011\u00e0')) return fromName === 'wps' ? 'wps' : 'doc';
  for (const [pattern, extension] of MIME_EXTENSIONS) if (pattern.test(contentType ?? '')) return extension;
  if (KNOWN.includes(fromName)) return fromName === 'htm' || fromName === 'shtml' ? 'html' : fromName;
  return /^\s*</.test(head) ? 'html' : 'bin';
}
