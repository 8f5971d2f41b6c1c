/**
 * The collector's run: addresses → saved reports in the reports folder and rows in
 * sources.csv. Each address given is a report's own page or a list column to follow (page by
 * page); each report is saved as published, with its attachment when the page only wraps a
 * PDF, Word or WPS file. Files and sources.csv are written as the run goes, so a stopped run
 * resumes: an address already in sources.csv whose file still has the recorded sha256 is not
 * fetched again (list pages always are), unless `refresh` is set, when it is asked for again
 * with its ETag/Last-Modified.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { wrappedAttachments, attachmentName, holdsReportTables } from '../../src/lib/collect/attachments.ts';
import { decodePage } from '../../src/lib/collect/charset.ts';
import type { InputAddress } from '../../src/lib/collect/input.ts';
import { addressBaseName, attachmentBaseName, extensionFor, uniqueBaseName } from '../../src/lib/collect/names.ts';
import { readPage, type Page } from '../../src/lib/collect/page.ts';
import { isPaginationText, otherListPages } from '../../src/lib/collect/pagination.ts';
import { judgeLink, namesReport } from '../../src/lib/collect/report-links.ts';
import { lastPathSegment } from '../../src/lib/collect/urls.ts';
import { parseSources, sourceProblemText, sourcesCsv, type SourceRow } from '../../src/lib/dataset/sources.ts';
import { Fetcher, type Fetched, type FetchOptions } from './fetcher.ts';

export interface CollectOptions {
  reportsDir: string;
  sourcesFile: string;
  /** Ask again for addresses already collected (conditionally, with their validators). */
  refresh: boolean;
  fetch: Partial<FetchOptions>;
}

export interface Counts {
  listPages: number;
  saved: number;
  unchanged: number;
  skipped: number;
  failed: number;
}

export interface CollectEffects {
  /** Called whenever a count changes, with the address being worked on. */
  progress(counts: Counts, current: string): void;
  now(): Date;
}

export type SkipReason = 'not_a_report' | 'about_a_report' | 'listed_twice' | 'same_content';

export interface Skipped {
  address: string;
  text: string;
  listPage: string | null;
  reason: SkipReason;
  /** listed_twice: the list page it was first seen on; same_content: the id already holding those bytes. */
  detail: string | null;
}

export interface Failed {
  address: string;
  listPage: string | null;
  reason: string;
}

export interface Saved {
  id: string;
  file: string;
  address: string;
}

export interface CollectResult {
  counts: Counts;
  saved: Saved[];
  skipped: Skipped[];
  failed: Failed[];
  /** Problems in sources.csv as read at the start (its bad rows are ignored). */
  sourceProblems: string[];
  /** Every request sent, in order, with its time (performance.now()). */
  requests: { address: string; at: number }[];
}

interface Found {
  address: string;
  listPage: string | null;
  text: string;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const hash8 = (address: string) => sha256(new TextEncoder().encode(address)).slice(0, 8);
const isHtml = (f: Fetched) => /html|xml/i.test(f.contentType ?? '') || (!f.contentType && /^\s*</.test(new TextDecoder('latin1').decode(f.bytes.subarray(0, 256))));

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath ?? dir, d.name).slice(dir.length + 1).replace(/\\/g, '/'));
}

export async function collect(inputs: readonly InputAddress[], options: CollectOptions, effects: CollectEffects): Promise<CollectResult> {
  const fetcher = new Fetcher(options.fetch);
  const counts: Counts = { listPages: 0, saved: 0, unchanged: 0, skipped: 0, failed: 0 };
  const saved: Saved[] = [];
  const skipped: Skipped[] = [];
  const failed: Failed[] = [];

  const sourcesText = existsSync(options.sourcesFile) ? readFileSync(options.sourcesFile, 'utf8') : '';
  const { rows, problems } = parseSources(sourcesText);
  const byAddress = new Map<string, SourceRow>();
  const byHash = new Map<string, SourceRow>();
  /** Base name → the address it was given to (or '' for a file saved by hand). */
  const names = new Map<string, string>();
  for (const file of listFiles(options.reportsDir)) names.set(file.replace(/\.[^./]+$/, ''), '');
  for (const row of rows) {
    byAddress.set(row.address, row);
    if (row.sha256) byHash.set(row.sha256, row);
    if (row.file) names.set(row.file.replace(/\.[^./]+$/, ''), row.address);
  }

  const tick = (current: string) => effects.progress({ ...counts }, current);
  const fail = (address: string, listPage: string | null, reason: string) => {
    failed.push({ address, listPage, reason });
    counts.failed++;
    tick(address);
  };
  const skip = (s: Skipped) => {
    skipped.push(s);
    counts.skipped++;
    tick(s.address);
  };

  /** A row for this address whose file is still there with the recorded bytes. */
  const collected = (address: string): SourceRow | null => {
    const row = byAddress.get(address);
    if (!row?.file || !row.sha256) return null;
    const path = join(options.reportsDir, row.file);
    return existsSync(path) && sha256(readFileSync(path)) === row.sha256 ? row : null;
  };

  const appendRows = (newRows: SourceRow[]) => {
    mkdirSync(dirname(options.sourcesFile), { recursive: true });
    const exists = existsSync(options.sourcesFile) && readFileSync(options.sourcesFile, 'utf8').trim() !== '';
    if (exists) {
      const text = readFileSync(options.sourcesFile, 'utf8');
      appendFileSync(options.sourcesFile, (text.endsWith('\n') ? '' : '\n') + sourcesCsv(newRows, false));
    } else writeFileSync(options.sourcesFile, sourcesCsv(newRows, true));
    for (const row of newRows) {
      byAddress.set(row.address, row);
      if (row.sha256) byHash.set(row.sha256, row);
    }
  };

  /** Saves fetched bytes under a base name (unless the same bytes are saved already) and records the row. */
  const save = (found: Found, fetched: Fetched, base: (hash: string) => string) => {
    const hash = sha256(fetched.bytes);
    const row: SourceRow = {
      id: '',
      file: null,
      address: found.address,
      final_address: fetched.finalAddress,
      list_page: found.listPage,
      link_text: found.text || null,
      fetched_at: effects.now().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      http_status: fetched.status,
      content_type: fetched.contentType,
      bytes: fetched.bytes.byteLength,
      sha256: hash,
      etag: fetched.etag,
      last_modified: fetched.lastModified,
    };
    const same = byHash.get(hash);
    if (same?.file && existsSync(join(options.reportsDir, same.file))) {
      if (same.address !== found.address) skip({ address: found.address, text: found.text, listPage: found.listPage, reason: 'same_content', detail: same.id });
      else {
        counts.unchanged++;
        tick(found.address);
      }
      if (same.address !== found.address || byAddress.get(found.address)?.sha256 !== hash) appendRows([{ ...row, id: same.id, file: same.file }]);
      return;
    }
    const wanted = base(hash8(found.address));
    const previous = byAddress.get(found.address);
    const name =
      previous?.file && names.get(previous.file.replace(/\.[^./]+$/, '')) === found.address
        ? previous.file.replace(/\.[^./]+$/, '')
        : uniqueBaseName(wanted, hash8(found.address), (b) => names.has(b) && names.get(b) !== found.address);
    const file = `${name}.${extensionFor(fetched.bytes, fetched.contentType, lastPathSegment(fetched.finalAddress))}`;
    const path = join(options.reportsDir, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(`${path}.part`, fetched.bytes);
    renameSync(`${path}.part`, path);
    names.set(name, found.address);
    appendRows([{ ...row, id: name, file }]);
    saved.push({ id: name, file, address: found.address });
    counts.saved++;
    tick(found.address);
  };

  /** Fetches an address unless it is collected already; null when there is nothing (new) to read. */
  const fetchReport = async (found: Found): Promise<Fetched | null> => {
    const known = collected(found.address);
    if (known && !options.refresh) {
      counts.unchanged++;
      tick(found.address);
      return null;
    }
    const result = await fetcher.get(found.address, known ? { etag: known.etag, lastModified: known.last_modified } : null);
    if (!result.ok) {
      fail(found.address, found.listPage, result.reason);
      return null;
    }
    if (result.value.notModified) {
      counts.unchanged++;
      tick(found.address);
      return null;
    }
    return result.value;
  };

  /** Saves a report page, or a wrapper page's attachments and then the page (only when all were saved). */
  const saveReport = async (found: Found, fetched: Fetched, page: Page | null) => {
    const pageBase = (h: string) => addressBaseName(found.address, h);
    const attachments = page ? wrappedAttachments(page) : [];
    let allSaved = true;
    for (const attachment of attachments) {
      const result = await fetcher.get(attachment.address);
      if (!result.ok) {
        fail(attachment.address, found.address, result.reason);
        allSaved = false;
        continue;
      }
      const name = attachmentName(attachment.address, result.value.disposition);
      save({ address: attachment.address, listPage: found.listPage, text: attachment.text || name }, result.value, (h) => attachmentBaseName(pageBase(h), name, h));
    }
    if (allSaved) save(found, fetched, pageBase);
  };

  const seen = new Map<string, string | null>();
  const listQueue: Found[] = [];
  const reportQueue: Found[] = [];
  const listSeen = new Set<string>();

  /** Reads a list page: its report links are queued, its other pages too, everything else skipped with the reason. */
  const readList = (found: Found, fetched: Fetched, page: Page) => {
    counts.listPages++;
    tick(found.address);
    const others = otherListPages(page, fetched.finalAddress);
    for (const other of others) {
      if (listSeen.has(other)) continue;
      listSeen.add(other);
      listQueue.push({ address: other, listPage: found.address, text: '' });
    }
    const pagesOfList = new Set([found.address, fetched.finalAddress, ...others]);
    for (const link of page.links) {
      if (pagesOfList.has(link.address) || isPaginationText(link.text) || (link.text === '' && link.title === '')) continue;
      const verdict = judgeLink(link, page.title);
      if (seen.has(link.address)) {
        if (verdict.keep) skip({ address: link.address, text: link.text, listPage: found.address, reason: 'listed_twice', detail: seen.get(link.address) ?? null });
        continue;
      }
      seen.set(link.address, found.address);
      if (verdict.keep) reportQueue.push({ address: link.address, listPage: found.address, text: link.text || link.title });
      else skip({ address: link.address, text: link.text, listPage: found.address, reason: verdict.reason, detail: null });
    }
  };

  // The addresses given: each a report's own page or a list column.
  for (const input of inputs) {
    const found: Found = { address: input.address, listPage: null, text: '' };
    if (seen.has(input.address) || listSeen.has(input.address)) continue;
    seen.set(input.address, null);
    tick(input.address);
    const fetched = await fetchReport(found);
    if (!fetched) continue;
    if (!isHtml(fetched)) {
      save(found, fetched, (h) => addressBaseName(found.address, h));
      continue;
    }
    const page = readPage(decodePage(fetched.bytes, fetched.contentType).text, fetched.finalAddress);
    const reportLinks = page.links.filter((l) => judgeLink(l, page.title).keep);
    if (holdsReportTables(page)) await saveReport(found, fetched, page);
    else if (reportLinks.length > 0) {
      listSeen.add(input.address);
      readList(found, fetched, page);
    } else if (wrappedAttachments(page).length > 0 || namesReport(page.title)) await saveReport(found, fetched, page);
    else fail(input.address, null, 'neither a report (no template table, no attachment, no report title) nor a list of reports');
    // Each list column is read to its end, and its reports saved, before the next address.
    while (listQueue.length > 0 || reportQueue.length > 0) {
      const next = reportQueue.shift();
      if (next) {
        const got = await fetchReport(next);
        if (!got) continue;
        const nextPage = isHtml(got) ? readPage(decodePage(got.bytes, got.contentType).text, got.finalAddress) : null;
        await saveReport(next, got, nextPage);
        continue;
      }
      const list = listQueue.shift() as Found;
      const result = await fetcher.get(list.address);
      if (!result.ok) {
        fail(list.address, list.listPage, result.reason);
        continue;
      }
      readList(list, result.value, readPage(decodePage(result.value.bytes, result.value.contentType).text, result.value.finalAddress));
    }
  }
  return { counts, saved, skipped, failed, sourceProblems: problems.map(sourceProblemText), requests: fetcher.requests };
}
