/**
 * What a fetched web page is, read from what it holds: a report (it holds the template's
 * tables), a wrapper around a report file (it only links to or embeds a PDF, Word or WPS file),
 * a list of reports (a 年报 column, or a department's sub-column reached from a province's), or
 * something else. Pure.
 */
import { attachmentsOf, holdsReportTables } from './attachments.ts';
import type { Page } from './page.ts';
import { judgeLink, namesReport } from './report-links.ts';

export type PageKind = 'report' | 'wrapper' | 'list' | 'report_without_tables' | 'other';

export function classifyPage(page: Page): PageKind {
  if (holdsReportTables(page)) return 'report';
  const reportLinks = page.links.filter((l) => judgeLink(l, page.title).keep).length;
  // A list names several reports; a wrapper may name one more (last year's, under 相关链接).
  if (reportLinks >= 2) return 'list';
  if (attachmentsOf(page).length > 0) return 'wrapper';
  if (reportLinks === 1) return 'list';
  return namesReport(page.title) ? 'report_without_tables' : 'other';
}
