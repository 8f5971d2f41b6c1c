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
  /** The template's own wording, compacted (no numbering, spaces or punctuation). */
  label: string;
  /** Any of these in the compacted label identifies the row. */
  keywords: readonly string[];
}

/** Section 三 rows in template order, with the keywords that identify each. */
export const APPLICATION_ROW_PATTERNS: readonly RowPattern[] = [
  { row: 'new', label: '本年新收政府信息公开申请数量', keywords: ['本年新收', '新收政府信息'] },
  { row: 'carried_over', label: '上年结转政府信息公开申请数量', keywords: ['上年结转'] },
  { row: 'granted', label: '予以公开', keywords: ['予以公开'] },
  { row: 'partly_granted', label: '部分公开区分处理的只计这一情形不计其他情形', keywords: ['部分公开'] },
  { row: 'refused_state_secret', label: '属于国家秘密', keywords: ['国家秘密'] },
  { row: 'refused_law_prohibited', label: '其他法律行政法规禁止公开', keywords: ['其他法律', '法规禁止', '行政止公开'] },
  { row: 'refused_three_safeties', label: '危及三安全一稳定', keywords: ['三安全', '一稳定'] },
  { row: 'refused_third_party', label: '保护第三方合法权益', keywords: ['第三方'] },
  { row: 'refused_internal', label: '属于三类内部事务信息', keywords: ['内部事务'] },
  { row: 'refused_process', label: '属于四类过程性信息', keywords: ['过程性'] },
  { row: 'refused_enforcement_file', label: '属于行政执法案卷', keywords: ['执法案卷'] },
  { row: 'refused_query', label: '属于行政查询事项', keywords: ['行政查询', '查询事项'] },
  { row: 'unable_not_held', label: '本机关不掌握相关政府信息', keywords: ['不掌握'] },
  { row: 'unable_needs_creation', label: '没有现成信息需要另行制作', keywords: ['没有现成', '另行制作'] },
  { row: 'unable_unclear', label: '补正后申请内容仍不明确', keywords: ['仍不明确', '补正后'] },
  { row: 'not_processed_complaint', label: '信访举报投诉类申请', keywords: ['信访', '举报投诉'] },
  { row: 'not_processed_repeat', label: '重复申请', keywords: ['重复申请'] },
  { row: 'not_processed_publication', label: '要求提供公开出版物', keywords: ['出版物'] },
  { row: 'not_processed_excessive', label: '无正当理由大量反复申请', keywords: ['大量反复'] },
  { row: 'not_processed_confirm', label: '要求行政机关确认或重新出具已获取信息', keywords: ['确认或重新', '重新出具', '已获取信息'] },
  { row: 'other_no_correction', label: '申请人无正当理由逾期不补正行政机关不再处理其政府信息公开申请', keywords: ['逾期不补正', '逾期不补', '正当理由逾期'] },
  { row: 'other_no_fee', label: '申请人逾期未按收费通知要求缴纳费用行政机关不再处理其政府信息公开申请', keywords: ['收费通知', '缴纳费用'] },
  { row: 'other_misc', label: '其他', keywords: [] },
  { row: 'total_processed', label: '总计', keywords: [] },
  { row: 'carried_forward', label: '结转下年度继续办理', keywords: ['结转下年', '下年度继续'] },
];

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
