/**
 * The parser's side of the national template (src/lib/template.ts holds the rows, columns and
 * versions): which label is which row, by keywords. Layout readers know nothing of this; the
 * template stage knows nothing of layouts.
 *
 * Labels are recognised by keywords found in the compacted label (spaces and punctuation
 * removed), so numbering, punctuation, spacing, the parenthetical on 部分公开, line breaks inside
 * a label and small misprints (`其他法律行政止公开`) do not matter.
 */
import { APPLICATION_ROW_SPECS, PROACTIVE_ITEM_SPECS, type ApplicationRow } from '../template.ts';
import { compactLabel, normalizeText } from './normalize.ts';

/** Rows only the 2021 template prints (re-exported for the parser's modules). */
export { SPLIT_OTHER_ROWS } from '../template.ts';

export interface RowPattern {
  row: ApplicationRow;
  /** The template's own wording, compacted (no numbering, spaces or punctuation). */
  label: string;
  /** Any of these in the compacted label identifies the row. */
  keywords: readonly string[];
}

/** The keywords that identify each section 三 row (any of them in the compacted label). */
const ROW_KEYWORDS: Record<ApplicationRow, readonly string[]> = {
  new: ['本年新收', '新收政府信息'],
  carried_over: ['上年结转'],
  granted: ['予以公开'],
  partly_granted: ['部分公开'],
  refused_state_secret: ['国家秘密'],
  refused_law_prohibited: ['其他法律', '法规禁止', '行政止公开'],
  refused_three_safeties: ['三安全', '一稳定'],
  refused_third_party: ['第三方'],
  refused_internal: ['内部事务'],
  refused_process: ['过程性'],
  refused_enforcement_file: ['执法案卷'],
  refused_query: ['行政查询', '查询事项'],
  unable_not_held: ['不掌握'],
  unable_needs_creation: ['没有现成', '另行制作'],
  unable_unclear: ['仍不明确', '补正后'],
  not_processed_complaint: ['信访', '举报投诉'],
  not_processed_repeat: ['重复申请'],
  not_processed_publication: ['出版物'],
  not_processed_excessive: ['大量反复'],
  not_processed_confirm: ['确认或重新', '重新出具', '已获取信息'],
  other_no_correction: ['逾期不补正', '逾期不补', '正当理由逾期'],
  other_no_fee: ['收费通知', '缴纳费用'],
  // `3.其他`, `（七）总计`: too common to be keywords; matchApplicationLabel reads them by their numbering.
  other_misc: [],
  total_processed: [],
  carried_forward: ['结转下年', '下年度继续'],
};

/**
 * Section 三 rows in template order, with the keywords that identify each and the template's
 * wording as the parser sees it (normalised, then compacted like every label it reads).
 */
export const APPLICATION_ROW_PATTERNS: readonly RowPattern[] = APPLICATION_ROW_SPECS.map((spec) => ({
  row: spec.key,
  label: compactLabel(normalizeText(spec.printed)),
  keywords: ROW_KEYWORDS[spec.key],
}));

const CANONICAL = new Map(APPLICATION_ROW_PATTERNS.map((p) => [p.row, p.label]));

/**
 * Whether a label that named `row` departs from the template's wording: not the wording, a part
 * of it (a label wrapped over lines) or the wording with a group heading before it. Such a
 * label (`其他法律行政止公开`) was recognised by a keyword and is worth a warning.
 */
export function isDamagedLabel(row: ApplicationRow, compact: string): boolean {
  const canonical = CANONICAL.get(row) ?? '';
  const text = compact.replace(/^[一二三四五六七八九十\d]+/, '');
  return !(canonical.includes(text) || text.includes(canonical));
}

export type LabelMatch =
  | { kind: 'row'; row: ApplicationRow }
  /** `（六）其他处理` alone: the single 其他处理 row when numbers follow it directly. */
  | { kind: 'other_group' }
  | { kind: 'none' };

/**
 * Which section 三 row a label names. `compact` is the label with spaces and punctuation removed.
 * Group headings (（三）不予公开 …) before a sub-row label are ignored; the sub-row decides.
 */
export function matchApplicationLabel(compact: string): LabelMatch {
  // A combined label such as `三、本年度办理结果（一）予以公开` names its last row.
  let best: { row: ApplicationRow; at: number } | null = null;
  for (const pattern of APPLICATION_ROW_PATTERNS) {
    for (const keyword of pattern.keywords) {
      const at = compact.lastIndexOf(keyword);
      if (at >= 0 && (best === null || at > best.at)) best = { row: pattern.row, at };
    }
  }
  // Plain `总计` is the column header; the row is `（七）总计`.
  if (/(七|7)总计/.test(compact)) return { kind: 'row', row: 'total_processed' };
  if (best) return { kind: 'row', row: best.row };
  if (/(3|三)其他$/.test(compact)) return { kind: 'row', row: 'other_misc' };
  if (/其他处理$/.test(compact)) return { kind: 'other_group' };
  return { kind: 'none' };
}

/** Section 二 items, in template order, with the keywords that identify each and their columns in each template version. */
export interface ProactiveItem {
  key: string;
  keywords: readonly string[];
  columns2021: readonly string[];
  columns2019: readonly string[];
}

const PROACTIVE_KEYWORDS: Record<string, readonly string[]> = {
  regulations: ['规章'],
  normative_documents: ['规范性文件'],
  licensing: ['行政许可'],
  other_services: ['其他对外管理服务'],
  punishment: ['行政处罚'],
  coercion: ['行政强制'],
  fees: ['事业性收费'],
  procurement: ['集中采购'],
};

export const PROACTIVE_ITEMS: readonly ProactiveItem[] = PROACTIVE_ITEM_SPECS.map((item) => ({
  key: item.key,
  keywords: PROACTIVE_KEYWORDS[item.key] ?? [],
  columns2021: item.columns['2021'],
  columns2019: item.columns['2019'],
}));
