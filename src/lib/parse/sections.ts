/**
 * Finding the six sections of a report by their headings. A heading is a short line that opens
 * with a numbering (`三、`, `（三）`, `第三部分`, `3.`, a caption `表三：` or `附表2`) and says what
 * the section is about; the numbering itself is not trusted, since reports renumber their sections
 * (一、总体情况 二、工作机制保障 三、主动公开工作情况 四、政府信息公开申请情况 …). Sub-headings
 * inside a section (`（一）主动公开情况。` under 一、总体情况) use a lower rank of numbering than the
 * section headings: for each section, only headings of the best rank found for it count.
 *
 * Headings give the prose spans and hint where tables are; the tables themselves are found by
 * their content (tables.ts).
 */
import { isDigit, isSpace } from './chars.ts';
import { remembered } from './memo.ts';

export type SectionKey = 'overview' | 'proactive' | 'applications' | 'cases' | 'problems' | 'other';

/** In template order: the wording that says which section a heading opens. */
const WORDING: readonly { key: SectionKey; pattern: RegExp }[] = [
  { key: 'overview', pattern: /^(?:政府信息公开(?:工作)?)?(?:总体情况|总体概况|基本情况|概述)/ },
  { key: 'proactive', pattern: /^(?:行政机关)?主动公开(?:政府信息)?(?:工作)?(?:情况)?/ },
  {
    key: 'applications',
    pattern: /^(?:行政机关)?(?:收到和处理政府信息公开申请|(?:依申请公开|政府信息公开申请)(?:政府信息)?(?:工作)?(?:的?(?:受理|办理|处理|答复))?(?:情况)?$)/,
  },
  { key: 'cases', pattern: /^(?:因)?(?:政府信息公开(?:工作)?)?(?:被申请)?行政复议(?:、|和|及)?(?:行政诉讼)?/ },
  { key: 'problems', pattern: /^(?:政府信息公开(?:工作)?)?(?:存在的?(?:主要)?问题|主要问题|问题及改进|问题和改进)/ },
  { key: 'other', pattern: /^其他需要报告|^其他事项/ },
];

/**
 * Numberings, best rank first: `三、` and `第三部分` number sections; `（三）` and `3.` usually
 * number sub-headings; table captions (`表三：`, `附表2`, `附件1`) come last.
 */
const NUMBERINGS: readonly RegExp[] = [
  /^(?:[一二三四五六七八九十]{1,2}\s*[、.．]|第[一二三四五六七八九十\d]{1,2}\s*(?:部分|章|节)[、.．:：]?)\s*/,
  /^(?:[(（]\s*[一二三四五六七八九十]{1,2}\s*[)）]|\d{1,2}\s*[、.．](?!\d))\s*[、.．]?\s*/,
  /^(?:附?表\s*[一二三四五六七八九十\d]{1,2}|附件\s*[一二三四五六七八九十\d]{0,2})\s*[、.．:：-]?\s*/,
];

/** The characters a numbering opens with (every pattern of NUMBERINGS): other lines are not run through them. */
const NUMBERING_OPENERS = '一二三四五六七八九十第(（0123456789表附';

/** Longest heading line read, after markdown residue (`#`, `*`, `|`) is removed. */
const MAX_HEADING = 48;

export interface SectionSpan {
  start: number;
  /** Exclusive. */
  end: number;
}

export type Sections = Partial<Record<SectionKey, SectionSpan>>;

export interface Heading {
  key: SectionKey;
  /** 0-based line. */
  line: number;
  /** 0 for a section numbering, 1 for a sub-heading numbering, 2 for a table caption. */
  rank: number;
}

const isResidue = (c: number) => c === 0x7c || c === 0x23 || c === 0x2a || isSpace(c);

/** The line without markdown residue at either end (`## `, `**`, `|`), or null when too long for a heading. */
function headingText(line: string): string | null {
  let from = 0;
  let to = line.length;
  while (from < to && isResidue(line.charCodeAt(from))) from++;
  while (to > from && isResidue(line.charCodeAt(to - 1))) to--;
  if (to === from || to - from > MAX_HEADING || !NUMBERING_OPENERS.includes(line[from]!)) return null;
  // A figure (`12`, `3.5`) is no numbering: a numbering's digits are followed by 、 or a dot and words.
  if (isDigit(line.charCodeAt(from)) && (to - from < 3 || isDigit(line.charCodeAt(to - 1)))) return null;
  return line.slice(from, to);
}

/** Which section heading the line is, with the rank of its numbering, if it is one. */
export function headingAt(line: string): { key: SectionKey; rank: number } | null {
  const text = headingText(line);
  if (text === null) return null;
  // A table row of several cells is not a heading (`三、本年度办理结果 | （一）予以公开 | 2 |`).
  if (text.includes('|')) return null;
  return rememberedHeading(text);
}

/**
 * What each candidate line says: reports repeat the template's numbered labels (`（一）予以公开`,
 * `1.属于国家秘密`), which open with a numbering too.
 */
const rememberedHeading = remembered(readHeading);

function readHeading(text: string): { key: SectionKey; rank: number } | null {
  for (let rank = 0; rank < NUMBERINGS.length; rank++) {
    const numbering = NUMBERINGS[rank]!.exec(text);
    if (!numbering) continue;
    const rest = text.slice(numbering[0].length).replace(/\s+/g, '');
    for (const { key, pattern } of WORDING) if (pattern.test(rest)) return { key, rank };
    return null;
  }
  return null;
}

/**
 * Every line that is a section heading, in order; for each section only those of the best rank
 * found for it (a sub-heading `（一）主动公开情况` is dropped when `二、主动公开政府信息情况` exists).
 */
export function findHeadings(lines: readonly string[]): Heading[] {
  const all: Heading[] = [];
  for (let line = 0; line < lines.length; line++) {
    const found = headingAt(lines[line]!);
    if (found !== null) all.push({ key: found.key, line, rank: found.rank });
  }
  const best = new Map<SectionKey, number>();
  for (const h of all) best.set(h.key, Math.min(best.get(h.key) ?? h.rank, h.rank));
  return all.filter((h) => h.rank === best.get(h.key));
}

/**
 * Line spans of each section found: the first heading of each section in template order, each
 * after the one before; a section ends where the next found one starts.
 */
export function findSections(lines: readonly string[], headings = findHeadings(lines)): Sections {
  const starts: Heading[] = [];
  let from = 0;
  for (const { key } of WORDING) {
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
