/**
 * The fixed list of sectors an agency is filed under, with Chinese and English labels, and the
 * name patterns that place an agency in one. Matched against the agency name with its region
 * prefix removed, in list order: the first match wins (so 人民政府办公室 is general_government, and
 * 住房公积金 is housing before anything else). An agency no pattern matches is `other`.
 * Pages import this for the labels; it has no data dependencies.
 */
export interface Sector {
  key: string;
  zh: string;
  en: string;
  pattern: RegExp | null;
}

export const SECTORS = [
  { key: 'general_government', zh: '人民政府及办公室', en: 'General government', pattern: /^$|人民政府|政府办公|办事处$|^(镇|乡|街道)?政府$|^(行政)?公署/ },
  { key: 'housing', zh: '住房城乡建设', en: 'Housing and construction', pattern: /住房|公积金|住建|房产|房管|房屋|城乡建设/ },
  { key: 'public_security', zh: '公安', en: 'Public security', pattern: /公安|交通警察|交警/ },
  { key: 'education', zh: '教育', en: 'Education', pattern: /教育|教委/ },
  { key: 'health', zh: '卫生健康', en: 'Health', pattern: /卫生|卫健|健康|疾病预防|疾控/ },
  { key: 'medical_insurance', zh: '医疗保障', en: 'Medical insurance', pattern: /医疗保障|医保/ },
  { key: 'human_resources', zh: '人力资源社会保障', en: 'Human resources and social security', pattern: /人力资源|社会保障|人社|社会保险|社保/ },
  { key: 'natural_resources', zh: '自然资源', en: 'Natural resources', pattern: /自然资源|国土|规划|林业|草原|海洋|测绘/ },
  { key: 'ecology_environment', zh: '生态环境', en: 'Ecology and environment', pattern: /生态环境|环境保护|环保/ },
  { key: 'transport', zh: '交通运输', en: 'Transport', pattern: /交通|运输|公路|港口|航道|港航/ },
  { key: 'water', zh: '水利水务', en: 'Water', pattern: /水利|水务|水文/ },
  { key: 'agriculture', zh: '农业农村', en: 'Agriculture and rural affairs', pattern: /农业|农村|畜牧|渔业|农机|乡村振兴|扶贫/ },
  { key: 'market_regulation', zh: '市场监管', en: 'Market regulation', pattern: /市场监督|市场监管|工商|质量技术监督|食品药品|药品监督|知识产权/ },
  { key: 'taxation', zh: '税务', en: 'Taxation', pattern: /税务/ },
  { key: 'finance', zh: '财政金融', en: 'Finance', pattern: /财政|金融/ },
  { key: 'development_reform', zh: '发展改革', en: 'Development and reform', pattern: /发展和改革|发展改革|发改/ },
  { key: 'civil_affairs', zh: '民政', en: 'Civil affairs', pattern: /民政/ },
  { key: 'justice', zh: '司法', en: 'Justice', pattern: /司法/ },
  { key: 'emergency', zh: '应急管理', en: 'Emergency management', pattern: /应急|消防|安全生产|地震/ },
  { key: 'culture_tourism', zh: '文化旅游体育', en: 'Culture, tourism and sport', pattern: /文化|旅游|广播电视|广电|体育|文物/ },
  { key: 'commerce', zh: '商务', en: 'Commerce', pattern: /商务/ },
  { key: 'industry_it', zh: '工业和信息化', en: 'Industry and IT', pattern: /工业和信息化|工信|经济和信息化|经信|工业/ },
  { key: 'science_technology', zh: '科学技术', en: 'Science and technology', pattern: /科学技术|科技/ },
  { key: 'statistics', zh: '统计', en: 'Statistics', pattern: /统计/ },
  { key: 'audit', zh: '审计', en: 'Audit', pattern: /审计/ },
  { key: 'veterans', zh: '退役军人事务', en: 'Veterans affairs', pattern: /退役军人/ },
  { key: 'urban_management', zh: '城市管理综合执法', en: 'Urban management and law enforcement', pattern: /城市管理|城管|综合执法|综合行政执法/ },
  { key: 'government_services', zh: '政务服务数据', en: 'Government services and data', pattern: /政务服务|行政审批|大数据|数据资源|营商环境/ },
  { key: 'ethnic_religious', zh: '民族宗教', en: 'Ethnic and religious affairs', pattern: /民族|宗教/ },
  { key: 'development_zone', zh: '开发区管委会', en: 'Development zones', pattern: /开发区|高新区|高新技术产业|新区|管理委员会|管委会|园区/ },
  { key: 'other', zh: '其他', en: 'Other', pattern: null },
] as const satisfies readonly Sector[];

export type SectorKey = (typeof SECTORS)[number]['key'];

export const SECTOR_KEYS: readonly SectorKey[] = SECTORS.map((s) => s.key);

/** The sector of an agency, from its name with the region prefix already removed. */
export function inferSector(bodyName: string): SectorKey {
  for (const sector of SECTORS) {
    if (sector.pattern && sector.pattern.test(bodyName)) return sector.key;
  }
  return 'other';
}

export function sectorLabel(key: string, lang: 'zh' | 'en'): string | null {
  const sector = SECTORS.find((s) => s.key === key);
  return sector ? sector[lang] : null;
}
