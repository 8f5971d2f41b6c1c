/**
 * Where the site serves the original file of a report: `sources/<report id>/<file name>`, the
 * bytes as read. A web page (.html, .htm, .shtml…) is served with `.txt` added, so no host runs
 * the page's own scripts on the site's origin; the link's `download` gives its original name.
 */
import type { ReportRecord } from '../schema.ts';

const PAGE = /\.(s?html?|xhtml|php|aspx?|jsp)$/i;

/** The original file's name, without folders (either separator). */
export function sourceName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/** Path under the site root of the served copy; file names keep their characters (the link encodes them). */
export function sourcePath(record: Pick<ReportRecord, 'id' | 'source'>): string {
  const name = sourceName(record.source.file);
  return `sources/${record.id}/${PAGE.test(name) ? `${name}.txt` : name}`;
}

/**
 * The published address (`source.url`, from data/sources.csv, optional in the record), when it
 * is given and is http(s).
 */
export function publishedUrl(record: { source: object }): string | null {
  const given = (record.source as { url?: unknown }).url;
  const url = typeof given === 'string' ? given.trim() : '';
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
