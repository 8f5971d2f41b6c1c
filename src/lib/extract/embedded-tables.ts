/**
 * Text with HTML tables inside it: what PDF-to-markdown converters write (markdown prose and
 * headings, each table as a `<table>` block because its merged cells do not fit a pipe table).
 * Read as text, line by line, with each table block read as a table in its place; a web page
 * (a text whose markup goes beyond its tables) is not this.
 */
import { readHtml } from './html.ts';

const TABLE_BLOCK = /<table[\s>][\s\S]*?<\/table\s*>/gi;
/** Markup outside tables that makes a text a web page, not text with tables in it. */
const PAGE_MARKUP = /<\/?(?:html|head|body|div|p|span|meta|title|script|style|section|article|font|!doctype)[\s>/]/i;

/** Whether the text is prose with `<table>` blocks and no other page markup (a bare table is HTML). */
export function holdsEmbeddedTables(text: string): boolean {
  if (!/<table[\s>]/i.test(text)) return false;
  const outside = text.replace(TABLE_BLOCK, '');
  return outside.trim() !== '' && !PAGE_MARKUP.test(outside);
}

/** The text with each `<table>` block replaced by its rows as pipe rows, every other line kept. */
export function readEmbeddedTables(text: string): string {
  return text.replace(TABLE_BLOCK, (block) => `\n${readHtml(block).lines.join('\n')}\n`).replace(/<br\s*\/?>/gi, ' ');
}
