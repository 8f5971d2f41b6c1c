/**
 * Section 二: proactive disclosure, small tables keyed by 第二十条第（X）项. Items come in template
 * order, so when the section holds exactly the template's count of figures they are placed in
 * order (PDF text may print a figure before its label); otherwise each item's label takes the
 * figures after it.
 */
import type { Proactive } from '../schema.ts';
import type { TableEvent } from './lines.ts';
import { compactLabel } from './normalize.ts';
import { PROACTIVE_ITEMS, type ProactiveItem } from './template.ts';
import { append } from './append.ts';
import { remembered } from './memo.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';

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
  const byItem = new Map<string, number[]>();
  let currentItem: ProactiveItem | null = null;
  for (const e of events) {
    if (e.type === 'label') {
      const item = itemOf(e.text);
      if (item) currentItem = item;
    } else if (e.type === 'numbers') {
      zeroMarks += e.zeroMarks;
      append(values, e.values);
      if (currentItem) {
        // Appended in place: copying the list per line was quadratic in the figures under one label.
        const own = byItem.get(currentItem.key) ?? [];
        append(own, e.values);
        byItem.set(currentItem.key, own);
      }
    }
  }

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
    const own = inOrder ? values.slice(offset, offset + columns.length) : (byItem.get(item.key) ?? []);
    offset += columns.length;
    if (!inOrder && own.length === 0) {
      diagnostics.push(diagnostic('proactive_item_not_found', 'proactive', {}, { row: item.key }));
      continue;
    }
    if (!inOrder && own.length !== columns.length) {
      diagnostics.push(diagnostic('proactive_item_figure_count', 'proactive', { found: own.length, expected: columns.length }, { row: item.key }));
    }
    const cells: Record<string, number | null> = {};
    columns.forEach((c, i) => (cells[c] = own[i] ?? null));
    proactive[item.key] = cells;
  }
  if (!inOrder) diagnostics.push(diagnostic('proactive_figure_count', 'proactive', { found: values.length, template, expected }));
  return { proactive, headerTemplate, diagnostics };
}
