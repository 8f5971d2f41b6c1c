/**
 * A file holding more than one report: two reports pasted together, a page that prints its
 * report twice, a table of contents before the report. Seen from the headings: section 三 comes
 * again after the text has moved on to another section. One pass over the lines finds where each
 * copy starts (at its title when one stands just above its first heading).
 */
import { findHeadings, type Heading } from './sections.ts';

const TITLE = /20\d{2}.{0,40}政府信息公开(?:工作)?(?:年度)?(?:工作)?报告/;
const YEAR_ONLY_TITLE = /^\s*20\d{2}\s*年度?\s*政府信息公开/;
const TITLE_REACH = 8;

/** 0-based start line of each copy; [0] when the file holds one report. */
export function copyStarts(lines: readonly string[], headings: readonly Heading[] = findHeadings(lines)): number[] {
  const starts = [0];
  let applications: number | null = null;
  let movedOn = false;
  let opening: number | null = null;
  for (const { key, line: i } of headings) {
    if (key === 'applications') {
      if (applications !== null && movedOn) starts.push(titleAbove(lines, opening ?? i, applications));
      applications = i;
      movedOn = false;
      opening = null;
    } else if (applications !== null) {
      movedOn = true;
      if (opening === null && (key === 'overview' || key === 'proactive')) opening = i;
    }
  }
  return starts;
}

/**
 * The nearest title line within reach above `line` (but below `floor`), with the agency line
 * above a title that names only the year (`衡阳市住房保障服务中心` / `2023年政府信息公开年度报告`);
 * else `line`.
 */
function titleAbove(lines: readonly string[], line: number, floor: number): number {
  for (let i = line - 1; i > floor && i >= line - TITLE_REACH; i--) {
    if (!TITLE.test(lines[i]!)) continue;
    if (!YEAR_ONLY_TITLE.test(lines[i]!)) return i;
    let above = i - 1;
    while (above > floor && lines[above]!.trim() === '') above--;
    return above > floor ? above : i;
  }
  return line;
}
