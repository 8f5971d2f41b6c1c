/**
 * Report model + layout options → the report as blocks (title, headings, prose, tables), the
 * one shape every renderer (text, HTML, Word) prints. Pure.
 */
import { splitTable, type Table } from './grid.ts';
import { CHINESE_ORDINALS, SECTION_TITLES } from './labels.ts';
import type { ReportModel } from './model.ts';
import type { DocOptions } from './options.ts';
import { applicationsTable, casesTable, proactiveTables } from './tables.ts';

export { DEFAULT_OPTIONS, type DocOptions } from './options.ts';

/** Where a page break cuts section 三's table: after this many of its rows (mid 不予公开). */
const SPLIT_AFTER_ROWS = 8;

export type Block =
  | { kind: 'title'; lines: string[] }
  | { kind: 'heading'; text: string }
  | { kind: 'para'; text: string }
  | { kind: 'table'; table: Table };

export function reportTitle(model: ReportModel): string {
  return `${model.year}年${model.agency}政府信息公开工作年度报告`;
}

const CHINESE_DIGITS = '〇一二三四五六七八九';
/** 2023 → 二〇二三. */
export const chineseYear = (year: number): string => [...String(year)].map((d) => CHINESE_DIGITS[Number(d)]).join('');

function titleLines(model: ReportModel, style: DocOptions['title']): string[] {
  if (style === 'wrapped') return [model.agency, `${model.year}年政府信息公开`, '工作年度报告'];
  if (style === 'spaced') return [`${model.year} 年 ${model.agency} 政府信息公开工作年度报告`];
  if (style === 'chinese-year') return [`${model.agency}${chineseYear(model.year)}年政府信息公开工作年度报告`];
  if (style === 'niandu') return [`${model.agency}${model.year}年度政府信息公开工作报告`];
  return [reportTitle(model)];
}

function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
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
    else if (section === 2) {
      const table = applicationsTable(model, options, caption(2, SECTION_TITLES[2]));
      const at = table.headerRows + SPLIT_AFTER_ROWS;
      place('收到和处理政府信息公开申请情况', options.split === 'none' ? [table] : splitTable(table, at, options.split === 'repeat-header'));
    }
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
