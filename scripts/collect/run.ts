/**
 * The collector's run: addresses → saved reports in the reports folder and rows in
 * sources.csv (store.ts). Each address given is a report's own page or a list column to
 * follow, page by page; each report is saved as published, with its file when the page only
 * wraps a PDF, Word or WPS file. An address already collected is not fetched again (list pages
 * always are) unless `refresh` is set, when it is asked for with its ETag/Last-Modified.
 */
import { attachmentName, attachmentsOf } from '../../src/lib/collect/attachments.ts';
import { decodePage } from '../../src/lib/collect/charset.ts';
import { classifyPage } from '../../src/lib/collect/classify.ts';
import type { InputAddress } from '../../src/lib/collect/input.ts';
import { addressBaseName, attachmentBaseName } from '../../src/lib/collect/names.ts';
import { readPage, type Page } from '../../src/lib/collect/page.ts';
import { isPaginationText, otherListPages } from '../../src/lib/collect/pagination.ts';
import { judgeLink } from '../../src/lib/collect/report-links.ts';
import { Fetcher, type Fetched, type FetchOptions } from './fetcher.ts';
import { ReportStore, type Found, type SaveOutcome } from './store.ts';

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

export interface CollectResult {
  counts: Counts;
  saved: { id: string; file: string; address: string }[];
  skipped: Skipped[];
  failed: Failed[];
  /** Problems in sources.csv as read at the start (its bad rows are ignored). */
  sourceProblems: string[];
  /** Every request sent, in order, with its time (performance.now()). */
  requests: { address: string; at: number }[];
}

const isHtml = (f: Fetched) => /html|xml/i.test(f.contentType ?? '') || (!f.contentType && /^\s*</.test(new TextDecoder('latin1').decode(f.bytes.subarray(0, 256))));
const pageOf = (f: Fetched): Page | null => (isHtml(f) ? readPage(decodePage(f.bytes, f.contentType).text, f.finalAddress) : null);

export async function collect(inputs: readonly InputAddress[], options: CollectOptions, effects: CollectEffects): Promise<CollectResult> {
  const fetcher = new Fetcher(options.fetch);
  const store = new ReportStore(options.reportsDir, options.sourcesFile);
  const result: CollectResult = { counts: { listPages: 0, saved: 0, unchanged: 0, skipped: 0, failed: 0 }, saved: [], skipped: [], failed: [], sourceProblems: store.problems, requests: fetcher.requests };
  const counts = result.counts;
  const tick = (current: string) => effects.progress({ ...counts }, current);
  const fail = (address: string, listPage: string | null, reason: string) => {
    result.failed.push({ address, listPage, reason });
    counts.failed++;
    tick(address);
  };
  const skip = (s: Skipped) => {
    result.skipped.push(s);
    counts.skipped++;
    tick(s.address);
  };
  const unchanged = (address: string) => {
    counts.unchanged++;
    tick(address);
  };
  const record = (found: Found, outcome: SaveOutcome) => {
    if (outcome.kind === 'saved') {
      result.saved.push({ id: outcome.id, file: outcome.file, address: found.address });
      counts.saved++;
      tick(found.address);
    } else if (outcome.kind === 'same_content') skip({ address: found.address, text: found.text, listPage: found.listPage, reason: 'same_content', detail: outcome.id });
    else unchanged(found.address);
  };

  /** Fetches a report's address unless it is collected already; null when there is nothing (new) to read. */
  const fetchReport = async (found: Found): Promise<Fetched | null> => {
    const known = store.collected(found.address);
    if (known && !options.refresh) {
      unchanged(found.address);
      return null;
    }
    const got = await fetcher.get(found.address, known ? { etag: known.etag, lastModified: known.last_modified } : null);
    if (!got.ok) fail(found.address, found.listPage, got.reason);
    else if (got.value.notModified) unchanged(found.address);
    else return got.value;
    return null;
  };

  /** Saves a report page; for a wrapper, its files first, and the page only when all of them were saved (else a rerun tries again). */
  const saveReport = async (found: Found, fetched: Fetched, page: Page | null, wrapper: boolean) => {
    const pageBase = (h: string) => addressBaseName(found.address, h);
    let complete = true;
    for (const attachment of wrapper && page ? attachmentsOf(page) : []) {
      const got = await fetcher.get(attachment.address);
      if (!got.ok) {
        fail(attachment.address, found.address, got.reason);
        complete = false;
        continue;
      }
      const name = attachmentName(attachment.address, got.value.disposition);
      const at: Found = { address: attachment.address, listPage: found.listPage, text: attachment.text || name };
      record(at, store.save(at, got.value, (h) => attachmentBaseName(pageBase(h), name, h), effects.now()));
    }
    if (complete) record(found, store.save(found, fetched, pageBase, effects.now()));
  };

  /** Where each link was first seen (null: given in the list of addresses). */
  const seen = new Map<string, string | null>();
  const listsSeen = new Set<string>();
  const listQueue: Found[] = [];
  const reportQueue: Found[] = [];

  /** Reads a list page: its report links and other pages are queued, every other link skipped with the reason. */
  const readList = (found: Found, fetched: Fetched, page: Page) => {
    counts.listPages++;
    tick(found.address);
    listsSeen.add(found.address).add(fetched.finalAddress);
    const others = otherListPages(page, fetched.finalAddress);
    for (const other of others) {
      if (!listsSeen.has(other)) listQueue.push({ address: other, listPage: found.address, text: '' });
      listsSeen.add(other);
    }
    for (const link of page.links) {
      if (listsSeen.has(link.address) || isPaginationText(link.text) || (link.text === '' && link.title === '')) continue;
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

  /** A fetched page reached as a report: saved, or read as a list when it is one (a department's column). */
  const takeReport = async (found: Found, fetched: Fetched, given: boolean) => {
    const page = pageOf(fetched);
    const kind = page ? classifyPage(page) : 'report';
    if (page && kind === 'list') readList(found, fetched, page);
    else if (kind === 'other' && given) fail(found.address, null, 'neither a report (no template table, no attachment, no report title) nor a list of reports');
    else await saveReport(found, fetched, page, kind === 'wrapper');
  };

  for (const input of inputs) {
    if (seen.has(input.address) || listsSeen.has(input.address)) continue;
    seen.set(input.address, null);
    tick(input.address);
    const fetched = await fetchReport({ address: input.address, listPage: null, text: '' });
    if (fetched) await takeReport({ address: input.address, listPage: null, text: '' }, fetched, true);
    // Each column is read to its end, and its reports saved, before the next address.
    while (reportQueue.length > 0 || listQueue.length > 0) {
      const report = reportQueue.shift();
      if (report) {
        const got = await fetchReport(report);
        if (got) await takeReport(report, got, false);
        continue;
      }
      const list = listQueue.shift() as Found;
      const got = await fetcher.get(list.address);
      if (!got.ok) fail(list.address, list.listPage, got.reason);
      else readList(list, got.value, pageOf(got.value) ?? readPage('', got.value.finalAddress));
    }
  }
  return result;
}
