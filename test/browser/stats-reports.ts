/**
 * Report texts in the national template's shape, written for the stats browser test: agencies
 * that report in different years, so that a like-with-like change differs from the raw totals.
 * Hand-made (no real report text); each table satisfies the template's identities.
 */
import { APPLICATION_ROWS, type ApplicationRow } from '../../src/lib/schema.ts';
import { LABELS } from '../support/template-text.ts';

export interface StatsReport {
  /** File name stem. */
  file: string;
  agency: string;
  year: number;
  /** Applications received (all answered in the year; half granted, rounded down, the rest not held). */
  received: number;
  /** A website-visits sentence for section 一, e.g. 637万多次. */
  visits?: string;
  /** Misprint the total answered (so the report fails its own check). */
  misprint?: boolean;
}

function row(label: string, total: number): string {
  return `| ${label} | | ${total} | 0 | 0 | 0 | 0 | 0 | ${total} |`;
}

export function reportText(r: StatsReport): string {
  const granted = Math.floor(r.received / 2);
  const values: Partial<Record<ApplicationRow, number>> = {
    new: r.received,
    granted,
    unable_not_held: r.received - granted,
    total_processed: r.misprint ? r.received + 5 : r.received,
  };
  return [
    `${r.agency}${r.year}年政府信息公开工作年度报告`,
    '一、总体情况',
    `${r.year}年，我局认真贯彻落实《中华人民共和国政府信息公开条例》。${r.visits ? `全年门户网站访问量${r.visits}。` : ''}`,
    '二、主动公开政府信息情况',
    '第二十条第（一）项',
    '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
    '规章 | 0 | 0 | 0 |',
    '行政规范性文件 | 1 | 0 | 3 |',
    '三、收到和处理政府信息公开申请情况',
    '| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | | 申请人情况 | | | | | | |',
    '| | | 自然人 | 法人或其他组织 | | | | | 总计 |',
    '| | | | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |',
    ...APPLICATION_ROWS.map((k) => row(LABELS[k], values[k] ?? 0)),
    '四、政府信息公开行政复议、行政诉讼情况',
    '| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |',
    '| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |',
    '| | | | | | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |',
    '| 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    '五、存在的主要问题及改进情况',
    '无。',
  ].join('\n');
}

/**
 * 广州 and 深圳 report in 2022 and 2023; 佛山 only in 2022; 长沙 and 株洲 only in 2023 (株洲
 * misprints its total). New applications: raw 2022 = 100 + 50 + 1000 = 1150, 2023 = 120 + 40
 * + 7 + 3 = 170 (raw change −980); like with like (广州, 深圳): 150 → 160, +10 on 2 agencies.
 */
export const STATS_REPORTS: readonly StatsReport[] = [
  { file: 'gz2022', agency: '广州市住房公积金管理中心', year: 2022, received: 100, visits: '637万多次' },
  { file: 'gz2023', agency: '广州市住房公积金管理中心', year: 2023, received: 120, visits: '约1200万次' },
  { file: 'sz2022', agency: '深圳市住房公积金管理中心', year: 2022, received: 50 },
  { file: 'sz2023', agency: '深圳市住房公积金管理中心', year: 2023, received: 40 },
  { file: 'fs2022', agency: '佛山市住房公积金管理中心', year: 2022, received: 1000 },
  { file: 'cs2023', agency: '长沙市住房公积金管理中心', year: 2023, received: 7 },
  { file: 'zz2023', agency: '株洲市住房公积金管理中心', year: 2023, received: 3, misprint: true },
];
