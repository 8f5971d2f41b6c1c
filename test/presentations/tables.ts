/** The template's tables (section 二's items, section 三's applications, section 四's cases) as merged-cell tables, printed per the options. Pure. */
import { APPLICANT_COLUMNS, CASE_OUTCOMES, type ApplicantColumn, type CaseCells } from '../../src/lib/schema.ts';
import type { Cell, Table } from './grid.ts';
import { ACCOUNTING_NOTE, APPLICANT_HEADERS, CASE_HEADERS, OUTCOME_BLOCK, isOutcomeRow, proactiveItems, rowLabel } from './labels.ts';
import { CASE_GROUPS, templateRows, type ReportModel } from './model.ts';
import { formatNumber } from './numbers.ts';
import type { DocOptions } from './options.ts';

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
