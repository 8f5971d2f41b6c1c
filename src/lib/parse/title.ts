/**
 * The report title: agency and year, in every shape reports print it. A title may be wrapped over
 * two or three lines (`XX市人民政府办公室` / `2024年政府信息公开` / `工作年度报告`), with blank lines,
 * markdown (`#`, `**`) and spaces (`2 0 2 4 年`, `XX 市 XX 局`) in it; carry page chrome (an HTML
 * page's `<title>` line: `…年度报告_XX市人民政府门户网站`); name the agency before the year
 * (`XX局2023年度…`), after it (`2023年XX局…`), or not at all (`2023年政府信息公开年度报告`);
 * end in 年报, 政务公开工作年度报告, 信息公开年度报告, `年度报告（2023年）`, or read
 * `关于XX局2023年政府信息公开工作情况的报告`. Pure.
 */
import { parseChineseNumeral } from './numbers.ts';

export interface Title {
  /** The agency as printed (spaces and markdown removed), or null when the title names none. */
  agency: string | null;
  year: number | null;
  /** 0-based line holding the report words. */
  line: number;
}

const REPORT = String.raw`(?:政府信息公开|政务信息公开|信息公开|政务公开)(?:和政务公开|及政务公开)?(?:工作)?(?:情况)?(?:年度)?(?:工作)?(?:情况)?的?(?:年度)?(?:报告|年报)`;
const YEAR = String.raw`(20\d{2})年度?`;
/**
 * Any characters but spaces and chrome separators: a name is kept as printed, odd characters and
 * all (the output is escaped, not the parser's input filtered); the agency ending decides.
 */
const NAME = String.raw`([^\s_|｜]{2,40}?)`;
/** A parenthesised note after the title: `（全文）`, `(2024年1月12日)`. */
const TAIL = String.raw`(?:[（(][^（()）]{0,20}[）)])?`;

/** Each shape: which group is the name and which the year (0: not in this shape). */
const SHAPES: { re: RegExp; name: number; year: number }[] = [
  { re: new RegExp(`^(?:关于)?${NAME}${YEAR}${REPORT}${TAIL}$`), name: 1, year: 2 },
  { re: new RegExp(`^(?:关于)?${YEAR}${NAME}${REPORT}${TAIL}$`), name: 2, year: 1 },
  { re: new RegExp(`^(?:关于)?${NAME}${REPORT}[（(]${YEAR}[）)]$`), name: 1, year: 2 },
  { re: new RegExp(`^(?:关于)?${YEAR}${REPORT}${TAIL}$`), name: 0, year: 1 },
  { re: new RegExp(`^(?:关于)?${NAME}${REPORT}${TAIL}$`), name: 1, year: 0 },
];

/**
 * The endings of agency names: bodies (局, 委员会, 办公室, 中心 …), governments (人民政府,
 * 街道办事处) and places, for a whole place's report (XX市, XX县, XX区, XX旗, XX镇, XX乡, XX街道).
 * Company or group names (集团) are not agencies.
 */
export const AGENCY_END =
  /(人民政府|政府|办公室|办公厅|中心|局|委员会|委|厅|部|署|院|所|站|队|办事处|管委会|公司|海关|省|市|县|区|旗|盟|自治州|镇|乡|街道|苏木)$/;
/** Words no agency name holds: they belong to the report words or to a sentence. */
const NOT_A_NAME = /公开|报告|年报|20\d{2}年|^年|^(政府|政务|人民政府|本|我|全)$/;

/** A line as a title part: spaces, markdown and a `标题：` label removed. */
export function compact(line: string): string {
  return line
    .replace(/\s+/g, '')
    // A year in Chinese numerals (`二〇二三年`), as some titles print it.
    .replace(/[〇零一二三四五六七八九]{4}(?=年)/g, (year) => String(parseChineseNumeral(year)))
    .replace(/\*\*|__|^#+|^>+/g, '')
    .replace(/^(?:标题|文章标题|名称|PDF文件查看)[:：]/, '')
    .replace(/^[|:：,，、*#]+|[|:：,，、*#]+$/g, '');
}

export function isAgencyName(name: string): boolean {
  return name.length >= 2 && name.length <= 40 && AGENCY_END.test(name) && !NOT_A_NAME.test(name);
}

/** Agency and year from one title string (compacted), trying it whole and each chrome-separated part. */
export function readTitleString(s: string): { agency: string | null; year: number | null } | null {
  const parts = [s, ...(/[_|｜—–-]/.test(s) ? s.split(/[_|｜—–-]+/) : [])];
  let partial: { agency: string | null; year: number | null } | null = null;
  for (const part of parts) {
    for (const shape of SHAPES) {
      const m = shape.re.exec(part);
      if (!m) continue;
      const agency = shape.name ? m[shape.name]! : null;
      if (agency !== null && !isAgencyName(agency)) continue;
      const found = { agency, year: shape.year ? Number(m[shape.year]) : null };
      if (found.agency !== null && found.year !== null) return found;
      partial ??= found;
    }
  }
  return partial;
}

const MAX_ANCHORS = 20;

/** Every title shape ends its report words in 报告 or 年报. */
const REPORT_END = /报告|年报/;

/** A line that can hold the report words: a title part, whole or once page chrome is cut off. */
function titleLine(s: string): boolean {
  return titlePart(s) || s.split(/[_|｜—–-]+/).some((part) => part.includes('公开') && titlePart(part));
}

/** A line that can be part of a title: short, and no sentence (an ASCII comma may be in a name). */
function titlePart(s: string): boolean {
  return s.length > 0 && s.length <= 48 && !/[。，；;]/.test(s);
}

/**
 * Title lines joined. A year alone on its line, where the rest opens with 年, goes first: PDF
 * text may set a title's digits apart from its characters (`年XX局政府信息公开工作年` / `2023` /
 * `度报告`), as it does when they are in another font.
 */
function joinTitle(parts: readonly string[]): string {
  const year = parts.findIndex((p) => /^20\d{2}$/.test(p));
  if (year < 0 || parts.length < 2) return parts.join('');
  const rest = parts.filter((_, i) => i !== year).join('');
  return rest.startsWith('年') ? parts[year]! + rest : parts.join('');
}

/**
 * The title among the first `limit` lines: the smallest run of up to three non-blank lines around a
 * line holding 公开 that reads as a title naming agency and year; else the first that names one
 * of them. Null when no line reads as a title.
 */
export function readTitle(lines: readonly string[], limit: number): Title | null {
  // The non-blank lines, compacted only when a title run reaches them (most never are).
  const head: { line: number; raw: string; s: string | null }[] = [];
  for (let i = 0; i < Math.min(lines.length, limit); i++) {
    const raw = lines[i]!;
    if (raw.trim() !== '') head.push({ line: i, raw, s: null });
  }
  // A line too long to be a title part is kept uncompacted: it only stops a run of title lines.
  const text = (h: (typeof head)[number]) => (h.s ??= h.raw.length > 160 ? h.raw : compact(h.raw));
  let partial: Title | null = null;
  // A title stands among the first lines holding 公开: a head of thousands of them is not searched through.
  let anchors = 0;
  for (let k = 0; k < head.length && anchors < MAX_ANCHORS; k++) {
    // 公开 may be split over two lines (`…政府信息公` / `开工作年度报告`): its report words' end then anchors the run.
    if (!(head[k]!.raw.includes('公开') || REPORT_END.test(head[k]!.raw)) || !titleLine(text(head[k]!))) continue;
    anchors++;
    // Smallest runs first: a one-line title is read without joining its neighbours.
    for (let size = 1; size <= 3; size++) {
      for (let a = Math.max(0, k - size + 1); a <= k && a + size <= head.length; a++) {
        const run = head.slice(a, a + size);
        if (run.some((h, j) => a + j !== k && !titlePart(text(h)))) continue;
        const joined = joinTitle(run.map(text));
        if (!REPORT_END.test(joined)) continue;
        const found = readTitleString(joined);
        if (!found) continue;
        const title = { ...found, line: head[k]!.line };
        if (found.agency !== null && found.year !== null) return title;
        partial ??= title;
      }
    }
  }
  return partial;
}
