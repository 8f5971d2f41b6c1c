/** The collector's closing summary: the counts, every report saved, every link skipped and why, every failure and why. */
import type { CollectResult, Skipped } from './run.ts';

const SKIP_REASONS: Record<Skipped['reason'], string> = {
  not_a_report: 'link text does not name a 政府信息公开工作年度报告/年报',
  about_a_report: 'about a report (a notice, an interpretation, a review), not a report',
  listed_twice: 'listed twice',
  same_content: 'same bytes as a report already saved',
};

function skipLine(s: Skipped): string {
  const detail = s.reason === 'listed_twice' ? (s.detail ? ` (first on ${s.detail})` : ' (also given in the list of addresses)') : s.reason === 'same_content' ? ` (${s.detail})` : '';
  return `  skipped: ${s.address}${s.text ? ` 「${s.text}」` : ''}: ${SKIP_REASONS[s.reason]}${detail}${s.listPage ? ` — on ${s.listPage}` : ''}`;
}

export function summaryLines(result: CollectResult, sourcesFile: string): string[] {
  const c = result.counts;
  return [
    `collect: ${c.listPages} list pages read; ${c.saved} files saved; ${c.unchanged} already collected; ${c.skipped} links skipped; ${c.failed} failed; ${result.requests.length} requests`,
    ...result.sourceProblems.map((p) => `  ${p} (row ignored)`),
    ...result.saved.map((s) => `  saved: ${s.file} ← ${s.address}`),
    ...result.skipped.map(skipLine),
    ...result.failed.map((f) => `  FAILED: ${f.address}: ${f.reason}${f.listPage ? ` — on ${f.listPage}` : ''}`),
    ...(c.saved > 0 ? [`collect: sources in ${sourcesFile}; run npm run build to parse the new files`] : []),
  ];
}
