/**
 * The national template's printed wording (../shared/SPEC.md §1; the seeds print it so): section
 * headings, section 三's row labels and column headers, section 四's headers, section 二's items.
 */
import type { ApplicationRow, CaseOutcome } from '../../src/lib/schema.ts';
import type { Template } from './model.ts';

export const SECTION_TITLES = [
  '总体情况',
  '主动公开政府信息情况',
  '收到和处理政府信息公开申请情况',
  '政府信息公开行政复议、行政诉讼情况',
  '存在的主要问题及改进情况',
  '其他需要报告的事项',
] as const;

export const CHINESE_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'] as const;

export const APPLICANT_HEADERS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'] as const;
/** Where a PDF converter or a narrow column breaks each header over two lines. */
export const APPLICANT_HEADERS_SPLIT: readonly (readonly [string, string])[] = [
  ['自然人', ''],
  ['商业', '企业'],
  ['科研', '机构'],
  ['社会公益', '组织'],
  ['法律服务', '机构'],
  ['其他', ''],
  ['总计', ''],
];

export const OUTCOME_BLOCK = '三、本年度办理结果';
export const ACCOUNTING_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** A row's label: `group` is the label of its rowspan group cell (if any), `label` its own. */
export interface RowLabel {
  group: string | null;
  label: string;
}

const OTHER_2021: Partial<Record<ApplicationRow, string>> = {
  other_no_correction: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  other_no_fee: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  other_misc: '3.其他',
};

const LABELS: Record<ApplicationRow, RowLabel> = {
  new: { group: null, label: '一、本年新收政府信息公开申请数量' },
  carried_over: { group: null, label: '二、上年结转政府信息公开申请数量' },
  granted: { group: null, label: '（一）予以公开' },
  partly_granted: { group: null, label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' },
  refused_state_secret: { group: '（三）不予公开', label: '1.属于国家秘密' },
  refused_law_prohibited: { group: '（三）不予公开', label: '2.其他法律行政法规禁止公开' },
  refused_three_safeties: { group: '（三）不予公开', label: '3.危及“三安全一稳定”' },
  refused_third_party: { group: '（三）不予公开', label: '4.保护第三方合法权益' },
  refused_internal: { group: '（三）不予公开', label: '5.属于三类内部事务信息' },
  refused_process: { group: '（三）不予公开', label: '6.属于四类过程性信息' },
  refused_enforcement_file: { group: '（三）不予公开', label: '7.属于行政执法案卷' },
  refused_query: { group: '（三）不予公开', label: '8.属于行政查询事项' },
  unable_not_held: { group: '（四）无法提供', label: '1.本机关不掌握相关政府信息' },
  unable_needs_creation: { group: '（四）无法提供', label: '2.没有现成信息需要另行制作' },
  unable_unclear: { group: '（四）无法提供', label: '3.补正后申请内容仍不明确' },
  not_processed_complaint: { group: '（五）不予处理', label: '1.信访举报投诉类申请' },
  not_processed_repeat: { group: '（五）不予处理', label: '2.重复申请' },
  not_processed_publication: { group: '（五）不予处理', label: '3.要求提供公开出版物' },
  not_processed_excessive: { group: '（五）不予处理', label: '4.无正当理由大量反复申请' },
  not_processed_confirm: { group: '（五）不予处理', label: '5.要求行政机关确认或重新出具已获取信息' },
  other_no_correction: { group: '（六）其他处理', label: '' },
  other_no_fee: { group: '（六）其他处理', label: '' },
  other_misc: { group: '（六）其他处理', label: '' },
  total_processed: { group: null, label: '（七）总计' },
  carried_forward: { group: null, label: '四、结转下年度继续办理' },
};

export function rowLabel(row: ApplicationRow, template: Template): RowLabel {
  if (row === 'other_misc' && template === '2019') return { group: null, label: '（六）其他处理' };
  const other = OTHER_2021[row];
  return other ? { group: '（六）其他处理', label: other } : LABELS[row];
}

/** Whether a row sits under 三、本年度办理结果. */
export const isOutcomeRow = (row: ApplicationRow): boolean => row !== 'new' && row !== 'carried_over' && row !== 'carried_forward';

export const CASE_HEADERS: Record<CaseOutcome, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计',
};

/** Section 二's items: label, item number of 第二十条, and the record keys of its columns with their headers. */
export interface ProactiveItemText {
  item: string;
  label: string;
  key: string;
  columns: readonly (readonly [string, string])[];
}

const C2021_DOCS = [['issued', '本年制发件数'], ['repealed', '本年废止件数'], ['in_force', '现行有效件数']] as const;
const C2019_DOCS = [['made', '本年新制作数量'], ['published', '本年新公开数量'], ['total_public', '对外公开总数量']] as const;
const C2019_ITEMS = [['previous_count', '上一年项目数量'], ['change', '本年增/减'], ['decisions', '处理决定数量']] as const;

export function proactiveItems(template: Template): ProactiveItemText[] {
  if (template === '2021') {
    return [
      { item: '（一）', label: '规章', key: 'regulations', columns: C2021_DOCS },
      { item: '（一）', label: '行政规范性文件', key: 'normative_documents', columns: C2021_DOCS },
      { item: '（五）', label: '行政许可', key: 'licensing', columns: [['decisions', '本年处理决定数量']] },
      { item: '（六）', label: '行政处罚', key: 'punishment', columns: [['decisions', '本年处理决定数量']] },
      { item: '（六）', label: '行政强制', key: 'coercion', columns: [['decisions', '本年处理决定数量']] },
      { item: '（八）', label: '行政事业性收费', key: 'fees', columns: [['amount_wan_yuan', '本年收费金额（单位：万元）']] },
    ];
  }
  return [
    { item: '（一）', label: '规章', key: 'regulations', columns: C2019_DOCS },
    { item: '（一）', label: '规范性文件', key: 'normative_documents', columns: C2019_DOCS },
    { item: '（五）', label: '行政许可', key: 'licensing', columns: C2019_ITEMS },
    { item: '（五）', label: '其他对外管理服务事项', key: 'other_services', columns: C2019_ITEMS },
    { item: '（六）', label: '行政处罚', key: 'punishment', columns: C2019_ITEMS },
    { item: '（六）', label: '行政强制', key: 'coercion', columns: C2019_ITEMS },
    { item: '（八）', label: '行政事业性收费', key: 'fees', columns: [['previous_count', '上一年项目数量'], ['change', '本年增/减']] },
    { item: '（九）', label: '政府集中采购', key: 'procurement', columns: [['procurement_count', '采购项目数量'], ['procurement_amount', '采购总金额']] },
  ];
}
