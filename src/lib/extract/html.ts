/**
 * HTML markup → normalised text: the page title first, prose as lines, data tables as pipe rows
 * (row and column spans honoured); scripts, styles, navigation, headers, footers and hidden
 * elements dropped.
 */
import { childElements, findElements, parseHtml, type DomNode } from './dom.ts';
import { joinText, placeSpannedRows, renderTable, tidySpaces, type SpannedCell } from './table.ts';

const DROPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'svg', 'canvas', 'object', 'embed',
  'nav', 'footer', 'aside', 'button', 'select', 'input', 'textarea', 'head', 'map',
]);
const BLOCK_TAGS = new Set([
  'p', 'div', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd',
  'section', 'article', 'main', 'blockquote', 'pre', 'address', 'figure', 'figcaption', 'form',
  'table', 'tr', 'td', 'th', 'caption', 'center', 'body', 'html',
]);
/** class/id tokens of site chrome: `nav`, `footer`, `share_box`, `article-share`, `ewm` (QR code), … */
const CHROME_TOKEN = /(^|[-_])(nav|navbar|menu|topmenu|footer|foot|breadcrumbs?|crumbs?|position|share|bdshare|sidebar|copyright|toolbar|skip|qrcode|ewm|erweima|print)([-_]|$)/i;
/** class/id tokens of a page header: chrome unless it holds the article's `<h1>` (and its date). */
const HEADER_TOKEN = /^(header|head|top|topbar)([-_].*)?$/i;

function isDropped(node: DomNode): boolean {
  const name = node.name ?? '';
  if (DROPPED_TAGS.has(name)) return true;
  const attribs = node.attribs ?? {};
  if ('hidden' in attribs || attribs['aria-hidden'] === 'true') return true;
  const style = (attribs.style ?? '').replace(/\s+/g, '').toLowerCase();
  if (style.includes('display:none') || style.includes('visibility:hidden')) return true;
  const tokens = `${attribs.class ?? ''} ${attribs.id ?? ''}`.split(/\s+/).filter(Boolean);
  if (tokens.some((token) => CHROME_TOKEN.test(token))) return true;
  const isHeader = name === 'header' || tokens.some((token) => HEADER_TOKEN.test(token));
  return isHeader && findElements(node, 'h1').length === 0;
}

/** A table is data (not page layout) when no cell holds another table. */
function isDataTable(table: DomNode): boolean {
  return findElements(table, 'table').length === 0;
}

function tableRows(table: DomNode): DomNode[] {
  const rows: DomNode[] = [];
  for (const child of childElements(table)) {
    if (child.name === 'tr') rows.push(child);
    else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') rows.push(...childElements(child, 'tr'));
  }
  return rows;
}

function span(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, 1000) : 1;
}

class LineWriter {
  readonly lines: string[] = [];
  private current = '';
  text(data: string): void {
    const piece = data.replace(/[\s\u00a0]+/g, ' ');
    this.current = this.current.endsWith(' ') && piece.startsWith(' ') ? this.current + piece.slice(1) : this.current + piece;
  }
  break(): void {
    const line = tidySpaces(this.current);
    if (line !== '') this.lines.push(line);
    this.current = '';
  }
}

/** Inline text of a node, with block breaks joined (for a table cell). */
function cellText(node: DomNode): string {
  const writer = new LineWriter();
  walk(node, writer);
  writer.break();
  return writer.lines.reduce(joinText, '');
}

function walk(node: DomNode, out: LineWriter): void {
  for (const child of node.children ?? []) {
    if (child.type === 'text') out.text(child.data ?? '');
    if (child.type !== 'tag' || isDropped(child)) continue;
    const block = BLOCK_TAGS.has(child.name ?? '');
    if (block) out.break();
    if (child.name === 'table' && isDataTable(child)) {
      const rows: SpannedCell[][] = tableRows(child).filter((row) => !isDropped(row)).map((row) =>
        childElements(row)
          .filter((cell) => (cell.name === 'td' || cell.name === 'th') && !isDropped(cell))
          .map((cell) => ({ text: cellText(cell), rowSpan: span(cell.attribs?.rowspan), colSpan: span(cell.attribs?.colspan) })),
      );
      out.lines.push(...renderTable(placeSpannedRows(rows)));
    } else {
      walk(child, out);
    }
    if (block) out.break();
  }
}

function titleOf(root: DomNode): string {
  const h1 = findElements(root, 'h1').find((node) => cellText(node) !== '');
  if (h1) return cellText(h1);
  const title = findElements(root, 'title')[0];
  return title ? cellText(title) : '';
}

export interface HtmlText {
  /** The page's `<h1>`, else its `<title>`; empty when it has neither. */
  title: string;
  /** The visible lines of its body. */
  lines: string[];
}

/** A page's (or a fragment's) markup → its title and visible lines. */
export function readHtml(html: string): HtmlText {
  const root = parseHtml(html);
  const writer = new LineWriter();
  walk(root, writer);
  writer.break();
  return { title: titleOf(root), lines: writer.lines };
}

/** The normalised text of a page's lines, its title first (unless its first line already is the title). */
export function withTitle({ title, lines }: HtmlText): string {
  return (title !== '' && lines[0] !== title ? [title, ...lines] : lines).join('\n');
}
