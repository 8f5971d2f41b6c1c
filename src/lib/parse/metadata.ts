/**
 * Report metadata: agency name, report year, publication date. The title line names agency and
 * year (`2023年东莞市…年度报告`, `厚街镇人民政府2023年…`, or the agency on the line above
 * `2023年政府信息公开年度报告`); a report without a title names itself in the prose
 * (`北京住房公积金管理中心(以下简称公积金中心)`).
 */
import { diagnostic, type Diagnostic } from '../diagnostics.ts';

export interface Metadata {
  agency: string | null;
  year: number | null;
  published: string | null;
  /** 0-based line of the title, if found. */
  titleLine: number | null;
  diagnostics: Diagnostic[];
}

const REPORT_WORDS = String.raw`政府信息公开(?:工作)?(?:年度)?(?:工作)?报告`;
/** The words every title pattern holds (REPORT_WORDS opens with them). */
const TITLE_WORD = '政府信息公开';
const TITLE_YEAR_FIRST = new RegExp(String.raw`(20\d{2})\s*年度?\s*(.{2,40}?)\s*${REPORT_WORDS}`);
const TITLE_NAME_FIRST = new RegExp(String.raw`^(.{2,40}?)\s*(20\d{2})\s*年度?\s*${REPORT_WORDS}`);
const TITLE_YEAR_ONLY = new RegExp(String.raw`^(20\d{2})\s*年度?\s*${REPORT_WORDS}`);
const AGENCY_SUFFIX = /(人民政府|办公室|办公厅|管理中心|服务中心|中心|局|委员会|委|厅|部|署|院|所|站|队|街道办事处|办事处|管理委员会|管委会|公司|政府)$/;
const PROSE_NAME = /([\u4e00-\u9fa5]{2,30}?(?:人民政府|办公室|管理中心|服务中心|中心|局|委员会|厅|街道办事处|管委会))\s*[(（](?:以下|下)简称/;

function cleanName(raw: string): string {
  return raw
    .replace(/^[\s|#*:：,，、]+|[\s|#*:：,，、]+$/g, '')
    .replace(/^(关于|PDF文件查看)[:：]?/, '')
    .replace(/\s+/g, '');
}

/**
 * `text` is `lines` joined by `\n` (the whole text), searched only for what the title does not
 * give; the first `headLimit` lines are searched for the title.
 */
export function readMetadata(lines: readonly string[], text: string, headLimit: number): Metadata {
  const diagnostics: Diagnostic[] = [];
  let agency: string | null = null;
  let year: number | null = null;
  let titleLine: number | null = null;

  for (let i = 0; i < Math.min(lines.length, headLimit); i++) {
    // Every title form holds the report words: other lines are not run through the patterns.
    if (!lines[i]!.includes(TITLE_WORD)) continue;
    const line = lines[i]!.trim();
    let m = TITLE_NAME_FIRST.exec(line);
    if (m && AGENCY_SUFFIX.test(cleanName(m[1]!))) {
      [agency, year, titleLine] = [cleanName(m[1]!), Number(m[2]), i];
      break;
    }
    m = TITLE_YEAR_ONLY.exec(line);
    if (m) {
      year = Number(m[1]);
      titleLine = i;
      const above = previousContentLine(lines, i);
      if (above !== null && AGENCY_SUFFIX.test(cleanName(above)) && cleanName(above).length <= 40) agency = cleanName(above);
      break;
    }
    m = TITLE_YEAR_FIRST.exec(line);
    if (m && AGENCY_SUFFIX.test(cleanName(m[2]!))) {
      [agency, year, titleLine] = [cleanName(m[2]!), Number(m[1]), i];
      break;
    }
  }

  // The whole text is searched only for what the title did not give.
  const prose = agency === null || year === null ? text : '';
  if (agency === null) {
    const m = PROSE_NAME.exec(prose);
    if (m) {
      agency = m[1]!;
      diagnostics.push(diagnostic('agency_name_from_prose', 'metadata', { name: agency }));
    } else {
      diagnostics.push(diagnostic('agency_name_not_found', 'metadata'));
    }
  }
  if (year === null) {
    const period = /统计期限自\s*(20\d{2})\s*年\s*1\s*月\s*1\s*日/.exec(prose)?.[1] ?? mostMentionedYear(prose);
    if (period) {
      year = Number(period);
      diagnostics.push(diagnostic('year_from_prose', 'metadata', { year }));
    } else {
      diagnostics.push(diagnostic('year_not_found', 'metadata'));
    }
  }
  return { agency, year, published: readPublished(lines, text, titleLine, year), titleLine, diagnostics };
}

/** The year the prose names most often (`2023年`, not `2023年1月` dates). */
function mostMentionedYear(prose: string): string | null {
  const counts = new Map<string, number>();
  for (const m of prose.matchAll(/(20\d{2})\s*年(?!\s*\d{1,2}\s*月)/g)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}

function previousContentLine(lines: readonly string[], i: number): string | null {
  for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
    const t = lines[j]!.trim();
    if (t !== '' && !/^[-—–\s\d]+$/.test(t)) return t;
  }
  return null;
}

const PUBLISHED_WORDS = /发布(?:日期|时间)/;
const PUBLISHED_FIELD = /发布(?:日期|时间)\s*[:：]?\s*(20\d{2}[-年]\s*\d{1,2}[-月]\s*\d{1,2})/;
const ISO_DATE = /(20\d{2})-(\d{1,2})-(\d{1,2})/;
const CN_DATE = /(20\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;

function iso(m: RegExpExecArray): string {
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

/**
 * The publication date: a `发布日期` field, a date standing near the title (page chrome or
 * `(2024年1月12日)`), or the signature date closing the report. Dates inside the reporting year
 * (the statistics period) are not publication dates.
 */
function readPublished(lines: readonly string[], text: string, titleLine: number | null, year: number | null): string | null {
  const plausible = (m: RegExpExecArray | null) => (m && (year === null || Number(m[1]) > year) ? iso(m) : null);
  // Most reports print no such field: its words are looked for once in the whole text.
  if (PUBLISHED_WORDS.test(text)) {
    for (const line of lines) {
      if (!line.includes('发布')) continue;
      const field = PUBLISHED_FIELD.exec(line);
      if (field) {
        const d = plausible(ISO_DATE.exec(field[1]!) ?? CN_DATE.exec(`${field[1]}日`));
        if (d) return d;
      }
    }
  }
  if (titleLine !== null) {
    for (let i = Math.max(0, titleLine - 2); i <= titleLine + 3 && i < lines.length; i++) {
      const line = lines[i]!;
      if (line.length > 80) continue;
      const d = plausible(ISO_DATE.exec(line) ?? CN_DATE.exec(line));
      if (d) return d;
    }
  }
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - 15); i--) {
    const line = lines[i]!.trim();
    const m = /^(20\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/.exec(line);
    if (m) return plausible(m);
  }
  return null;
}
