/**
 * The national template (../shared/SPEC.md §1) as data, the one place that says what its rows,
 * columns and groups are: section 三's rows with their printed wording, zh/en labels, outcome group
 * and template versions; the applicant columns; section 四's groups and outcomes; section 二's
 * items with their columns per version. The schema's key lists, the parser, the checks, the fact
 * row, the CSV, the site and the bench all read it from here. What only the parser needs (the
 * keywords that recognise a label) is in src/lib/parse/template.ts.
 */

export type TemplateVersion = '2019' | '2021';
export const TEMPLATE_VERSIONS = ['2019', '2021'] as const satisfies readonly TemplateVersion[];
const BOTH = TEMPLATE_VERSIONS;

/** A key's name in Chinese (as the report prints it, with the group where it helps) and English. */
export interface Label {
  zh: string;
  en: string;
}

/** Outcome groups of section 三 (（一）…（六）), with zh/en labels, in template order. */
export const OUTCOME_GROUP_SPECS = [
  { key: 'granted', zh: '予以公开', en: 'Granted in full' },
  { key: 'partly_granted', zh: '部分公开', en: 'Granted in part' },
  { key: 'refused', zh: '不予公开', en: 'refused' },
  { key: 'unable', zh: '无法提供', en: 'unable to provide' },
  { key: 'not_processed', zh: '不予处理', en: 'not processed' },
  { key: 'other', zh: '其他处理', en: 'other handling' },
] as const satisfies readonly ({ key: string } & Label)[];
export type OutcomeGroup = (typeof OUTCOME_GROUP_SPECS)[number]['key'];

export interface ApplicationRowSpec<K extends string = string> extends Label {
  key: K;
  /** The numbering the template prints before the wording (一、 （一） 1.). */
  number: string;
  /** The template's wording, as printed (2021 template). */
  printed: string;
  /** The outcome group the row is part of; null for new, carried_over, total_processed, carried_forward. */
  group: OutcomeGroup | null;
  /** The template versions that print the row. */
  versions: readonly TemplateVersion[];
  /** Where the 2019 template prints the row otherwise: its numbering and wording there. */
  printed2019?: { number: string; printed: string };
}

/**
 * Section 三 rows in template order. The 2019 template prints 其他处理 as one row, （六）其他处理,
 * read into other_misc; the 2021 template splits it into three (other_no_correction, other_no_fee,
 * other_misc). Some 2021 reports still print the single row.
 */
export const APPLICATION_ROW_SPECS = [
  { key: 'new', number: '一、', printed: '本年新收政府信息公开申请数量', group: null, versions: BOTH, zh: '本年新收政府信息公开申请数量', en: 'New applications this year' },
  { key: 'carried_over', number: '二、', printed: '上年结转政府信息公开申请数量', group: null, versions: BOTH, zh: '上年结转政府信息公开申请数量', en: 'Carried over from last year' },
  { key: 'granted', number: '（一）', printed: '予以公开', group: 'granted', versions: BOTH, zh: '予以公开', en: 'Granted in full' },
  { key: 'partly_granted', number: '（二）', printed: '部分公开（区分处理的，只计这一情形，不计其他情形）', group: 'partly_granted', versions: BOTH, zh: '部分公开', en: 'Granted in part' },
  { key: 'refused_state_secret', number: '1.', printed: '属于国家秘密', group: 'refused', versions: BOTH, zh: '不予公开：属于国家秘密', en: 'Refused: state secret' },
  { key: 'refused_law_prohibited', number: '2.', printed: '其他法律行政法规禁止公开', group: 'refused', versions: BOTH, zh: '不予公开：其他法律行政法规禁止公开', en: 'Refused: prohibited by other laws' },
  { key: 'refused_three_safeties', number: '3.', printed: '危及“三安全一稳定”', group: 'refused', versions: BOTH, zh: '不予公开：危及“三安全一稳定”', en: 'Refused: endangers the "three safeties and one stability"' },
  { key: 'refused_third_party', number: '4.', printed: '保护第三方合法权益', group: 'refused', versions: BOTH, zh: '不予公开：保护第三方合法权益', en: 'Refused: third-party rights' },
  { key: 'refused_internal', number: '5.', printed: '属于三类内部事务信息', group: 'refused', versions: BOTH, zh: '不予公开：属于三类内部事务信息', en: 'Refused: internal affairs' },
  { key: 'refused_process', number: '6.', printed: '属于四类过程性信息', group: 'refused', versions: BOTH, zh: '不予公开：属于四类过程性信息', en: 'Refused: process information' },
  { key: 'refused_enforcement_file', number: '7.', printed: '属于行政执法案卷', group: 'refused', versions: BOTH, zh: '不予公开：属于行政执法案卷', en: 'Refused: enforcement case file' },
  { key: 'refused_query', number: '8.', printed: '属于行政查询事项', group: 'refused', versions: BOTH, zh: '不予公开：属于行政查询事项', en: 'Refused: administrative query matter' },
  { key: 'unable_not_held', number: '1.', printed: '本机关不掌握相关政府信息', group: 'unable', versions: BOTH, zh: '无法提供：本机关不掌握相关政府信息', en: 'Unable: information not held' },
  { key: 'unable_needs_creation', number: '2.', printed: '没有现成信息需要另行制作', group: 'unable', versions: BOTH, zh: '无法提供：没有现成信息需要另行制作', en: 'Unable: would need to be created' },
  { key: 'unable_unclear', number: '3.', printed: '补正后申请内容仍不明确', group: 'unable', versions: BOTH, zh: '无法提供：补正后申请内容仍不明确', en: 'Unable: request still unclear' },
  { key: 'not_processed_complaint', number: '1.', printed: '信访举报投诉类申请', group: 'not_processed', versions: BOTH, zh: '不予处理：信访举报投诉类申请', en: 'Not processed: petition or complaint' },
  { key: 'not_processed_repeat', number: '2.', printed: '重复申请', group: 'not_processed', versions: BOTH, zh: '不予处理：重复申请', en: 'Not processed: repeat application' },
  { key: 'not_processed_publication', number: '3.', printed: '要求提供公开出版物', group: 'not_processed', versions: BOTH, zh: '不予处理：要求提供公开出版物', en: 'Not processed: asks for a publication' },
  { key: 'not_processed_excessive', number: '4.', printed: '无正当理由大量反复申请', group: 'not_processed', versions: BOTH, zh: '不予处理：无正当理由大量反复申请', en: 'Not processed: excessive repeated applications' },
  { key: 'not_processed_confirm', number: '5.', printed: '要求行政机关确认或重新出具已获取信息', group: 'not_processed', versions: BOTH, zh: '不予处理：要求行政机关确认或重新出具已获取信息', en: 'Not processed: asks to confirm or reissue information' },
  { key: 'other_no_correction', number: '1.', printed: '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', group: 'other', versions: ['2021'], zh: '其他处理：申请人逾期不补正（2021模板）', en: 'Other: applicant did not complete the request (2021 template)' },
  { key: 'other_no_fee', number: '2.', printed: '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', group: 'other', versions: ['2021'], zh: '其他处理：申请人逾期未缴纳费用（2021模板）', en: 'Other: applicant did not pay the fee (2021 template)' },
  { key: 'other_misc', number: '3.', printed: '其他', printed2019: { number: '（六）', printed: '其他处理' }, group: 'other', versions: BOTH, zh: '其他处理：其他（2019模板为整行“其他处理”）', en: 'Other: other (the whole 其他处理 row in the 2019 template)' },
  { key: 'total_processed', number: '（七）', printed: '总计', group: null, versions: BOTH, zh: '本年度办理结果总计', en: 'Total answered' },
  { key: 'carried_forward', number: '四、', printed: '结转下年度继续办理', group: null, versions: BOTH, zh: '结转下年度继续办理', en: 'Carried forward to next year' },
] as const satisfies readonly ApplicationRowSpec[];
export type ApplicationRow = (typeof APPLICATION_ROW_SPECS)[number]['key'];

/** Section 三 applicant columns, in the order the template prints them. */
export const APPLICANT_COLUMN_SPECS = [
  { key: 'natural', zh: '自然人', en: 'natural persons' },
  { key: 'commercial', zh: '商业企业', en: 'businesses' },
  { key: 'research', zh: '科研机构', en: 'research institutions' },
  { key: 'social', zh: '社会公益组织', en: 'public-interest organisations' },
  { key: 'legal', zh: '法律服务机构', en: 'legal service providers' },
  { key: 'other', zh: '其他法人或其他组织', en: 'other organisations' },
  { key: 'total', zh: '总计', en: 'total' },
] as const satisfies readonly ({ key: string } & Label)[];
export type ApplicantColumn = (typeof APPLICANT_COLUMN_SPECS)[number]['key'];

/** Section 四: three groups of five cells, in print order. */
export const CASE_GROUP_SPECS = [
  { key: 'review', zh: '行政复议', en: 'Administrative reconsideration' },
  { key: 'litigation_direct', zh: '行政诉讼（未经复议直接起诉）', en: 'Lawsuits filed directly' },
  { key: 'litigation_after_review', zh: '行政诉讼（复议后起诉）', en: 'Lawsuits after reconsideration' },
] as const satisfies readonly ({ key: string } & Label)[];
export type CaseGroup = (typeof CASE_GROUP_SPECS)[number]['key'];

export const CASE_OUTCOME_SPECS = [
  { key: 'upheld', zh: '结果维持', en: 'upheld' },
  { key: 'corrected', zh: '结果纠正', en: 'corrected' },
  { key: 'other', zh: '其他结果', en: 'other outcome' },
  { key: 'pending', zh: '尚未审结', en: 'pending' },
  { key: 'total', zh: '总计', en: 'total' },
] as const satisfies readonly ({ key: string } & Label)[];
export type CaseOutcome = (typeof CASE_OUTCOME_SPECS)[number]['key'];

/** Section 二 columns, both versions (see PROACTIVE_ITEM_SPECS for which item has which). */
export const PROACTIVE_COLUMN_SPECS = [
  { key: 'issued', zh: '本年制发件数', en: 'issued this year' },
  { key: 'repealed', zh: '本年废止件数', en: 'repealed this year' },
  { key: 'in_force', zh: '现行有效件数', en: 'in force' },
  { key: 'decisions', zh: '（本年）处理决定数量', en: 'decisions (this year)' },
  { key: 'amount_wan_yuan', zh: '本年收费金额（万元）', en: 'amount collected (10,000 yuan)' },
  { key: 'made', zh: '本年新制作数量', en: 'made this year' },
  { key: 'published', zh: '本年新公开数量', en: 'published this year' },
  { key: 'total_public', zh: '对外公开总数量', en: 'total public' },
  { key: 'previous_count', zh: '上一年项目数量', en: 'items last year' },
  { key: 'change', zh: '本年增/减', en: 'change this year' },
  { key: 'procurement_count', zh: '采购项目数量', en: 'procurement items' },
  { key: 'procurement_amount', zh: '采购总金额', en: 'procurement amount' },
] as const satisfies readonly ({ key: string } & Label)[];
export type ProactiveColumn = (typeof PROACTIVE_COLUMN_SPECS)[number]['key'];

export interface ProactiveItemSpec extends Label {
  key: string;
  /** The item's columns in each template version; none where that version does not print it. */
  columns: Readonly<Record<TemplateVersion, readonly ProactiveColumn[]>>;
}

/** Section 二 items, in template order. */
export const PROACTIVE_ITEM_SPECS: readonly ProactiveItemSpec[] = [
  { key: 'regulations', zh: '规章', en: 'Regulations', columns: { 2021: ['issued', 'repealed', 'in_force'], 2019: ['made', 'published', 'total_public'] } },
  { key: 'normative_documents', zh: '（行政）规范性文件', en: 'Normative documents', columns: { 2021: ['issued', 'repealed', 'in_force'], 2019: ['made', 'published', 'total_public'] } },
  { key: 'licensing', zh: '行政许可', en: 'Administrative licensing', columns: { 2021: ['decisions'], 2019: ['previous_count', 'change', 'decisions'] } },
  { key: 'other_services', zh: '其他对外管理服务事项', en: 'Other external services', columns: { 2021: [], 2019: ['previous_count', 'change', 'decisions'] } },
  { key: 'punishment', zh: '行政处罚', en: 'Administrative penalties', columns: { 2021: ['decisions'], 2019: ['previous_count', 'change', 'decisions'] } },
  { key: 'coercion', zh: '行政强制', en: 'Administrative coercion', columns: { 2021: ['decisions'], 2019: ['previous_count', 'change', 'decisions'] } },
  { key: 'fees', zh: '行政事业性收费', en: 'Administrative fees', columns: { 2021: ['amount_wan_yuan'], 2019: ['previous_count', 'change'] } },
  { key: 'procurement', zh: '政府集中采购', en: 'Centralised procurement', columns: { 2021: [], 2019: ['procurement_count', 'procurement_amount'] } },
];

// ---- Derived lists ----

const keysOf = <K extends string>(specs: readonly { key: K }[]): readonly K[] => specs.map((s) => s.key);
function labelsOf<K extends string>(specs: readonly ({ key: K } & Label)[]): Record<K, Label> {
  return Object.fromEntries(specs.map((s) => [s.key, { zh: s.zh, en: s.en }])) as Record<K, Label>;
}

/** Section 三 row keys in template order (all 25: the 2021 template). */
export const APPLICATION_ROWS: readonly ApplicationRow[] = keysOf(APPLICATION_ROW_SPECS);
export const APPLICANT_COLUMNS: readonly ApplicantColumn[] = keysOf(APPLICANT_COLUMN_SPECS);
/** The six applicant columns without total. */
export const APPLICANTS: readonly ApplicantColumn[] = APPLICANT_COLUMNS.filter((c) => c !== 'total');
export const OUTCOME_GROUP_KEYS: readonly OutcomeGroup[] = keysOf(OUTCOME_GROUP_SPECS);
export const CASE_GROUPS: readonly CaseGroup[] = keysOf(CASE_GROUP_SPECS);
export const CASE_OUTCOMES: readonly CaseOutcome[] = keysOf(CASE_OUTCOME_SPECS);
/** Section 四 outcomes without total: the four that sum to it. */
export const CASE_PARTS: readonly CaseOutcome[] = CASE_OUTCOMES.filter((k) => k !== 'total');

/** The rows a template version prints, in order: 25 (2021) or 23 (2019). */
export const ROWS_BY_VERSION: Readonly<Record<TemplateVersion, readonly ApplicationRow[]>> = {
  2019: APPLICATION_ROW_SPECS.filter((r) => (r.versions as readonly TemplateVersion[]).includes('2019')).map((r) => r.key),
  2021: APPLICATION_ROW_SPECS.filter((r) => (r.versions as readonly TemplateVersion[]).includes('2021')).map((r) => r.key),
};
export function rowsOf(version: TemplateVersion): readonly ApplicationRow[] {
  return ROWS_BY_VERSION[version];
}

/** Rows only the 2021 template prints: where 其他处理 is one row, these are absent and other_misc holds its figure. */
export const SPLIT_OTHER_ROWS: readonly ApplicationRow[] = APPLICATION_ROWS.filter((r) => !ROWS_BY_VERSION['2019'].includes(r));

/** Outcome groups and the rows each sums (its group total), in template order. */
export const OUTCOME_GROUPS: Readonly<Record<OutcomeGroup, readonly ApplicationRow[]>> = (() => {
  const groups = {} as Record<OutcomeGroup, ApplicationRow[]>;
  for (const g of OUTCOME_GROUP_KEYS) groups[g] = [];
  for (const r of APPLICATION_ROW_SPECS) if (r.group !== null) groups[r.group].push(r.key);
  return groups;
})();

/** The outcome rows whose sum is total_processed, in order: the 2021 split, or 其他处理 as one row. */
export const OUTCOME_ROWS: readonly ApplicationRow[] = APPLICATION_ROW_SPECS.filter((r) => r.group !== null).map((r) => r.key);
export const OUTCOME_ROWS_SINGLE_OTHER: readonly ApplicationRow[] = OUTCOME_ROWS.filter((r) => !SPLIT_OTHER_ROWS.includes(r));
export function outcomeRows(singleOtherRow: boolean): readonly ApplicationRow[] {
  return singleOtherRow ? OUTCOME_ROWS_SINGLE_OTHER : OUTCOME_ROWS;
}

/** A section 二 item's columns in either version, in PROACTIVE_COLUMN_SPECS order (the CSV's columns). */
export function proactiveColumnsOf(item: ProactiveItemSpec): readonly ProactiveColumn[] {
  return PROACTIVE_COLUMN_SPECS.map((c) => c.key).filter((c) => TEMPLATE_VERSIONS.some((v) => item.columns[v].includes(c)));
}

/** The rows outside the outcome groups, by their role in the balance new + carried_over = total_processed + carried_forward. */
export const BALANCE_ROWS = ['new', 'carried_over', 'total_processed', 'carried_forward'] as const satisfies readonly ApplicationRow[];

export const ROW_LABELS: Record<ApplicationRow, Label> = labelsOf(APPLICATION_ROW_SPECS);
export const APPLICANT_LABELS: Record<ApplicantColumn, Label> = labelsOf(APPLICANT_COLUMN_SPECS);
export const OUTCOME_GROUP_LABELS: Record<OutcomeGroup, Label> = labelsOf(OUTCOME_GROUP_SPECS);
export const CASE_GROUP_LABELS: Record<CaseGroup, Label> = labelsOf(CASE_GROUP_SPECS);
export const CASE_LABELS: Record<CaseOutcome, Label> = labelsOf(CASE_OUTCOME_SPECS);
export const PROACTIVE_ITEM_LABELS: Record<string, Label> = labelsOf(PROACTIVE_ITEM_SPECS);
export const PROACTIVE_COLUMN_LABELS: Record<string, Label> = labelsOf(PROACTIVE_COLUMN_SPECS);

/** A row's label as a template version prints it, numbering included (`（二）部分公开（区分处理的，…）`). */
export function printedLabel(row: ApplicationRow, version: TemplateVersion = '2021'): string {
  const spec: ApplicationRowSpec = APPLICATION_ROW_SPECS.find((r) => r.key === row)!;
  const printed = (version === '2019' && spec.printed2019) || spec;
  return printed.number + printed.printed;
}
