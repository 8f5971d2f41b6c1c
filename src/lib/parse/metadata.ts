/**
 * Report metadata: agency name (as printed, and canonical), report year, publication date.
 *
 * The agency: from the title (title.ts: every shape reports print, the page's `<title>` line
 * included); else from the signature closing the report (落款: the name on a line, then the date);
 * else from the prose: `北京住房公积金管理中心(以下简称公积金中心)`, `本报告由XX局编制`, or the short
 * form the prose names most (`市科委`). The year: from the title; else from the statistics period
 * (`统计期限自2023年1月1日起`); else the year the prose names most. Everything not read from a title
 * carries a diagnostic. The canonical name (canonical.ts) completes the printed one.
 */
import { SHORT_FORM_IN_PROSE } from './abbreviations.ts';
import { canonicalName } from './canonical.ts';
import { compact, isAgencyName, readTitle } from './title.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';

export interface Metadata {
  /** The name as printed (spaces removed). */
  agency: string | null;
  /** The name completed (canonical.ts); null when there is no name. */
  canonical: string | null;
  year: number | null;
  published: string | null;
  /** 0-based line of the title, if found. */
  titleLine: number | null;
  diagnostics: Diagnostic[];
}

const PROSE_NAME = /([\u4e00-\u9fa5]{2,30}?(?:人民政府|办公室|管理中心|服务中心|中心|局|委员会|厅|街道办事处|管委会))\s*[(（](?:以下|下)简称/;
/** `本报告由XX局(根据|依据|按照|编制)…`: the compiler named in the opening sentence. */
const COMPILED_BY = /本\s{0,3}(?:年度)?报\s{0,3}告\s{0,3}由\s{0,3}([\u4e00-\u9fa5\s]{2,40}?)\s{0,3}(?:根据|依据|按照|依照|编制|编写|负责)/;
/** Every gap bounded: a run of spaces after the keyword costs no backtracking. */
const PERIOD = /(?:统计期限|统计时限|统计时间|统计周期|报告期)[\s为是自从]{0,8}(20\d{2})\s{0,3}年\s{0,3}0?1\s{0,3}月\s{0,3}0?1\s{0,3}日/;
const DATE_LINE = /^(20\d{2})年(\d{1,2})月(\d{1,2})日$/;


/**
 * `text` is `lines` joined by `\n` (the whole text), searched only for what the title does not
 * give; the first `headLimit` lines (up to the first section) are searched for the title.
 */
export function readMetadata(lines: readonly string[], text: string, headLimit: number): Metadata {
  const warnings: Diagnostic[] = [];
  const title = readTitle(lines, headLimit);
  let agency = title?.agency ?? null;
  let year = title?.year ?? null;
  const signature = readSignature(lines);

  if (agency === null && signature?.agency) {
    agency = signature.agency;
    warnings.push(diagnostic('agency_name_from_signature', 'metadata', { name: agency }));
  }
  if (agency === null) {
    const prose = proseAgency(text);
    const undated = prose ? null : closingName(lines);
    if (prose) {
      agency = prose;
      warnings.push(diagnostic('agency_name_from_prose', 'metadata', { name: agency }));
    } else if (undated) {
      agency = undated;
      warnings.push(diagnostic('agency_name_from_signature', 'metadata', { name: agency }));
    } else {
      warnings.push(diagnostic('agency_name_not_found', 'metadata'));
    }
  }
  if (year === null) {
    const period = PERIOD.exec(text)?.[1];
    const mentioned = period ? null : mostMentionedYear(text);
    if (period) {
      year = Number(period);
      warnings.push(diagnostic('year_from_period', 'metadata', { year }));
    } else if (mentioned) {
      year = Number(mentioned);
      warnings.push(diagnostic('year_from_prose', 'metadata', { year }));
    } else {
      warnings.push(diagnostic('year_not_found', 'metadata'));
    }
  }
  let canonical: string | null = null;
  if (agency !== null) {
    const named = canonicalName(agency, text);
    canonical = named.canonical;
    warnings.push(...named.notes);
  }
  const titleLine = title?.line ?? null;
  return { agency, canonical, year, published: readPublished(lines, text, titleLine, year, signature), titleLine, diagnostics: warnings };
}

/** The agency named in the prose, by a `以下简称` note, a `本报告由…编制` sentence, or its short form. */
function proseAgency(text: string): string | null {
  const named = PROSE_NAME.exec(text)?.[1] ?? COMPILED_BY.exec(text)?.[1]?.replace(/\s+/g, '');
  if (named && isAgencyName(named)) return named;
  const counts = new Map<string, number>();
  for (const m of text.matchAll(SHORT_FORM_IN_PROSE)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  const [first, second] = [...counts].sort((a, b) => b[1] - a[1]);
  return first && !(second && second[1] === first[1]) ? first[0] : null;
}

interface Signature {
  /** The agency on the line above the date, if it reads as one. */
  agency: string | null;
  /** The date line matched: groups year, month, day. */
  date: RegExpExecArray;
}

/**
 * The signature closing the report (落款): a date line (`2024年1月20日`) among the last lines, and
 * the agency name on the line above it.
 */
function readSignature(lines: readonly string[]): Signature | null {
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - 15); i--) {
    const date = DATE_LINE.exec(lines[i]!.replace(/\s+/g, ''));
    if (!date) continue;
    for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
      const above = compact(lines[j]!);
      if (above === '') continue;
      return { agency: isAgencyName(above) ? above : null, date };
    }
    return { agency: null, date };
  }
  return null;
}

/** A signature with no date: the report's last line, when it reads as an agency's name. */
function closingName(lines: readonly string[]): string | null {
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - 6); i--) {
    const last = compact(lines[i]!);
    if (last === '') continue;
    return last.length <= 40 && isAgencyName(last) ? last : null;
  }
  return null;
}

/** The year the prose names most often (`2023年`, not `2023年1月` dates). */
function mostMentionedYear(prose: string): string | null {
  const counts = new Map<string, number>();
  for (const m of prose.matchAll(/(20\d{2})\s*年(?!\s*\d{1,2}\s*月)/g)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
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
function readPublished(lines: readonly string[], text: string, titleLine: number | null, year: number | null, signature: Signature | null): string | null {
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
  if (signature) return plausible(signature.date);
  return null;
}
