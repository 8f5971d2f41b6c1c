/**
 * The national template as data: which label is which row, for both versions. Layout readers
 * know nothing of this; the template stage knows nothing of layouts.
 *
 * Labels are recognised by keywords found in the compacted label (spaces and punctuation
 * removed), so numbering, punctuation, spacing, the parenthetical on 部分公开, line breaks inside
 * a label and small misprints (`其他法律行政止公开`) do not matter.
 */
import type { ApplicationRow } from '../schema.ts';

export interface RowPattern {
  row: ApplicationRow;
  /** Any of these in the compacted label identifies the row. */
  keywords: readonly string[];
}

/** Section 三 rows in template order, with the keywords that identify each. */
export const APPLICATION_ROW_PATTERNS: readonly RowPattern[] = [
  { row: 'new', keywords: ['本年新收', '新收政府信息'] },
  { row: 'carried_over', keywords: ['上年结转'] },
  { row: 'granted', keywords: ['予以公开'] },
  { row: 'partly_granted', keywords: ['部分公开'] },
  { row: 'refused_state_secret', keywords: ['国家秘密'] },
  { row: 'refused_law_prohibited', keywords: ['其他法律', '法规禁止', '行政止公开'] },
  { row: 'refused_three_safeties', keywords: ['三安全', '一稳定'] },
  { row: 'refused_third_party', keywords: ['第三方'] },
  { row: 'refused_internal', keywords: ['内部事务'] },
  { row: 'refused_process', keywords: ['过程性'] },
  { row: 'refused_enforcement_file', keywords: ['执法案卷'] },
  { row: 'refused_query', keywords: ['行政查询', '查询事项'] },
  { row: 'unable_not_held', keywords: ['不掌握'] },
  { row: 'unable_needs_creation', keywords: ['没有现成', '另行制作'] },
  { row: 'unable_unclear', keywords: ['仍不明确', '补正后'] },
  { row: 'not_processed_complaint', keywords: ['信访', '举报投诉'] },
  { row: 'not_processed_repeat', keywords: ['重复申请'] },
  { row: 'not_processed_publication', keywords: ['出版物'] },
  { row: 'not_processed_excessive', keywords: ['大量反复'] },
  { row: 'not_processed_confirm', keywords: ['确认或重新', '重新出具', '已获取信息'] },
  { row: 'other_no_correction', keywords: ['逾期不补正', '逾期不补', '正当理由逾期'] },
  { row: 'other_no_fee', keywords: ['收费通知', '缴纳费用'] },
  { row: 'other_misc', keywords: [] },
  { row: 'total_processed', keywords: [] },
  { row: 'carried_forward', keywords: ['结转下年', '下年度继续'] },
];

export const ROW_INDEX: ReadonlyMap<ApplicationRow, number> = new Map(
  APPLICATION_ROW_PATTERNS.map((p, i) => [p.row, i]),
);

/** Rows the 2019 template (and some 2021 reports) do not have: 其他处理 is then one row. */
export const SPLIT_OTHER_ROWS: readonly ApplicationRow[] = ['other_no_correction', 'other_no_fee'];

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

/** Section 二 items, in template order, with their columns in each template version. */
export interface ProactiveItem {
  key: string;
  keywords: readonly string[];
  columns2021: readonly string[];
  columns2019: readonly string[];
}

export const PROACTIVE_ITEMS: readonly ProactiveItem[] = [
  { key: 'regulations', keywords: ['规章'], columns2021: ['issued', 'repealed', 'in_force'], columns2019: ['made', 'published', 'total_public'] },
  { key: 'normative_documents', keywords: ['规范性文件'], columns2021: ['issued', 'repealed', 'in_force'], columns2019: ['made', 'published', 'total_public'] },
  { key: 'licensing', keywords: ['行政许可'], columns2021: ['decisions'], columns2019: ['previous_count', 'change', 'decisions'] },
  { key: 'other_services', keywords: ['其他对外管理服务'], columns2021: [], columns2019: ['previous_count', 'change', 'decisions'] },
  { key: 'punishment', keywords: ['行政处罚'], columns2021: ['decisions'], columns2019: ['previous_count', 'change', 'decisions'] },
  { key: 'coercion', keywords: ['行政强制'], columns2021: ['decisions'], columns2019: ['previous_count', 'change', 'decisions'] },
  { key: 'fees', keywords: ['事业性收费'], columns2021: ['amount_wan_yuan'], columns2019: ['previous_count', 'change'] },
  { key: 'procurement', keywords: ['集中采购'], columns2021: [], columns2019: ['procurement_count', 'procurement_amount'] },
];
