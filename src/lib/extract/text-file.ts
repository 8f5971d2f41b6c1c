/**
 * Text bytes (whatever the file is called) → normalised text. Decoded once (BOM, declared
 * charset, UTF-8, else GB18030); then read by what the text is: a script or JSON holding the
 * report in a string, a web page (its body, and a report its scripts hold in strings), or plain
 * text (a report as published, markdown, text extracted from a PDF).
 */
import { declaredCharset, decodeText, looksLikeHtml } from './detect.ts';
import { readHtml, withTitle } from './html.ts';
import { looksLikeScript, pageScripts, reportFromScripts, type ScriptReport } from './script-strings.ts';
import type { Extracted } from './types.ts';
import { holdsEmbeddedTables, readEmbeddedTables } from './embedded-tables.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';

/** Words only a report (its title or the template's section headings) carries. */
const REPORT_SIGN = /年度报告|主动公开政府信息情况|政府信息公开申请情况|政府信息公开行政复议/;

function plainText(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** The text of a report found in script strings: read as HTML when it has markup, else as text. */
function scriptReportText(found: ScriptReport): string {
  return found.markup ? withTitle(readHtml(found.value)) : plainText(found.value);
}

function described(found: ScriptReport): { characters: number; strings: number; markup: boolean } {
  return { characters: found.value.length, strings: found.strings, markup: found.markup };
}

/** Whether at least `share` of the lines of `part` (4 characters or more) are lines of `whole`. */
function covered(part: string, whole: string, share: number): boolean {
  const lines = part.split('\n').map((line) => line.trim()).filter((line) => line.length >= 4);
  if (lines.length === 0) return true;
  const wholeLines = new Set(whole.split('\n').map((line) => line.trim()));
  return lines.filter((line) => wholeLines.has(line)).length >= lines.length * share;
}

function result(format: Extracted['format'], text: string, diagnostics: Diagnostic[], emptyError: string): Extracted {
  return { format, text, diagnostics, error: text.trim() === '' ? emptyError : null };
}

const tableRows = (lines: readonly string[]): number => lines.filter((line) => line.endsWith(' |')).length;

/**
 * Whether script strings hold the page's report: they say they are one, or hold a table; and
 * when the body already shows tables, they show more of them (the fuller report). Site menus and
 * lists of related reports written by scripts are none.
 */
function isReport(found: ScriptReport, fromScript: string, bodyLines: readonly string[]): boolean {
  if (!REPORT_SIGN.test(found.value) && !/<table[\s>]/i.test(found.value)) return false;
  const bodyRows = tableRows(bodyLines);
  return bodyRows === 0 || tableRows(fromScript.split('\n')) > bodyRows;
}

/**
 * A web page: its visible body; when its scripts hold a report in strings that the body does
 * not already show, that report after the body. A report in both is read once: from the body
 * when it shows the script's report, from the script when that holds all the body shows and more.
 */
function readPage(html: string, warnings: Diagnostic[]): Extracted {
  const page = readHtml(html);
  const body = withTitle(page);
  const found = reportFromScripts(pageScripts(html));
  const fromScript = found ? scriptReportText(found) : '';
  if (found && isReport(found, fromScript, page.lines)) {
    const scriptLines = fromScript.split('\n');
    if (page.lines.length > 0 && scriptLines.length > page.lines.length && covered(page.lines.join('\n'), fromScript, 1)) {
      warnings.push(diagnostic('report_in_script_string', 'file', { ...described(found), instead: true }));
      return result('html', withTitle({ title: page.title, lines: scriptLines }), warnings, 'HTML page has no visible text');
    }
    if (!covered(fromScript, body, 0.8)) {
      warnings.push(diagnostic('report_in_script_string', 'file', { ...described(found), instead: false }));
      return result('html', body === '' ? fromScript : `${body}\n${fromScript}`, warnings, 'HTML page has no visible text');
    }
  }
  const error = page.lines.length === 0 ? 'HTML page has no visible text in its body' : null;
  return { format: 'html', text: body, diagnostics: warnings, error };
}

export function extractTextFile(bytes: Uint8Array): Extracted {
  const decoded = decodeText(bytes, declaredCharset(bytes));
  const text = decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text;
  const warnings = [...decoded.diagnostics];
  if (looksLikeScript(text)) {
    const found = reportFromScripts([text]);
    if (found) {
      warnings.push(diagnostic('report_in_script_file', 'file', described(found)));
      return result(found.markup ? 'html' : 'txt', scriptReportText(found), warnings, 'the script\'s strings hold no visible text');
    }
  }
  if (holdsEmbeddedTables(text)) return result('txt', plainText(readEmbeddedTables(text)), warnings, 'empty file');
  if (looksLikeHtml(text)) return readPage(text, warnings);
  return result('txt', plainText(text), warnings, 'empty file');
}
