/**
 * Finding the three template tables by what they say, wherever they stand: in their section,
 * under a renumbered or missing heading, after a caption (`表三：…`), or in an appendix after the
 * prose. Each table is recognised by its own words: section 三 by the template's row labels,
 * section 四 by its outcome headers (结果维持, 结果纠正, 尚未审结, 未经复议直接起诉, 复议后起诉),
 * section 二 by its header words (第二十条, 信息内容, 本年制发件数, …). Headings are hints: a table
 * with no landmark found is read within its heading's span, as before.
 *
 * The spans never overlap, so a number never moves from one template table into another.
 */
import { isSpace } from './chars.ts';
import { isPageFooter } from './lines.ts';
import { remembered } from './memo.ts';
import { compactLabel } from './normalize.ts';
import { headingAt, type SectionSpan, type Sections } from './sections.ts';
import { matchApplicationLabel } from './template.ts';

export type TableKey = 'proactive' | 'applications' | 'cases';
export type TableSpans = Partial<Record<TableKey, SectionSpan>>;

const CASES_STRONG = ['结果维持', '结果纠正', '其他结果', '尚未审结', '未经复议', '复议后起诉'];
const CASES_WEAK = /^(?:行政复议|行政诉讼)/;
const PROACTIVE_STRONG = [
  '第二十条',
  '信息内容',
  '本年制发件数',
  '本年废止件数',
  '现行有效件数',
  '本年新制作数量',
  '本年新公开数量',
  '对外公开总数量',
  '处理决定数量',
  '上一年项目数量',
  '本年收费金额',
  '采购项目数量',
  '行政规范性文件',
  '行政事业性收费',
  '政府集中采购',
];
/** Most text lines (numbers and blank lines not counted) between two landmarks of one table. */
const LANDMARK_GAP = 30;
/** Longest line (pipes aside) that may be a table cell rather than prose. */
const CELL_LINE = 64;
/** Label pieces (a wrapped label's tail, `总计`) that may follow a table's last landmark. */
const LABEL_TAIL = 12;
/** Header lines looked at above a table's first landmark. */
const HEADER_REACH = 16;

type Feature = { key: TableKey; marks: string[] } | null;

/** A sentence: a full stop or semicolon, or a count with its unit (`14宗`, `25%`), which no table label holds. */
const SENTENCE = /[。；;]|\d\s*(?:宗|件|个|条|次|人|份|%)/;

/** Whether the line may be a cell or row of a table: a pipe or tab row, or a short line that is no sentence. */
function tableish(trimmed: string): boolean {
  if (trimmed.includes('|') || trimmed.includes('\t')) return true;
  return trimmed.length <= CELL_LINE && !SENTENCE.test(trimmed);
}

/** Only figures, separators, dashes and pipes (`12`, `| 0 | — |`), as `/^[\d\s.,，|—–\-/]*$/`. */
function isNumberLine(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if ((c >= 48 && c <= 57) || c === 32 || c === 0x7c || c === 46 || c === 44 || c === 0x2d || c === 0x2f) continue;
    if (c === 0xff0c || c === 0x2014 || c === 0x2013 || isSpace(c)) continue;
    return false;
  }
  return true;
}

/** Which table's landmark the line holds, and which landmarks (for counting distinct ones). */
function featureOf(trimmed: string): Feature {
  if (trimmed === '' || isNumberLine(trimmed) || !tableish(trimmed)) return null;
  return rememberedFeature(trimmed);
}

const rememberedFeature = remembered(readFeature);

function readFeature(trimmed: string): Feature {
  const compact = compactLabel(trimmed);
  const cases = CASES_STRONG.filter((mark) => compact.includes(mark));
  if (cases.length > 0) return { key: 'cases', marks: cases };
  const app = matchApplicationLabel(compact);
  if (app.kind === 'row') return { key: 'applications', marks: [app.row] };
  const proactive = PROACTIVE_STRONG.filter((mark) => compact.includes(mark));
  return proactive.length > 0 ? { key: 'proactive', marks: proactive } : null;
}

interface Cluster {
  key: TableKey;
  first: number;
  last: number;
  marks: Set<string>;
}

/** Runs of one table's landmarks, split where too many other text lines stand between them. */
function clusters(lines: readonly string[]): Cluster[] {
  const open = new Map<TableKey, { cluster: Cluster; gap: number }>();
  const done: Cluster[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // Figures and blank lines are neither landmarks nor text between them.
    if (isNumberLine(line)) continue;
    const trimmed = line.trim();
    const feature = featureOf(trimmed);
    for (const [key, state] of open) {
      if (feature?.key === key) continue;
      // Another table's landmark, or too many other text lines, ends the run.
      if (feature || ++state.gap > LANDMARK_GAP) {
        done.push(state.cluster);
        open.delete(key);
      }
    }
    if (!feature) continue;
    const state = open.get(feature.key);
    if (state) {
      state.cluster.last = i;
      for (const mark of feature.marks) state.cluster.marks.add(mark);
      state.gap = 0;
    } else {
      open.set(feature.key, { cluster: { key: feature.key, first: i, last: i, marks: new Set(feature.marks) }, gap: 0 });
    }
  }
  for (const { cluster } of open.values()) done.push(cluster);
  return done;
}

/** Fewest distinct landmarks for a run to be taken as the table (prose mentions a few). */
const MIN_MARKS: Record<TableKey, number> = { applications: 6, cases: 4, proactive: 3 };

function best(all: readonly Cluster[], key: TableKey): Cluster | null {
  let chosen: Cluster | null = null;
  for (const c of all) {
    if (c.key !== key || c.marks.size < MIN_MARKS[key]) continue;
    if (!chosen || c.marks.size > chosen.marks.size) chosen = c;
  }
  return chosen;
}

/** The table's first line: header lines above its first landmark, up to a heading or prose. */
function walkBack(lines: readonly string[], first: number, floor: number): number {
  let start = first;
  for (let i = first - 1; i >= floor && i >= first - HEADER_REACH; i--) {
    const trimmed = lines[i]!.trim();
    if (trimmed === '') continue;
    if (headingAt(trimmed) !== null || !tableish(trimmed)) break;
    start = i;
  }
  return start;
}

/** The table's end (exclusive): figures, blank lines, footers and label tails after its last landmark. */
function walkForward(lines: readonly string[], last: number, ceiling: number, key: TableKey): number {
  let end = last + 1;
  for (let i = last + 1; i < ceiling; i++) {
    const trimmed = lines[i]!.trim();
    if (trimmed === '' || isPageFooter(trimmed)) continue;
    if (isNumberLine(trimmed) || (trimmed.includes('|') && /\d/.test(trimmed) && featureOf(trimmed) === null)) {
      end = i + 1;
      continue;
    }
    if (headingAt(trimmed) !== null) break;
    const feature = featureOf(trimmed);
    if (feature && feature.key !== key) break;
    const compact = compactLabel(trimmed);
    const weakCases = CASES_WEAK.test(compact);
    if (key !== 'cases' && weakCases) break;
    if (compact.length > LABEL_TAIL && !weakCases) break;
    end = i + 1;
  }
  return end;
}

/**
 * Where each template table stands. Found by content where its landmarks are; else the span of
 * its section heading; every span clipped so that none overlaps another.
 */
export function findTables(lines: readonly string[], sections: Sections): TableSpans {
  const all = clusters(lines);
  const found: { key: TableKey; first: number; last: number | null }[] = [];
  for (const key of ['proactive', 'applications', 'cases'] as const) {
    const cluster = best(all, key);
    if (cluster) found.push({ key, first: cluster.first, last: cluster.last });
    else if (sections[key]) found.push({ key, first: sections[key].start, last: null });
  }
  found.sort((a, b) => a.first - b.first);
  const spans: TableSpans = {};
  let floor = 0;
  found.forEach((t, i) => {
    const next = found[i + 1]?.first ?? lines.length;
    const heading = sections[t.key];
    let start: number;
    let end: number;
    if (t.last === null) {
      start = Math.max(t.first, floor);
      end = Math.min(heading!.end, next);
    } else {
      start = walkBack(lines, t.first, floor);
      end = walkForward(lines, t.last, next, t.key);
      // The heading's own span, when it holds the table: its lines around the landmarks are the table's.
      if (heading && heading.start <= t.first && heading.end > t.last) {
        start = Math.max(floor, Math.min(start, heading.start));
        end = Math.max(end, Math.min(heading.end, next));
      }
    }
    if (end > start) spans[t.key] = { start, end };
    floor = Math.max(floor, end);
  });
  return spans;
}
