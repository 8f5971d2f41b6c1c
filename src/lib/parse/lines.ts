/**
 * Layout reading: lines of a table region → a stream of events (labels, numbers, blank lines),
 * whatever the layout: one cell a line, cells ending ` |` with `||` fillers, markdown pipes,
 * space-aligned `pdftotext -layout` columns, `label n n n` rows. Knows nothing of the template.
 */
import { parseCellNumber } from './numbers.ts';

export type TableEvent =
  | { type: 'label'; text: string; line: number }
  /**
   * Numbers from one line. `inRow` is true when the line holds a row (a label with numbers, or
   * several numbers); false for a number alone on its line (one cell a line layouts).
   * `cells` keeps positions, with null for empty pipe cells, when the line is a pipe row.
   */
  | { type: 'numbers'; values: number[]; inRow: boolean; line: number; cells: (number | null)[] | null }
  | { type: 'blank'; line: number };

const PAGE_FOOTER = /^\s*(?:[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d{1,3}\s*页(?:\s*[/／共]\s*\d+\s*页?)?|\d{1,3}\s*\/\s*\d{1,3})\s*$/;
const MARKDOWN_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** Page footers (`-3-`, `- 4 -`, `第2页`) that PDF text leaves inside tables. */
export function isPageFooter(line: string): boolean {
  return PAGE_FOOTER.test(line);
}

export function tableEvents(lines: readonly string[], firstLine = 0): TableEvent[] {
  const events: TableEvent[] = [];
  lines.forEach((raw, i) => {
    const line = firstLine + i;
    if (raw.trim() === '' || isPageFooter(raw)) {
      if (raw.trim() === '') events.push({ type: 'blank', line });
      return;
    }
    if (raw.includes('---') && MARKDOWN_RULE.test(raw)) return;
    if (raw.includes('|')) pipeLine(raw, line, events);
    else spacedLine(raw, line, events);
  });
  return events;
}

function pipeLine(raw: string, line: number, events: TableEvent[]): void {
  const cells = raw.split('|').map((c) => c.trim());
  if (raw.trim().startsWith('|')) cells.shift();
  if (raw.trim().endsWith('|')) cells.pop();
  const texts: string[] = [];
  const values: number[] = [];
  const positional: (number | null)[] = [];
  for (const cell of cells) {
    const value = parseCellNumber(cell);
    if (value !== null) {
      values.push(value);
      positional.push(value);
    } else if (cell === '') {
      positional.push(null);
    } else {
      texts.push(cell);
      positional.push(null);
    }
  }
  if (texts.length > 0) events.push({ type: 'label', text: texts.join(' '), line });
  if (values.length > 0) {
    const inRow = texts.length > 0 || values.length > 1;
    events.push({ type: 'numbers', values, inRow, line, cells: texts.length === 0 ? positional : null });
  }
}

function spacedLine(raw: string, line: number, events: TableEvent[]): void {
  const tokens = raw.trim().split(/\s+/);
  const texts: string[] = [];
  const values: number[] = [];
  for (const token of tokens) {
    const value = parseCellNumber(token);
    if (value !== null) values.push(value);
    else texts.push(token);
  }
  if (texts.length > 0) events.push({ type: 'label', text: texts.join(' '), line });
  if (values.length > 0) {
    events.push({ type: 'numbers', values, inRow: texts.length > 0 || values.length > 1, line, cells: null });
  }
}
