/**
 * Blocks → text as people paste it: one cell a line (copied from a web page), tab-separated rows
 * (copied from Excel or Word), or the markdown a PDF converter writes (merged cells repeated over
 * the positions they cover, two-line headers split into two rows, a page footer inside a table). Pure.
 */
import type { Block } from './document.ts';
import { expand, type Table } from './grid.ts';
import { APPLICANT_HEADERS_SPLIT } from './labels.ts';

export type TextLayout = 'cells' | 'tab' | 'markdown' | 'markdown-br';

function cellLines(table: Table): string[] {
  return table.rows.flatMap((row) => row.map((cell) => cell.text)).flatMap((text) => [text, '']);
}

function tabLines(table: Table): string[] {
  return expand(table).map((row) => row.map((slot) => (slot.origin ? slot.cell.text : '')).join('\t'));
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
  if (text.length <= LINE_CHARS || /^[\d,.，．０-９—/-]*$/.test(text)) return text;
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
    if (block.kind === 'title') out.push(...block.lines, '');
    else if (block.kind === 'heading' || block.kind === 'para') out.push(block.text, '');
    else {
      const { table } = block;
      if (table.caption) out.push(table.caption, '');
      if (layout === 'cells') out.push(...cellLines(table));
      else if (layout === 'tab') out.push(...tabLines(table), '');
      else {
        out.push(...markdownLines(table, `- ${page} -`, layout === 'markdown-br'), '');
        if (table.rows.length > PAGE_ROWS) page++;
      }
    }
  }
  return out.join('\n');
}
