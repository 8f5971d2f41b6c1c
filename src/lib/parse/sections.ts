/**
 * Finding the six sections of a report by their headings. Headings are numbered 一 … 六 at the
 * start of a line (after markdown or table residue), with wording that varies a little.
 */
import { isSpace } from './chars.ts';

export type SectionKey = 'overview' | 'proactive' | 'applications' | 'cases' | 'problems' | 'other';

const HEADINGS: readonly { key: SectionKey; pattern: RegExp }[] = [
  { key: 'overview', pattern: /^[\s|#*]*一\s*[、.．]?\s*总体情况/ },
  { key: 'proactive', pattern: /^[\s|#*]*二\s*[、.．]?\s*(?:行政机关)?主动公开政府信息/ },
  { key: 'applications', pattern: /^[\s|#*]*三\s*[、.．]?\s*(?:行政机关)?收到和处理政府信息公开申请/ },
  { key: 'cases', pattern: /^[\s|#*]*四\s*[、.．]?\s*(?:因)?政府信息公开(?:工作)?(?:被申请)?行政复议/ },
  { key: 'problems', pattern: /^[\s|#*]*五\s*[、.．]?\s*(?:政府信息公开(?:工作)?)?存在的?主要问题/ },
  { key: 'other', pattern: /^[\s|#*]*六\s*[、.．]?\s*其他需要报告/ },
];

export interface SectionSpan {
  start: number;
  /** Exclusive. */
  end: number;
}

export type Sections = Partial<Record<SectionKey, SectionSpan>>;

/**
 * Whether the line opens (after white space, `|`, `#` and `*`, as `/^[\s|#*]*[一二三四五六]/`)
 * with a section numeral: the cheap test every heading passes.
 */
function opensWithNumeral(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    // 一 二 三 四 五 六
    if (c === 0x4e00 || c === 0x4e8c || c === 0x4e09 || c === 0x56db || c === 0x4e94 || c === 0x516d) return true;
    if (!(c === 0x7c || c === 0x23 || c === 0x2a || isSpace(c))) return false;
  }
  return false;
}

/** Which section heading the line is, if it is one. */
export function headingAt(line: string): SectionKey | null {
  if (!opensWithNumeral(line)) return null;
  return HEADINGS.find(({ pattern }) => pattern.test(line))?.key ?? null;
}

export interface Heading {
  key: SectionKey;
  /** 0-based line. */
  line: number;
}

/** Every line that is a section heading, in order (a line is at most one: each opens with its own numeral). */
export function findHeadings(lines: readonly string[]): Heading[] {
  const headings: Heading[] = [];
  for (let line = 0; line < lines.length; line++) {
    const key = headingAt(lines[line]!);
    if (key !== null) headings.push({ key, line });
  }
  return headings;
}

/**
 * Line spans of each section found: the first heading of each section in order, each after the
 * one before; a section ends where the next found one starts.
 */
export function findSections(lines: readonly string[], headings = findHeadings(lines)): Sections {
  const starts: Heading[] = [];
  let from = 0;
  for (const { key } of HEADINGS) {
    const heading = headings.find((h) => h.key === key && h.line >= from);
    if (heading) {
      starts.push(heading);
      from = heading.line + 1;
    }
  }
  const sections: Sections = {};
  starts.forEach(({ key, line }, i) => {
    sections[key] = { start: line + 1, end: starts[i + 1]?.line ?? lines.length };
  });
  return sections;
}
