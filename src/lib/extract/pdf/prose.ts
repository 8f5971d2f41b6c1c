/**
 * Text lines outside tables: lines of one paragraph wrapped by the page width joined back,
 * and lines with wide gaps (a table drawn without borders) split into cells.
 */
import { joinText } from '../table.ts';
import { lineCells } from './lines.ts';
import type { PdfLine } from './page-blocks.ts';

/** `-3-`, `- 3 -`, `— 3 —`, `3`, `第3页`, `第 3 页 共 5 页`, `3/5`. */
const PAGE_NUMBER = /^[-－—–\s]*\d{1,4}[-－—–\s]*$|^第\s*\d+\s*页(\s*[,，]?\s*共\s*\d+\s*页)?$|^\d+\s*\/\s*\d+$/;
/** Gap (in ems) between two runs on one line that makes them separate cells. */
const CELL_GAP_EMS = 2.5;

export function lineText(line: PdfLine): string {
  const cells = lineCells(line.line, CELL_GAP_EMS);
  return cells.length > 1 ? `|${cells.map((cell) => ` ${cell} |`).join("")}` : (cells[0] ?? "");
}

export function isPageNumber(line: PdfLine): boolean {
  return PAGE_NUMBER.test(lineText(line).trim());
}

/** Starts a new paragraph or heading whatever the line before: `一、`, `（二）`, `1.`. */
const HEADING_START = /^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．]|第[一二三四五六七八九十\d]+[条章])/;

export interface Margins {
  left: number;
  right: number;
}

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
}

/** The text block's left and right edges over all prose lines of the document. */
export function proseMargins(lines: PdfLine[]): Margins {
  return { left: percentile(lines.map((l) => l.line.x0), 0.1), right: percentile(lines.map((l) => l.line.x1), 0.9) };
}

/**
 * Paragraph lines joined: a line continues the one before when that one runs to the right
 * margin and this one is not indented and starts no heading.
 */
export function reflow(lines: PdfLine[], { left, right }: Margins): string[] {
  const out: string[] = [];
  let previous: PdfLine | null = null;
  for (const line of lines) {
    const text = lineText(line);
    const size = line.line.size;
    const previousFull = previous !== null
      && previous.line.x1 >= right - 1.5 * previous.line.size
      && Math.abs(previous.line.size - size) < 0.5
      && !lineText(previous).endsWith('|');
    const indented = line.line.x0 > left + size;
    if (previousFull && !indented && !text.includes(' |') && !HEADING_START.test(text) && out.length > 0) {
      out[out.length - 1] = joinText(out[out.length - 1]!, text);
    } else {
      out.push(text);
    }
    previous = line;
  }
  return out;
}
