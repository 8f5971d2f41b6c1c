import type { NotUsedReason } from '../lib/dataset/build-report.ts';
/** Chinese UI strings (the default language). en.ts has the same shape. */
export const zh = {
  lang: 'zh',
  htmlLang: 'zh-CN',
  siteName: '政府信息公开年报数据',
  tagline: '各级政府机关政府信息公开工作年度报告中的申请、答复、复议与诉讼数字，可按地区、层级、部门和年份比较。',
  nav: { overview: '概览', compare: '比较', regions: '地区', quality: '数据质量', about: '说明与下载', language: 'English' },
  skip: '跳到正文',
  source: '来源：各机关《政府信息公开工作年度报告》（自报数字）',
  footer: '数字为各机关自报，照原文读取；读取有疑问之处均有标注。',
  state: { loading: '正在加载数据…', empty: '没有符合筛选条件的报告。', error: '数据加载失败：', ignored: '以下网址参数无法识别，已忽略：' },
  levels: { central: '中央', province: '省级', prefecture: '地市级', county: '县级', township: '乡镇级' } as Record<string, string>,
  kinds: { government: '人民政府/街道办事处', department: '政府部门' } as Record<string, string>,
  groupBy: { none: '不分组', province: '省份', city: '城市', level: '层级', kind: '机关类型', sector: '领域', agency: '机关' } as Record<string, string>,
  families: { volume: '申请量', outcomes: '办理结果', review: '复议与诉讼', traffic: '网站与新媒体' } as Record<string, string>,
  units: { count: '件', share: '%', per100: '每百件' } as Record<string, string>,
  unknown: '未注明',
  all: '全部',
  mix: {
    outcome_mix: '办理结果构成',
    review_mix: '行政复议结果构成',
  } as Record<string, string>,
  parts: {
    granted: '予以公开', partly_granted: '部分公开',
    refused_state_secret: '不予公开：国家秘密', refused_law_prohibited: '不予公开：法律法规禁止', refused_three_safeties: '不予公开：危及“三安全一稳定”',
    refused_third_party: '不予公开：保护第三方权益', refused_internal: '不予公开：内部事务信息', refused_process: '不予公开：过程性信息',
    refused_enforcement_file: '不予公开：行政执法案卷', refused_query: '不予公开：行政查询事项',
    unable_not_held: '无法提供：不掌握', unable_needs_creation: '无法提供：需另行制作', unable_unclear: '无法提供：补正后仍不明确',
    not_processed_complaint: '不予处理：信访举报投诉', not_processed_repeat: '不予处理：重复申请', not_processed_publication: '不予处理：公开出版物',
    not_processed_excessive: '不予处理：大量反复申请', not_processed_confirm: '不予处理：要求确认或重新出具',
    other: '其他处理（合计）', upheld: '维持', corrected: '纠正', pending: '尚未审结',
  } as Record<string, string>,
  column: { group: '分组', year: '年份', part: '类别', count: '件数', reports: '计入报告数', missing: '缺数报告数' },
  notes: {
    topGroups: (shown: number, total: number) => `只显示报告数最多的 ${shown} 组（共 ${total} 组）；缩小筛选范围可看其他组。`,
    summedYears: (from: number, to: number) => `每组为 ${from}–${to} 年合计。`,
    templates: '2019 年版模板的“其他处理”只有一行，2021 年版分为三行：两版之间只比较“其他处理”合计。',
    missing: (n: number) => `${n} 份报告缺少所需数字，未计入。`,
  },
  describe: {
    empty: '没有数据。',
    summary: (title: string, series: number, categories: number, first: string, last: string) =>
      `图表：${title}。${series} 个系列，${categories} 个类别，从 ${first} 到 ${last}。`,
    extremes: (high: string, low: string) => `最高：${high}；最低：${low}。`,
  },
  filters: {
    legend: '筛选', measure: '指标', groupBy: '分组', province: '省份', city: '城市', county: '区县', level: '层级', kind: '机关类型',
    sector: '领域', from: '起始年份', to: '截止年份', any: '全部', reset: '重置',
  },
  actions: {
    table: '表格', showTable: '显示数据表', hideTable: '隐藏数据表', csv: (n: number) => `下载 CSV（${n} 行）`, png: '下载 PNG', svg: '下载 SVG',
    embed: '嵌入', embedHelp: '把下面的代码贴到网页中即可嵌入此图（可选：加上自动调整高度的脚本）。', copy: '复制', copied: '已复制',
    openFull: '在数据网站查看',
  },
  overview: {
    title: '概览', points: '个百分点', latest: (y: number) => `${y} 年`, change: (prev: number) => `较 ${prev} 年`, reports: '份报告',
    headline: {
      applications_received: '新收申请', granted_share: '予以公开占比', partly_granted_share: '部分公开占比',
      review_rate: '每百件办结的行政复议', review_correction_rate: '复议纠错率', litigation_rate: '每百件办结的行政诉讼',
    } as Record<string, string>,
    trends: '历年趋势', extremes: '两端的机关', top: '最高', bottom: '最低', noData: '数据集中还没有报告。',
    exploreLink: '在“比较”页查看更多',
  },
  compare: { title: '比较', intro: '选择一个指标，按地区、层级、类型、领域或机关分组，跨年比较。' },
  regions: { title: '地区', intro: '各省份方块大致按地理位置排列，颜色表示所选指标（不是地图边界）。', measure: '指标', year: '年份', provinces: '各省份', noData: '无数据', province: (p: string) => `${p}`, byCity: '各城市', agencies: '机关' },
  quality: { title: '数据质量', intro: '以下报告的数字不符合其自身的核算规则，或读取时有需要说明之处。数字均保留报告原样。', failed: '未通过的核对', diagnostics: '读取说明', notUsed: '未采用的文件', none: '没有发现问题。', truncated: (shown: number, total: number) => `共 ${total} 份报告有问题，这里列出最严重的 ${shown} 份；完整名单见下载的 CSV（“未通过的校验”和“读取说明”两列）。`, agency: '机关', year: '年份', problems: '问题',
    reasons: { empty: '空文件', too_large: '文件过大', binary: '不是可读取的文件类型（图片、压缩包、旧版文档等）', unsupported: '不支持的文件格式', unreadable: '无法读取', not_a_report: '不是年度报告', parse_error: '解析出错', duplicate: '与另一文件重复（同一机关、同一年度）' } as Record<NotUsedReason, string> },
  agency: {
    year: '年份', template: '模板', published: '发布日期', source: '原文件', checks: '核对', diagnostics: '读取说明', metrics: '文中数字',
    sentence: '原句', approximate: '约数', proactive: '二、主动公开政府信息情况', applications: '三、收到和处理政府信息公开申请情况', review: '四、行政复议与行政诉讼',
    peers: '同层级、同领域机关中的位置', peerNote: (n: number) => `同年同层级、同领域的 ${n} 份报告（含本报告）。`, p25: '25 分位', p50: '中位数', p75: '75 分位', value: '本机关',
    ok: '通过', failed: '未通过', none: '无', reviewGroups: { review: '行政复议', litigation_direct: '行政诉讼（未经复议直接起诉）', litigation_after_review: '行政诉讼（复议后起诉）' } as Record<string, string>,
    notFound: '没有这个机关的报告。', error: '此文件不是可用的报告：',
  },
  about: {
    title: '说明与下载', measures: '指标定义', measure: '指标', definition: '定义', downloads: '下载完整数据', all: '全部年份',
    dictionary: '数据字典', column: '列名', label: '中文名', description: '说明',
    mixDefinitions: {
      outcome_mix: '每一办理结果行的总计 / 办结（total_processed.total）；“其他处理”取三行合计（2019 年版只有一行）',
      review_mix: '行政复议各结果（维持、纠正、其他、尚未审结）/ 行政复议总计',
    } as Record<string, string>,
    aggregation: '多份报告合计时，只计入给出该指标所需全部数字的报告（分子分母来自同一批报告）；缺数的报告数在图下注明。',
    body: [
      '每个政府机关每年发布《政府信息公开工作年度报告》，按统一模板列出申请、办理结果、行政复议和行政诉讼的数字。本站把每份报告读成一条记录，数字照报告原样保留。',
      '报告无论来自网页、PDF 还是 Word，都先取出文字，再按模板的行和列读取表格；正文中的网站访问量等数字连同原句一起保存。报告没有给出的格子记为空，不以 0 代替；推断出的数字（例如被省略的 0）会列在“读取说明”中。',
      '注意：数字为各机关自报。2019 年版与 2021 年版模板不同：“其他处理”由一行变为三行，第二部分（主动公开）的栏目也不同；跨版本只比较可比部分。分母为 0 或未知的比率为空，不记为 0。',
      '引用：政府信息公开年报数据，据各机关《政府信息公开工作年度报告》整理，并注明下载日期与网址。',
    ],
  },
  embed: { viewOn: '在数据网站查看完整图表' },
  // charts
  charts: {
    /** Colour key of the tile map: tiles with no figure. */
    noData: '无数据',
    /** Section 三's applicant columns, short, for narrow screens (the full name stays in the header's title and for screen readers). */
    applicantShort: { natural: '自然人', commercial: '企业', research: '科研', social: '公益', legal: '法律', other: '其他', total: '总计' },
  },
};

export type Dictionary = typeof zh;
