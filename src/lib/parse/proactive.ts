/**
 * Section 二: proactive disclosure, small tables keyed by 第二十条第（X）项. Items come in template
 * order, so when the section holds exactly the template's count of figures they are placed in
 * order (PDF text may print a figure before its label); otherwise each item's label takes the
 * figures after it. An item with fewer figures than columns has blank cells: they are placed by
 * their columns where the text keeps them (a pipe or tab row's cells; the blank lines of a table
 * copied one cell a paragraph, blank-lines.ts) and left null; where it does not, which column a
 * figure belongs to cannot be told, and none is read.
 */
import type { Proactive } from '../schema.ts';
import type { TableEvent } from './lines.ts';
import { compactLabel } from './normalize.ts';
import { PROACTIVE_ITEMS, type ProactiveItem } from './template.ts';
import { append } from './append.ts';
import { remembered } from './memo.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { cellSeparator, cellsWithBlanks, type LoneNumber } from './blank-lines.ts';

export interface ProactiveResult {
  proactive: Proactive;
  /** Which template's columns the header names, if it says. */
  headerTemplate: '2019' | '2021' | null;
  diagnostics: Diagnostic[];
}

function columnsOf(item: ProactiveItem, template: '2019' | '2021'): readonly string[] {
  return template === '2019' ? item.columns2019 : item.columns2021;
}

/** The item each label names. */
const itemOf = remembered(readItem);

function readItem(label: string): ProactiveItem | null {
  const compact = compactLabel(label);
  if (/第二十条|信息内容/.test(compact) && !/规章|规范性文件|许可|处罚|强制|收费|采购|服务事项/.test(compact)) return null;
  return PROACTIVE_ITEMS.find((item) => item.keywords.some((k) => compact.includes(k))) ?? null;
}

export function readProactive(events: readonly TableEvent[], fallbackTemplate: '2019' | '2021'): ProactiveResult {
  const diagnostics: Diagnostic[] = [];
  const text = events.map((e) => (e.type === 'label' ? e.text : '')).join('');
  const headerTemplate = /本年新制作数量|上一年项目数量|对外公开总数量/.test(text)
    ? '2019'
    : /本年制发件数|本年处理决定数量|本年收费金额|现行有效件数/.test(text)
      ? '2021'
      : null;
  const template = headerTemplate ?? fallbackTemplate;
  const items = PROACTIVE_ITEMS.filter((item) => columnsOf(item, template).length > 0);
  const expected = items.reduce((n, item) => n + columnsOf(item, template).length, 0);

  const values: number[] = [];
  let zeroMarks = 0;
  const byItem = new Map<string, ItemFigures>();
  let current: ItemFigures | null = null;
  for (const e of events) {
    if (e.type === 'label') {
      const item = itemOf(e.text);
      // The first line with text after an item's figures closes its cells.
      if (current && current.end === null && current.numberLines > 0) current.end = e.line;
      if (item) {
        current = byItem.get(item.key) ?? null;
        if (current) current.labels++;
        else byItem.set(item.key, (current = { values: [], labels: 1, label: e.line, end: null, numberLines: 0, cells: null, lone: [] }));
      }
    } else if (e.type === 'numbers') {
      zeroMarks += e.zeroMarks;
      append(values, e.values);
      if (current) {
        // Appended in place: copying the list per line was quadratic in the figures under one label.
        append(current.values, e.values);
        current.numberLines++;
        current.cells = e.cells;
        if (!e.inRow && e.values.length === 1) current.lone.push({ value: e.values[0] as number, line: e.line });
      }
    }
  }
  const separator = cellSeparator(events);
  // Events come in line order: the region's last line is the last event's.
  const lastLine = events.at(-1)?.line ?? -1;

  const proactive: Proactive = {};
  if (zeroMarks > 0) diagnostics.push(diagnostic('zero_marks_inferred', 'proactive', { count: zeroMarks }));
  if (values.length === 0) {
    if (events.length > 0) diagnostics.push(diagnostic('proactive_no_figures', 'proactive'));
    return { proactive, headerTemplate, diagnostics };
  }
  const inOrder = values.length === expected;
  let offset = 0;
  for (const item of items) {
    const columns = columnsOf(item, template);
    const figures = byItem.get(item.key);
    let own: readonly (number | null)[] = inOrder ? values.slice(offset, offset + columns.length) : (figures?.values ?? []);
    offset += columns.length;
    if (!inOrder && own.length === 0) {
      diagnostics.push(diagnostic('proactive_item_not_found', 'proactive', {}, { row: item.key }));
      continue;
    }
    if (!inOrder && own.length < columns.length) {
      const placed = figures ? cellsByPosition(figures, columns.length, separator, lastLine) : null;
      if (placed) diagnostics.push(diagnostic('proactive_blank_cells', 'proactive', { count: columns.length - own.length }, { row: item.key }));
      else diagnostics.push(diagnostic('proactive_item_unplaced', 'proactive', { found: own.length, expected: columns.length }, { row: item.key }));
      own = placed ?? [];
    } else if (!inOrder && own.length > columns.length) {
      diagnostics.push(diagnostic('proactive_item_figure_count', 'proactive', { found: own.length, expected: columns.length }, { row: item.key }));
    }
    const cells: Record<string, number | null> = {};
    columns.forEach((c, i) => (cells[c] = own[i] ?? null));
    proactive[item.key] = cells;
  }
  if (!inOrder) diagnostics.push(diagnostic('proactive_figure_count', 'proactive', { found: values.length, template, expected }));
  return { proactive, headerTemplate, diagnostics };
}

/** What one item's label took: its figures, and where they stood. */
interface ItemFigures {
  values: number[];
  /** Times its label came (a repeated label adds figures, and makes positions uncertain). */
  labels: number;
  /** Its label's line, and the first line with text after its figures (null: none, the region's end). */
  label: number;
  end: number | null;
  /** Lines with figures, the last one's cells (a pipe or tab row's, with null for an empty cell), and the figures alone on their lines. */
  numberLines: number;
  cells: (number | null)[] | null;
  lone: LoneNumber[];
}

/**
 * The item's `count` cells with its blank cells as null, when the text says where each figure
 * stands: one pipe or tab row of `count` cells (empty cells past the item's columns aside, a wider
 * table's), or one cell a line whose blank lines fit the layout (`separator`); else null.
 */
function cellsByPosition(figures: ItemFigures, count: number, separator: number | null, lastLine: number): (number | null)[] | null {
  if (figures.labels !== 1) return null;
  let cells: (number | null)[] | null = null;
  if (figures.numberLines === 1 && figures.cells) {
    cells = [...figures.cells];
    while (cells.length > count && cells.at(-1) === null) cells.pop();
  } else if (separator !== null && figures.lone.length === figures.numberLines) {
    const atEnd = figures.end === null;
    cells = cellsWithBlanks(figures.lone, figures.label, figures.end ?? lastLine + 1, separator, atEnd);
  }
  return cells?.length === count ? cells : null;
}
