/**
 * A report in the national template's words, written by hand for focused tests: the row labels
 * as printed, a table that satisfies every identity of the template, and a builder that puts the
 * three tables under headings of any shape (or none) in any order.
 */
import { APPLICATION_ROWS, type ApplicationRow } from '../../src/lib/schema.ts';

export const LABELS: Record<ApplicationRow, string> = {
  new: '一、本年新收政府信息公开申请数量',
  carried_over: '二、上年结转政府信息公开申请数量',
  granted: '（一）予以公开',
  partly_granted: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  refused_state_secret: '1.属于国家秘密',
  refused_law_prohibited: '2.其他法律行政法规禁止公开',
  refused_three_safeties: '3.危及“三安全一稳定”',
  refused_third_party: '4.保护第三方合法权益',
  refused_internal: '5.属于三类内部事务信息',
  refused_process: '6.属于四类过程性信息',
  refused_enforcement_file: '7.属于行政执法案卷',
  refused_query: '8.属于行政查询事项',
  unable_not_held: '1.本机关不掌握相关政府信息',
  unable_needs_creation: '2.没有现成信息需要另行制作',
  unable_unclear: '3.补正后申请内容仍不明确',
  not_processed_complaint: '1.信访举报投诉类申请',
  not_processed_repeat: '2.重复申请',
  not_processed_publication: '3.要求提供公开出版物',
  not_processed_excessive: '4.无正当理由大量反复申请',
  not_processed_confirm: '5.要求行政机关确认或重新出具已获取信息',
  other_no_correction: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  other_no_fee: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  other_misc: '3.其他',
  total_processed: '（七）总计',
  carried_forward: '四、结转下年度继续办理',
};

/** Distinct non-zero rows; every identity of the template holds. */
export const TABLE: Partial<Record<ApplicationRow, number[]>> = {
  new: [5, 1, 0, 0, 0, 0, 6],
  carried_over: [1, 0, 0, 0, 0, 0, 1],
  granted: [2, 1, 0, 0, 0, 0, 3],
  partly_granted: [1, 0, 0, 0, 0, 0, 1],
  refused_internal: [1, 0, 0, 0, 0, 0, 1],
  unable_not_held: [1, 0, 0, 0, 0, 0, 1],
  other_misc: [1, 0, 0, 0, 0, 0, 1],
  total_processed: [6, 1, 0, 0, 0, 0, 7],
};
export const valuesOf = (row: ApplicationRow) => TABLE[row] ?? [0, 0, 0, 0, 0, 0, 0];

/** Section 四 with a figure in each group: 1 upheld of 2 reviews (1 pending); 1 direct suit, corrected. */
export const CASES = [1, 0, 0, 1, 2, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0];

export const PROACTIVE_TABLE = [
  '第二十条第（一）项',
  '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
  '规章 | 0 | 0 | 0 |',
  '行政规范性文件 | 4 | 1 | 30 |',
  '第二十条第（五）项',
  '信息内容 | 本年处理决定数量 |',
  '行政许可 | 25 |',
  '第二十条第（六）项',
  '信息内容 | 本年处理决定数量 |',
  '行政处罚 | 12 |',
  '行政强制 | 3 |',
  '第二十条第（八）项',
  '信息内容 | 本年收费金额（单位：万元） |',
  '行政事业性收费 | 0 |',
].join('\n');

/** Section 三 as pipe rows, headers included. */
export const APPLICATIONS_TABLE = [
  '| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | | 申请人情况 | | | | | | |',
  '| | | 自然人 | 法人或其他组织 | | | | | 总计 |',
  '| | | | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |',
  ...APPLICATION_ROWS.map((r) => `| ${LABELS[r]} | | ${valuesOf(r).join(' | ')} |`),
].join('\n');

export const CASES_TABLE = [
  '| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |',
  '| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |',
  '| | | | | | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |',
  `| ${CASES.join(' | ')} |`,
].join('\n');

export const OVERVIEW = [
  '2023年，我局认真贯彻落实《中华人民共和国政府信息公开条例》。',
  '（一）主动公开情况。全年在门户网站主动公开政府信息120条。',
  '（二）依申请公开情况。全年收到政府信息公开申请6件，予以公开3件，部分公开1件。',
].join('\n');
