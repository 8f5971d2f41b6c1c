/**
 * Report model + layout options → the report as blocks (title, headings, prose, tables), the
 * one shape every renderer (text, HTML, Word) prints. Pure.
 */
import { APPLICANT_COLUMNS, CASE_OUTCOMES, type ApplicantColumn, type CaseCells } from '../../src/lib/schema.ts';
import type { Cell, Table } from './grid.ts';
import {
  ACCOUNTING_NOTE,
  APPLICANT_HEADERS,
  CASE_HEADERS,
  CHINESE_ORDINALS,
  OUTCOME_BLOCK,
  SECTION_TITLES,
  isOutcomeRow,
  proactiveItems,
  rowLabel,
} from './labels.ts';
import { CASE_GROUPS, templateRows, type ReportModel } from './model.ts';
import { formatNumber, type NumberStyle } from './numbers.ts';

export type Block =
  | { kind: 'title'; lines: string[] }
  | { kind: 'heading'; text: string }
  | { kind: 'para'; text: string }
  | { kind: 'table'; table: Table };

export interface DocOptions {
  /** How the title is printed in the body; `none`: not at all (only in <title>, or only in the signature). */
  title: 'plain' | 'wrapped' | 'spaced' | 'none';
  /** Whether the prose names the agency (else `本机关`). */
  proseNamesAgency: boolean;
  /** 落款 at the end: agency and date. */
  signature: boolean;
  /** `发布日期：…` under the title. */
  dateLine: boolean;
  /** Template numbering, an extra section that renumbers the rest, or `第X部分`. */
  headings: 'template' | 'renumbered' | 'part';
  /** `表三：…` above each template table. */
  captions: boolean;
  /** Tables after section 六 as 附表1–3. */
  appendix: boolean;
  numbers: NumberStyle;
  /** 总计 as the first applicant column. */
  totalFirst: boolean;
  /**
   * Section 三's header: the national template's three rows (a note cell over 3×3, 申请人情况 over the 7
   * applicant columns), or two rows with 申请人情况 as the corner cell over 2 rows.
   */
  header: 'national' | 'corner';
  /** Section 三's row labels and section 四's headers: template punctuation, half-width, or spaced out. */
  labels: 'template' | 'halfwidth' | 'spaced';
  /** A sentence in 一 restating section 三's received and answered totals (a cross-check the parser can use). */
  proseRestates: boolean;
}

export const DEFAULT_OPTIONS: DocOptions = {
  title: 'plain',
  proseNamesAgency: true,
  signature: true,
  dateLine: true,
  headings: 'template',
  captions: false,
  appendix: false,
  numbers: {},
  totalFirst: false,
  proseRestates: false,
  header: 'national',
  labels: 'template',
};

export function reportTitle(model: ReportModel): string {
  return `${model.year}年${model.agency}政府信息公开工作年度报告`;
}

function titleLines(model: ReportModel, style: DocOptions['title']): string[] {
  if (style === 'wrapped') return [model.agency, `${model.year}年政府信息公开`, '工作年度报告'];
  if (style === 'spaced') return [`${model.year} 年 ${model.agency} 政府信息公开工作年度报告`];
  return [reportTitle(model)];
}

function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function applicantOrder(totalFirst: boolean): ApplicantColumn[] {
  return totalFirst ? ['total', ...APPLICANT_COLUMNS.filter((c) => c !== 'total')] : [...APPLICANT_COLUMNS];
}

const HEADER_OF = Object.fromEntries(APPLICANT_COLUMNS.map((c, i) => [c, APPLICANT_HEADERS[i] as string])) as Record<ApplicantColumn, string>;

const HALF_WIDTH: Record<string, string> = { '（': '(', '）': ')', '，': ',', '：': ':', '“': '"', '”': '"', '、': '.' };

/**
 * A label as printed: the template's own punctuation, half-width punctuation (`(一)予以公开`,
 * `一.本年新收…`), or spaced out as a justified PDF line copies (`结 果 维 持`, `一、本年新收 政府…`).
 */
export function printLabel(text: string, style: DocOptions['labels']): string {
  if (style === 'halfwidth') return text.replace(/[（），：“”、]/g, (ch) => HALF_WIDTH[ch] ?? ch);
  if (style === 'spaced') return text.length <= 4 ? [...text].join(' ') : text.replace(/(.{6})(?=.)/g, '$1 ');
  return text;
}

export function applicationsTable(model: ReportModel, options: DocOptions, caption: string | null): Table {
  const order = applicantOrder(options.totalFirst);
  const legal = ['commercial', 'research', 'social', 'legal', 'other'].map((c) => ({ text: HEADER_OF[c as ApplicantColumn] }));
  const applicants: Cell[] = options.totalFirst
    ? [{ text: '总计', rowSpan: 2 }, { text: '自然人', rowSpan: 2 }, { text: '法人或其他组织', colSpan: 5 }]
    : [{ text: '自然人', rowSpan: 2 }, { text: '法人或其他组织', colSpan: 5 }, { text: '总计', rowSpan: 2 }];
  const header: Cell[][] =
    options.header === 'corner'
      ? [[{ text: '申请人情况', colSpan: 3, rowSpan: 2 }, ...applicants], legal]
      : [[{ text: ACCOUNTING_NOTE, colSpan: 3, rowSpan: 3 }, { text: '申请人情况', colSpan: 7 }], applicants, legal];
  const rows = templateRows(model.template);
  const outcomeCount = rows.filter(isOutcomeRow).length;
  const body: Cell[][] = [];
  let previousGroup: string | null = null;
  for (const row of rows) {
    const label = rowLabel(row, model.template);
    const labelCells: Cell[] = [];
    const print = (text: string) => printLabel(text, options.labels);
    if (row === 'granted') labelCells.push({ text: print(OUTCOME_BLOCK), rowSpan: outcomeCount });
    if (!isOutcomeRow(row)) labelCells.push({ text: print(label.label), colSpan: 3 });
    else if (label.group === null) labelCells.push({ text: print(label.label), colSpan: 2 });
    else {
      if (label.group !== previousGroup) labelCells.push({ text: print(label.group), rowSpan: rows.filter((r) => rowLabel(r, model.template).group === label.group).length });
      labelCells.push({ text: print(label.label) });
    }
    previousGroup = label.group;
    const cells = model.applications[row];
    body.push([...labelCells, ...order.map((c) => ({ text: formatNumber(cells ? cells[c] : null, options.numbers) }))]);
  }
  return { caption, headerRows: header.length, rows: [...header, ...body] };
}

export function casesTable(model: ReportModel, options: DocOptions, caption: string | null): Table {
  const heads = (rowSpan?: number): Cell[] => CASE_OUTCOMES.map((k) => ({ text: printLabel(CASE_HEADERS[k], options.labels), rowSpan }));
  const values = CASE_GROUPS.flatMap((g) => CASE_OUTCOMES.map((k) => ({ text: formatNumber((model[g] as CaseCells)[k], options.numbers) })));
  return {
    caption,
    headerRows: 3,
    rows: [
      [{ text: '行政复议', colSpan: 5 }, { text: '行政诉讼', colSpan: 10 }],
      [...heads(2), { text: '未经复议直接起诉', colSpan: 5 }, { text: '复议后起诉', colSpan: 5 }],
      [...heads(), ...heads()],
      values,
    ],
  };
}

/** Section 二, its figures printed plainly whatever the number style (they are not scored, and a warning about them would hide a silent error in 三 or 四). */
export function proactiveTables(model: ReportModel, caption: string | null): Table[] {
  const items = proactiveItems(model.template);
  const numbersOf = [...new Set(items.map((i) => i.item))];
  return numbersOf.map((n, index) => {
    const group = items.filter((i) => i.item === n);
    const width = 1 + Math.max(...group.map((i) => i.columns.length));
    const columns = group[0]?.columns ?? [];
    return {
      caption: index === 0 ? caption : null,
      headerRows: 2,
      rows: [
        [{ text: `第二十条第${n}项`, colSpan: width }],
        [{ text: '信息内容' }, ...columns.map(([, h]) => ({ text: h }))],
        ...group.map((item) => [
          { text: item.label },
          ...item.columns.map(([key]) => ({ text: formatNumber(model.proactive[item.key]?.[key] ?? 0) })),
        ]),
      ],
    };
  });
}

/** The sections' headings, in order, with the index of the template section each is (or null). */
function headings(options: DocOptions): { text: string; section: number | null }[] {
  const titles: { title: string; section: number | null }[] = SECTION_TITLES.map((title, section) => ({ title, section }));
  if (options.headings === 'renumbered') {
    titles.splice(1, 0, { title: '工作机制保障', section: null });
    const applications = titles.find((t) => t.section === 2);
    if (applications) applications.title = '政府信息公开申请情况';
  }
  return titles.map(({ title, section }, i) => ({
    section,
    text: options.headings === 'part' ? `第${CHINESE_ORDINALS[i]}部分 ${title}` : `${CHINESE_ORDINALS[i]}、${title}`,
  }));
}

export function buildDocument(model: ReportModel, options: DocOptions): Block[] {
  const blocks: Block[] = [];
  const who = options.proseNamesAgency ? model.agency : '本机关';
  if (options.title !== 'none') blocks.push({ kind: 'title', lines: titleLines(model, options.title) });
  if (options.dateLine && model.published) blocks.push({ kind: 'para', text: `发布日期：${model.published}` });
  const caption = (section: number, text: string) => (options.captions ? `表${CHINESE_ORDINALS[section]}：${text}` : null);
  const appendix: { name: string; tables: Table[] }[] = [];
  const place = (name: string, tables: Table[]) => {
    if (!options.appendix) {
      for (const table of tables) blocks.push({ kind: 'table', table });
      return;
    }
    appendix.push({ name, tables });
    blocks.push({ kind: 'para', text: `具体情况详见附表${appendix.length}。` });
  };
  const apps = model.applications;
  for (const { text, section } of headings(options)) {
    blocks.push({ kind: 'heading', text });
    if (section === 0) {
      blocks.push({
        kind: 'para',
        text: `根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，现编制并公布${who}${model.year}年政府信息公开工作年度报告。本报告中所列数据的统计期限自${model.year}年1月1日起至${model.year}年12月31日止。`,
      });
      const { website_posts: posts, website_visits: visits } = model.metrics;
      if (posts !== undefined) blocks.push({ kind: 'para', text: `全年通过门户网站发布信息${posts}条${visits !== undefined ? `，网站总访问量${visits}次` : ''}。` });
      const received = apps.new?.total;
      const answered = apps.total_processed?.total;
      if (options.proseRestates && received != null && answered != null) blocks.push({ kind: 'para', text: `全年共收到政府信息公开申请${received}件，办结${answered}件。` });
    } else if (section === null) {
      blocks.push({ kind: 'para', text: '健全政务公开工作领导小组，明确分管负责同志和承办科室，落实专人负责信息发布审核。' });
    } else if (section === 1) place('主动公开政府信息情况', proactiveTables(model, caption(1, SECTION_TITLES[1])));
    else if (section === 2) place('收到和处理政府信息公开申请情况', [applicationsTable(model, options, caption(2, SECTION_TITLES[2]))]);
    else if (section === 3) place('政府信息公开行政复议、行政诉讼情况', [casesTable(model, options, caption(3, SECTION_TITLES[3]))]);
    else if (section === 4) blocks.push({ kind: 'para', text: '一是信息公开的及时性有待提高；二是政策解读形式较为单一。下一步将加强培训，丰富解读形式。' });
    else if (section === 5) blocks.push({ kind: 'para', text: '本年度未收取信息处理费。无其他需要报告的事项。' });
  }
  if (options.signature) {
    blocks.push({ kind: 'para', text: model.agency });
    if (model.published) blocks.push({ kind: 'para', text: chineseDate(model.published) });
  }
  appendix.forEach(({ name, tables }, i) => {
    blocks.push({ kind: 'heading', text: `附表${i + 1} ${name}` });
    for (const table of tables) blocks.push({ kind: 'table', table: { ...table, caption: null } });
  });
  return blocks;
}
