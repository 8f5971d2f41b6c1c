/** Chinese and English labels of the contract's keys (SPEC.md §1), for the CSV dictionary. */
import type { ApplicantColumn, ApplicationRow, CaseOutcome, MetricKey } from '../schema.ts';

type Labels<K extends string> = Record<K, { zh: string; en: string }>;

export const ROW_LABELS: Labels<ApplicationRow> = {
  new: { zh: '本年新收政府信息公开申请数量', en: 'New applications this year' },
  carried_over: { zh: '上年结转政府信息公开申请数量', en: 'Carried over from last year' },
  granted: { zh: '予以公开', en: 'Granted in full' },
  partly_granted: { zh: '部分公开', en: 'Granted in part' },
  refused_state_secret: { zh: '不予公开：属于国家秘密', en: 'Refused: state secret' },
  refused_law_prohibited: { zh: '不予公开：其他法律行政法规禁止公开', en: 'Refused: prohibited by other laws' },
  refused_three_safeties: { zh: '不予公开：危及“三安全一稳定”', en: 'Refused: endangers the "three safeties and one stability"' },
  refused_third_party: { zh: '不予公开：保护第三方合法权益', en: 'Refused: third-party rights' },
  refused_internal: { zh: '不予公开：属于三类内部事务信息', en: 'Refused: internal affairs' },
  refused_process: { zh: '不予公开：属于四类过程性信息', en: 'Refused: process information' },
  refused_enforcement_file: { zh: '不予公开：属于行政执法案卷', en: 'Refused: enforcement case file' },
  refused_query: { zh: '不予公开：属于行政查询事项', en: 'Refused: administrative query matter' },
  unable_not_held: { zh: '无法提供：本机关不掌握相关政府信息', en: 'Unable: information not held' },
  unable_needs_creation: { zh: '无法提供：没有现成信息需要另行制作', en: 'Unable: would need to be created' },
  unable_unclear: { zh: '无法提供：补正后申请内容仍不明确', en: 'Unable: request still unclear' },
  not_processed_complaint: { zh: '不予处理：信访举报投诉类申请', en: 'Not processed: petition or complaint' },
  not_processed_repeat: { zh: '不予处理：重复申请', en: 'Not processed: repeat application' },
  not_processed_publication: { zh: '不予处理：要求提供公开出版物', en: 'Not processed: asks for a publication' },
  not_processed_excessive: { zh: '不予处理：无正当理由大量反复申请', en: 'Not processed: excessive repeated applications' },
  not_processed_confirm: { zh: '不予处理：要求行政机关确认或重新出具已获取信息', en: 'Not processed: asks to confirm or reissue information' },
  other_no_correction: { zh: '其他处理：申请人逾期不补正（2021模板）', en: 'Other: applicant did not complete the request (2021 template)' },
  other_no_fee: { zh: '其他处理：申请人逾期未缴纳费用（2021模板）', en: 'Other: applicant did not pay the fee (2021 template)' },
  other_misc: { zh: '其他处理：其他（2019模板为整行“其他处理”）', en: 'Other: other (the whole 其他处理 row in the 2019 template)' },
  total_processed: { zh: '本年度办理结果总计', en: 'Total answered' },
  carried_forward: { zh: '结转下年度继续办理', en: 'Carried forward to next year' },
};

export const APPLICANT_LABELS: Labels<ApplicantColumn> = {
  natural: { zh: '自然人', en: 'natural persons' },
  commercial: { zh: '商业企业', en: 'businesses' },
  research: { zh: '科研机构', en: 'research institutions' },
  social: { zh: '社会公益组织', en: 'public-interest organisations' },
  legal: { zh: '法律服务机构', en: 'legal service providers' },
  other: { zh: '其他法人或其他组织', en: 'other organisations' },
  total: { zh: '总计', en: 'total' },
};

export const CASE_GROUP_LABELS = {
  review: { zh: '行政复议', en: 'Administrative reconsideration' },
  litigation_direct: { zh: '行政诉讼（未经复议直接起诉）', en: 'Lawsuits filed directly' },
  litigation_after_review: { zh: '行政诉讼（复议后起诉）', en: 'Lawsuits after reconsideration' },
} as const;

export const CASE_LABELS: Labels<CaseOutcome> = {
  upheld: { zh: '结果维持', en: 'upheld' },
  corrected: { zh: '结果纠正', en: 'corrected' },
  other: { zh: '其他结果', en: 'other outcome' },
  pending: { zh: '尚未审结', en: 'pending' },
  total: { zh: '总计', en: 'total' },
};

export const METRIC_LABELS: Labels<MetricKey> = {
  website_visits: { zh: '网站访问量', en: 'Website visits' },
  website_posts: { zh: '网站发布信息数', en: 'Website posts' },
  wechat_posts: { zh: '微信公众号发布信息数', en: 'WeChat posts' },
  wechat_followers: { zh: '微信公众号关注人数', en: 'WeChat followers' },
  wechat_reads: { zh: '微信公众号阅读量', en: 'WeChat reads' },
  hotline_tickets: { zh: '热线工单数', en: 'Hotline tickets' },
  fees_charged_yuan: { zh: '收取信息处理费（元）', en: 'Information processing fees charged (yuan)' },
};

export const PROACTIVE_ITEM_LABELS: Record<string, { zh: string; en: string }> = {
  regulations: { zh: '规章', en: 'Regulations' },
  normative_documents: { zh: '（行政）规范性文件', en: 'Normative documents' },
  licensing: { zh: '行政许可', en: 'Administrative licensing' },
  other_services: { zh: '其他对外管理服务事项', en: 'Other external services' },
  punishment: { zh: '行政处罚', en: 'Administrative penalties' },
  coercion: { zh: '行政强制', en: 'Administrative coercion' },
  fees: { zh: '行政事业性收费', en: 'Administrative fees' },
  procurement: { zh: '政府集中采购', en: 'Centralised procurement' },
};

export const PROACTIVE_COLUMN_LABELS: Record<string, { zh: string; en: string }> = {
  issued: { zh: '本年制发件数', en: 'issued this year' },
  repealed: { zh: '本年废止件数', en: 'repealed this year' },
  in_force: { zh: '现行有效件数', en: 'in force' },
  decisions: { zh: '（本年）处理决定数量', en: 'decisions (this year)' },
  amount_wan_yuan: { zh: '本年收费金额（万元）', en: 'amount collected (10,000 yuan)' },
  made: { zh: '本年新制作数量', en: 'made this year' },
  published: { zh: '本年新公开数量', en: 'published this year' },
  total_public: { zh: '对外公开总数量', en: 'total public' },
  previous_count: { zh: '上一年项目数量', en: 'items last year' },
  change: { zh: '本年增/减', en: 'change this year' },
  procurement_count: { zh: '采购项目数量', en: 'procurement items' },
  procurement_amount: { zh: '采购总金额', en: 'procurement amount' },
};
