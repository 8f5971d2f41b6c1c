/**
 * The header and footer a browser prints on every page of a web page saved as PDF: the print
 * date and time and the page's title at the top, its address and `2/5` at the bottom (Chrome,
 * Edge; Firefox swaps them about and writes `第 2 页，共 5 页`). Only the outermost lines of a
 * page are looked at, and a line counts when one of its parts is a whole time stamp or address.
 */
import { lineCells } from './lines.ts';
import type { PdfLine } from './page-blocks.ts';

/** Gap (in ems) that separates the header's left, centre and right parts. */
const PART_GAP_EMS = 2.5;
/** `2024/3/5 10:21`, `3/5/24, 10:21 AM`, `2024-03-05 下午10:21:07`, `2024年3月5日 10:21`. */
const DATE_TIME = /^\d{1,4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,4}\s*日?[,，]?\s*(?:(?:上午|下午|AM|PM)\s*)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:AM|PM|上午|下午))?/i;
const ADDRESS = /^(?:(?:https?|file|ftp):\/\/|about:)\S*/i;
/** `2/5`, `Page 2 of 5`, `第 2 页，共 5 页`, after an address when the two run together. */
const PAGE_COUNT = /^(?:\d+\s*\/\s*\d+|page\s*\d+\s*of\s*\d+|第\s*\d+\s*页\s*[,，]?\s*共\s*\d+\s*页)$/i;
/** The most parts a browser's header or footer line has: left, centre, right. */
const MAX_PARTS = 3;

export type PageEdge = 'top' | 'bottom';

/**
 * A part that is a whole time stamp or address, or one run together with its neighbour: the
 * title after a time stamp (at the top, where Chrome centres the title beside the time), the
 * page count after an address.
 */
function isStamp(part: string, edge: PageEdge): boolean {
  const time = DATE_TIME.exec(part);
  if (time) {
    const rest = part.slice(time[0].length);
    return rest === '' || (edge === 'top' && !/^[\d:]/.test(rest));
  }
  const address = ADDRESS.exec(part);
  if (!address) return false;
  const rest = part.slice(address[0].length).trim();
  return rest === '' || PAGE_COUNT.test(rest);
}

/** Whether a line at the top or bottom edge of a page is the browser's header or footer. */
export function isBrowserFurniture(line: PdfLine, edge: PageEdge): boolean {
  const parts = lineCells(line.line, PART_GAP_EMS);
  return parts.length <= MAX_PARTS && parts.some((part) => isStamp(part, edge));
}
