/**
 * Standard short forms of agency names (简称) as reports print them after a bare level word
 * (`市科委`, `区发改局`, `县住建局`), and the full body name each stands for. Data only: one entry per
 * short form; `full: null` marks a name that is already complete, or a short form shared by
 * several real names (文广旅局: 文化广电旅游局 or 文化广电和旅游局; 城管局: 城市管理局 or
 * 城市管理综合执法局), which is recognised as a body but never expanded.
 */
export interface Abbreviation {
  short: string;
  /** The full body name, or null when `short` is not expanded (see above). */
  full: string | null;
}

export const ABBREVIATIONS: readonly Abbreviation[] = [
  // Government and its office.
  { short: '人民政府办公室', full: null },
  { short: '人民政府', full: null },
  { short: '政府办公室', full: '人民政府办公室' },
  { short: '政府办', full: '人民政府办公室' },
  { short: '政府', full: '人民政府' },
  // Commissions (委员会).
  { short: '科委', full: '科学技术委员会' },
  { short: '发改委', full: '发展和改革委员会' },
  { short: '卫健委', full: '卫生健康委员会' },
  { short: '卫计委', full: '卫生和计划生育委员会' },
  { short: '国资委', full: '国有资产监督管理委员会' },
  { short: '教委', full: '教育委员会' },
  { short: '住建委', full: '住房和城乡建设委员会' },
  { short: '民宗委', full: '民族宗教事务委员会' },
  // Bureaus (局).
  { short: '发改局', full: '发展和改革局' },
  { short: '住建局', full: '住房和城乡建设局' },
  { short: '人社局', full: '人力资源和社会保障局' },
  { short: '市监局', full: '市场监督管理局' },
  { short: '市场监管局', full: '市场监督管理局' },
  { short: '卫健局', full: '卫生健康局' },
  { short: '科技局', full: '科学技术局' },
  { short: '工信局', full: '工业和信息化局' },
  { short: '经信局', full: '经济和信息化局' },
  { short: '文旅局', full: '文化和旅游局' },
  { short: '文广旅局', full: null },
  { short: '文化广电和旅游局', full: null },
  { short: '应急局', full: '应急管理局' },
  { short: '医保局', full: '医疗保障局' },
  { short: '退役军人局', full: '退役军人事务局' },
  { short: '退役军人事务局', full: null },
  { short: '自规局', full: '自然资源和规划局' },
  { short: '自然资源局', full: null },
  { short: '生态环境局', full: null },
  { short: '环保局', full: '环境保护局' },
  { short: '交通局', full: null },
  { short: '交通运输局', full: null },
  { short: '农业农村局', full: null },
  { short: '农业局', full: null },
  { short: '水务局', full: null },
  { short: '水利局', full: null },
  { short: '城管局', full: null },
  { short: '教育局', full: null },
  { short: '公安局', full: null },
  { short: '财政局', full: null },
  { short: '商务局', full: null },
  { short: '统计局', full: null },
  { short: '审计局', full: null },
  { short: '司法局', full: null },
  { short: '民政局', full: null },
  { short: '信访局', full: null },
  { short: '税务局', full: null },
  { short: '林业局', full: null },
  { short: '行政审批局', full: '行政审批服务局' },
  { short: '政务服务管理局', full: null },
  { short: '政务办', full: '政务服务管理办公室' },
  { short: '数据局', full: '数据管理局' },
  { short: '公积金中心', full: '住房公积金管理中心' },
];

/** Longest first, so 政府办公室 is found before 政府 and 自规局 before nothing shorter. */
const BY_LENGTH = [...ABBREVIATIONS].sort((a, b) => b.short.length - a.short.length);

/** The table entry `name` ends with (longest first), with what stands before it. */
export function abbreviationEnding(name: string): { place: string; entry: Abbreviation } | null {
  for (const entry of BY_LENGTH) {
    if (name.endsWith(entry.short)) return { place: name.slice(0, name.length - entry.short.length), entry };
  }
  return null;
}

/**
 * `(市|区|县)(short form)` in a text, the level word opening a phrase (after punctuation, a year or
 * 由): a body named by its level word and short form (`2023年，市科委…`, `本报告由区发改局编制`).
 * Government names are left out: 市政府 in a department's report is not its publisher.
 */
export const SHORT_FORM_IN_PROSE = new RegExp(
  `(?<=^|[^\\u4e00-\\u9fa5]|年|由)([市区县])(${BY_LENGTH.filter((a) => !a.short.includes('政府')).map((a) => a.short).join('|')})`,
  'gm',
);
