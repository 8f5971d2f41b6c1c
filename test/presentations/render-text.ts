/**
 * Blocks → text as people paste it: one cell a line (copied from a web page), tab-separated rows
 * (copied from Excel or Word), or the markdown a PDF converter writes (merged cells repeated over
 * the positions they cover, two-line headers split into two rows, a page footer inside a table). Pure.
 */
import type { Block } from './document.ts';
import { expand, type Cell, type Slot, type Table } from './grid.ts';
import { APPLICANT_HEADERS_SPLIT } from './labels.ts';

export type TextLayout = 'cells' | 'cells-compact' | 'tab' | 'word-tab' | 'markdown' | 'markdown-br' | 'aligned';

function cellLines(table: Table): string[] {
  return table.rows.flatMap((row) => row.map((cell) => cell.text)).flatMap((text) => [text, '']);
}

/** Display width: a CJK character takes two columns, as in a monospaced page. */
const width = (text: string): number => [...text].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);
const LABEL_CHARS = 18;
const NUMERIC = /^[-—/,.，．０-９\d]+$/;

/**
 * Rows as `pdftotext -layout` prints a PDF table: cells padded into columns, a label that spans
 * rows on a line of its own at the middle of its rows, long labels wrapped onto the next line.
 */
function alignedLines(table: Table): string[] {
  const grid = expand(table);
  const cols = Math.max(...grid.map((r) => r.length));
  const single = (slot: Slot | undefined): slot is Slot => !!slot && (slot.cell.colSpan ?? 1) === 1 && (slot.cell.rowSpan ?? 1) === 1;
  const colWidth = Array.from({ length: cols }, (_, c) =>
    Math.max(4, ...grid.map((r) => r[c]).filter(single).map((s) => Math.min(width(s.cell.text), 2 * LABEL_CHARS))),
  );
  const top = new Map<Cell, number>();
  grid.forEach((row, r) => row.forEach((slot) => slot.origin && top.set(slot.cell, r)));
  const lines: string[] = [];
  grid.forEach((row, r) => {
    let line = '';
    const wrapped: string[] = [];
    row.forEach((slot, c) => {
      if (!slot.firstCol) return;
      const { cell } = slot;
      const rowSpan = cell.rowSpan ?? 1;
      let text = rowSpan === 1 ? cell.text : '';
      if (rowSpan > 1 && r - (top.get(cell) ?? r) === Math.floor(rowSpan / 2)) lines.push(' '.repeat(width(line)) + cell.text);
      if (text.length > LABEL_CHARS) {
        wrapped.push(' '.repeat(width(line)) + text.slice(LABEL_CHARS));
        text = text.slice(0, LABEL_CHARS);
      }
      let span = 0;
      for (let k = c; k < c + (cell.colSpan ?? 1); k++) span += (colWidth[k] ?? 4) + 2;
      const pad = ' '.repeat(Math.max(1, span - width(text)));
      line += NUMERIC.test(text) ? pad + text : text + pad;
    });
    lines.push(line.trimEnd(), ...wrapped);
  });
  return lines;
}

/**
 * Tab-separated rows, a merged cell's text in its first position only (Excel's copy). `word`: as
 * Word copies a table, a cell of two paragraphs (`商业` / `企业`) keeps its line break, so the row
 * runs over two lines.
 */
function tabLines(table: Table, word = false): string[] {
  const text = (t: string) => (word ? (SPLIT.get(t)?.join('\n') ?? t) : t);
  return expand(table).map((row) => row.map((slot) => (slot.origin ? text(slot.cell.text) : '')).join('\t'));
}

const SPLIT = new Map(APPLICANT_HEADERS_SPLIT.filter(([, second]) => second !== '').map(([first, second]) => [first + second, [first, second] as const]));

/** A table longer than this crosses a page, and the converter prints the page's footer inside it. */
const PAGE_ROWS = 12;

function markdownRow(cells: string[]): string {
  return `| ${cells.map((c) => c.replace(/\|/g, '｜')).join(' | ')} |`;
}

/** A long label as a converter keeps a cell's line breaks: `<br>` where the PDF wrapped it. */
const LINE_CHARS = 12;
function withBreaks(text: string): string {
  const split = SPLIT.get(text);
  if (split) return split.join('<br>');
  if (text.length <= LINE_CHARS || NUMERIC.test(text)) return text;
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += LINE_CHARS) parts.push(text.slice(i, i + LINE_CHARS));
  return parts.join('<br>');
}

/**
 * Markdown from a PDF converter; `footer` is the page number printed mid-table. Header cells
 * broken over two lines become two rows, or with `breaks`, every wrapped cell keeps `<br>`.
 */
function markdownLines(table: Table, footer: string | null, breaks = false): string[] {
  const grid = expand(table).map((row) => row.map((slot) => (breaks ? withBreaks(slot.cell.text) : slot.cell.text)));
  const rows: string[][] = [];
  grid.forEach((row, r) => {
    if (breaks || r >= table.headerRows || !row.some((t) => SPLIT.has(t))) {
      rows.push(row);
      return;
    }
    rows.push(row.map((t) => SPLIT.get(t)?.[0] ?? t));
    rows.push(row.map((t) => SPLIT.get(t)?.[1] ?? ''));
  });
  const width = Math.max(...rows.map((r) => r.length));
  const separator = markdownRow(Array<string>(width).fill('---'));
  const lines = [markdownRow(rows[0] ?? []), separator];
  const breakAt = footer && rows.length > PAGE_ROWS ? Math.floor(rows.length / 2) : -1;
  rows.slice(1).forEach((row, i) => {
    if (i + 1 === breakAt) lines.push('', footer as string, '', markdownRow(row), separator);
    else lines.push(markdownRow(row));
  });
  return lines;
}

export function renderText(blocks: Block[], layout: TextLayout): string {
  const out: string[] = [];
  let page = 3;
  for (const block of blocks) {
    const gap = layout === 'cells-compact' ? [] : [''];
    if (block.kind === 'title') out.push(...block.lines, ...gap);
    else if (block.kind === 'heading' || block.kind === 'para') out.push(block.text, ...gap);
    else {
      const { table } = block;
      if (table.caption) out.push(table.caption, '');
      if (layout === 'cells') out.push(...cellLines(table));
      else if (layout === 'cells-compact') out.push(...cellLines(table).filter((line) => line !== ''));
      else if (layout === 'aligned') out.push(...alignedLines(table), '');
      else if (layout === 'tab' || layout === 'word-tab') out.push(...tabLines(table, layout === 'word-tab'), '');
      else {
        out.push(...markdownLines(table, `- ${page} -`, layout === 'markdown-br'), '');
        if (table.rows.length > PAGE_ROWS) page++;
      }
    }
  }
  return out.join('\n');
}
