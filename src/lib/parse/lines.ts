/**
 * Layout reading: lines of a table region → a stream of events (labels, numbers, blank lines),
 * whatever the layout: one cell a line, cells ending ` |` with `||` fillers, markdown pipes,
 * space-aligned `pdftotext -layout` columns, `label n n n` rows. Knows nothing of the template.
 */
import { isSpace } from './chars.ts';
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
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const line = firstLine + i;
    const trimmed = raw.trim();
    if (trimmed === '') {
      events.push({ type: 'blank', line });
      continue;
    }
    if (mayBeFooter(raw, trimmed) && isPageFooter(raw)) continue;
    if (raw.includes('---') && MARKDOWN_RULE.test(raw)) continue;
    if (raw.includes('|')) pipeLine(raw, trimmed, line, events);
    else spacedLine(trimmed, line, events);
  }
  return events;
}

/**
 * A page footer opens (after white space) with a dash or 第, or with a digit when a `/` follows
 * (`3/12`): the only lines PAGE_FOOTER needs to be run on.
 */
function mayBeFooter(raw: string, trimmed: string): boolean {
  const c = trimmed.charCodeAt(0);
  if (c >= 48 && c <= 57) return raw.includes('/');
  return c === 0x2d || c === 0x2014 || c === 0x2013 || c === 0x7b2c;
}

function pipeLine(raw: string, trimmed: string, line: number, events: TableEvent[]): void {
  // The cells between the pipes: a leading or trailing pipe opens or closes the row, not a cell.
  let at = trimmed.charCodeAt(0) === 0x7c ? raw.indexOf('|') + 1 : 0;
  const closed = trimmed.charCodeAt(trimmed.length - 1) === 0x7c;
  let texts: string[] | null = null;
  let values: number[] | null = null;
  const positional: (number | null)[] = [];
  for (;;) {
    const bar = raw.indexOf('|', at);
    if (bar < 0 && closed) break;
    const cell = (bar < 0 ? raw.slice(at) : raw.slice(at, bar)).trim();
    const value = parseCellNumber(cell);
    if (value !== null) {
      (values ??= []).push(value);
      positional.push(value);
    } else {
      if (cell !== '') (texts ??= []).push(cell);
      positional.push(null);
    }
    if (bar < 0) break;
    at = bar + 1;
  }
  if (texts) events.push({ type: 'label', text: texts.join(' '), line });
  if (values) {
    const inRow = texts !== null || values.length > 1;
    events.push({ type: 'numbers', values, inRow, line, cells: texts === null ? positional : null });
  }
}

/** `trimmed` (no white space at either end, not empty) split at runs of white space, as `split(/\s+/)`. */
function spacedLine(trimmed: string, line: number, events: TableEvent[]): void {
  const texts: string[] = [];
  const values: number[] = [];
  let start = 0;
  for (let i = 0; i <= trimmed.length; i++) {
    if (i < trimmed.length && !isSpace(trimmed.charCodeAt(i))) continue;
    if (i > start) {
      const token = trimmed.slice(start, i);
      const value = parseCellNumber(token);
      if (value !== null) values.push(value);
      else texts.push(token);
    }
    start = i + 1;
  }
  if (texts.length > 0) events.push({ type: 'label', text: texts.join(' '), line });
  if (values.length > 0) {
    events.push({ type: 'numbers', values, inRow: texts.length > 0 || values.length > 1, line, cells: null });
  }
}
