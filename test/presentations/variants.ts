/**
 * Report model → its presentation variants, each `{name, family, fileName, bytes, truth}`: the
 * bytes a publisher could have put out and the cells a reader of them must get. Pure: a variant
 * that needs a browser (printed to PDF) comes back as a print job, its page as HTML, for the
 * caller to print (pdf-cache.ts).
 */
import iconv from 'iconv-lite';
import { APPLICANT_COLUMNS, CASE_OUTCOMES, type CaseCells } from '../../src/lib/schema.ts';
import { buildDocument, DEFAULT_OPTIONS, reportTitle, type Block, type DocOptions } from './document.ts';
import { unmerge } from './grid.ts';
import { CASE_GROUPS, templateRows, type ReportModel } from './model.ts';
import type { NumberStyle } from './numbers.ts';
import { renderDocx } from './render-docx.ts';
import { pageHtml, type PageOptions } from './render-html.ts';
import { renderText, type TextLayout } from './render-text.ts';

/** What a reader must get for one cell: the number, null (not printed), or any of several readings. */
export type Expected = number | null | { oneOf: (number | null)[] };

export interface VariantTruth {
  agency: string;
  year: number;
  /** `applications.<row>.<column>`, `review.<outcome>`, `litigation_direct.…`, `litigation_after_review.…`. */
  cells: Record<string, Expected>;
}

export interface Variant {
  name: string;
  /** The kind of presentation, for per-family figures. */
  family: string;
  fileName: string;
  bytes: Uint8Array;
  truth: VariantTruth;
}

export interface PrintJob {
  name: string;
  family: string;
  fileName: string;
  /** The page to print, UTF-8. */
  html: string;
  /** Print a page number at the foot of every page (inside the table where a page breaks it). */
  pageNumbers?: boolean;
  truth: VariantTruth;
}

/**
 * A cell printed blank (a null in the model, or a zero printed as blank) may be read as null or
 * as 0, as the seeds' truth allows for blank cells (`blank-or-zero`).
 */
export function variantTruth(model: ReportModel, numbers: NumberStyle): VariantTruth {
  const expected = (value: number | null): Expected => (value === null || (value === 0 && numbers.zero === '') ? { oneOf: [value, value === null ? 0 : null] } : value);
  const cells: Record<string, Expected> = {};
  for (const row of templateRows(model.template)) {
    for (const c of APPLICANT_COLUMNS) cells[`applications.${row}.${c}`] = expected(model.applications[row]?.[c] ?? null);
  }
  for (const g of CASE_GROUPS) for (const k of CASE_OUTCOMES) cells[`${g}.${k}`] = expected((model[g] as CaseCells)[k]);
  return { agency: model.agency, year: model.year, cells };
}

export type Renderer =
  | 'web-copy'
  | 'web-copy-gbk'
  | 'excel-tab'
  | 'word-tab'
  | 'pdf-markdown'
  | 'pdf-markdown-br'
  | 'html-gbk'
  | 'html-word-export'
  | 'html-br'
  | 'html-gb2312'
  | 'html-spam'
  | 'html-unmerged-repeat'
  | 'html-unmerged-empty'
  | 'html-gbk-undeclared'
  | 'web-copy-utf16'
  | 'html-layout-table'
  | 'html-script'
  | 'web-copy-compact'
  | 'text-aligned'
  | 'docx'
  | 'pdf-chromium'
  | 'pdf-chromium-thead'
  | 'pdf-chromium-page-numbers';

export interface Spec {
  name: string;
  family: string;
  renderer: Renderer;
  options: Partial<DocOptions>;
}

const TEXT_LAYOUT: Partial<Record<Renderer, TextLayout>> = {
  'web-copy': 'cells',
  'web-copy-gbk': 'cells',
  'excel-tab': 'tab',
  'word-tab': 'word-tab',
  'pdf-markdown': 'markdown',
  'pdf-markdown-br': 'markdown-br',
  'web-copy-compact': 'cells-compact',
  'web-copy-utf16': 'cells',
  'text-aligned': 'aligned',
};
const EXTENSION: Record<Renderer, string> = {
  'web-copy': 'txt',
  'web-copy-gbk': 'txt',
  'pdf-markdown-br': 'md.txt',
  'web-copy-compact': 'txt',
  'text-aligned': 'txt',
  'html-word-export': 'html',
  'html-layout-table': 'html',
  'html-br': 'html',
  'html-gb2312': 'html',
  'html-spam': 'html',
  'html-unmerged-repeat': 'html',
  'html-unmerged-empty': 'html',
  'html-gbk-undeclared': 'html',
  'web-copy-utf16': 'txt',
  'excel-tab': 'txt',
  'word-tab': 'txt',
  'pdf-markdown': 'md.txt',
  'html-gbk': 'html',
  'html-script': 'html',
  docx: 'docx',
  'pdf-chromium': 'pdf',
  'pdf-chromium-thead': 'pdf',
  'pdf-chromium-page-numbers': 'pdf',
};

/** Layouts with the template's own wording and numbers. */
const LAYOUTS: [string, Renderer, Partial<DocOptions>][] = [
  ['web-copy', 'web-copy', {}],
  ['web-copy-restated', 'web-copy', { proseRestates: true }],
  ['web-copy-gbk', 'web-copy-gbk', {}],
  ['web-copy-compact', 'web-copy-compact', {}],
  ['text-aligned', 'text-aligned', {}],
  ['excel-tab', 'excel-tab', {}],
  ['word-tab', 'word-tab', {}],
  ['pdf-markdown', 'pdf-markdown', {}],
  ['pdf-markdown-br', 'pdf-markdown-br', {}],
  ['html-gbk-portal', 'html-gbk', {}],
  ['html-word-export', 'html-word-export', {}],
  ['html-layout-table', 'html-layout-table', {}],
  ['html-br', 'html-br', {}],
  ['html-gb2312', 'html-gb2312', {}],
  ['html-spam', 'html-spam', {}],
  ['html-unmerged-repeat', 'html-unmerged-repeat', {}],
  ['html-unmerged-empty', 'html-unmerged-empty', {}],
  ['html-gbk-undeclared', 'html-gbk-undeclared', {}],
  ['web-copy-utf16', 'web-copy-utf16', {}],
  ['html-script-string', 'html-script', {}],
  ['docx-tables', 'docx', {}],
  ['pdf-chromium', 'pdf-chromium', {}],
  ['pdf-chromium-thead', 'pdf-chromium-thead', {}],
  ['pdf-chromium-page-numbers', 'pdf-chromium-page-numbers', {}],
];

/** Title, section and number styles, each rendered in the layouts listed with it. */
export interface Style {
  name: string;
  family: string;
  options: Partial<DocOptions>;
  renderers: Renderer[];
}

export const STYLES: Style[] = [
  { name: 'title-wrapped', family: 'title', options: { title: 'wrapped' }, renderers: ['html-gbk', 'docx', 'pdf-chromium'] },
  { name: 'title-spaced', family: 'title', options: { title: 'spaced' }, renderers: ['web-copy', 'html-gbk'] },
  { name: 'title-chinese-year', family: 'title', options: { title: 'chinese-year' }, renderers: ['web-copy', 'html-gbk', 'docx'] },
  { name: 'title-niandu', family: 'title', options: { title: 'niandu' }, renderers: ['web-copy', 'html-gbk'] },
  { name: 'title-tag-only', family: 'title', options: { title: 'none', proseNamesAgency: false, signature: false }, renderers: ['html-gbk'] },
  { name: 'title-signature-only', family: 'title', options: { title: 'none', proseNamesAgency: false, dateLine: false }, renderers: ['web-copy', 'docx'] },
  { name: 'sections-renumbered', family: 'sections', options: { headings: 'renumbered' }, renderers: ['web-copy', 'html-gbk', 'docx'] },
  { name: 'sections-part', family: 'sections', options: { headings: 'part' }, renderers: ['web-copy', 'html-gbk', 'docx'] },
  { name: 'captions', family: 'sections', options: { captions: true }, renderers: ['web-copy', 'html-gbk', 'docx'] },
  { name: 'appendix', family: 'sections', options: { appendix: true }, renderers: ['web-copy', 'html-gbk', 'docx'] },
  { name: 'header-corner', family: 'sections', options: { header: 'corner' }, renderers: ['web-copy', 'html-gbk', 'docx', 'pdf-chromium', 'text-aligned'] },
  { name: 'split-repeat-header', family: 'sections', options: { split: 'repeat-header' }, renderers: ['web-copy', 'html-gbk', 'docx', 'excel-tab', 'pdf-markdown'] },
  { name: 'split-bare', family: 'sections', options: { split: 'bare' }, renderers: ['web-copy', 'html-gbk', 'docx', 'excel-tab', 'pdf-markdown'] },
  { name: 'labels-halfwidth', family: 'labels', options: { labels: 'halfwidth' }, renderers: ['web-copy', 'html-gbk', 'docx', 'text-aligned'] },
  { name: 'labels-spaced', family: 'labels', options: { labels: 'spaced' }, renderers: ['web-copy', 'html-gbk', 'docx', 'text-aligned', 'pdf-chromium'] },
  { name: 'fullwidth-digits', family: 'numbers', options: { numbers: { fullWidth: true } }, renderers: ['excel-tab', 'html-gbk', 'web-copy', 'docx', 'pdf-chromium'] },
  { name: 'thousands', family: 'numbers', options: { numbers: { thousands: true } }, renderers: ['excel-tab', 'html-gbk', 'web-copy', 'docx', 'pdf-chromium', 'text-aligned'] },
  { name: 'zero-emdash', family: 'numbers', options: { numbers: { zero: '—' } }, renderers: ['excel-tab', 'html-gbk', 'web-copy', 'docx', 'text-aligned'] },
  { name: 'zero-hyphen', family: 'numbers', options: { numbers: { zero: '-' } }, renderers: ['excel-tab', 'html-gbk', 'web-copy'] },
  { name: 'zero-slash', family: 'numbers', options: { numbers: { zero: '/' } }, renderers: ['excel-tab', 'html-gbk', 'web-copy'] },
  { name: 'zero-blank', family: 'numbers', options: { numbers: { zero: '' } }, renderers: ['excel-tab', 'html-gbk', 'web-copy', 'docx', 'pdf-chromium', 'html-word-export', 'text-aligned'] },
  { name: 'total-first', family: 'numbers', options: { totalFirst: true }, renderers: ['excel-tab', 'html-gbk', 'web-copy', 'docx', 'pdf-chromium', 'text-aligned'] },
];

const PRINTED: Renderer[] = ['pdf-chromium', 'pdf-chromium-thead', 'pdf-chromium-page-numbers'];

export function variantSpecs(): Spec[] {
  const specs: Spec[] = LAYOUTS.map(([name, renderer, options]) => ({ name, family: PRINTED.includes(renderer) ? 'pdf-chromium' : 'layout', renderer, options }));
  for (const style of STYLES) {
    for (const renderer of style.renderers) specs.push({ name: `${style.name}/${renderer}`, family: style.family, renderer, options: style.options });
  }
  return specs;
}

/** Text as Windows Notepad saves "Unicode": UTF-16LE with its byte-order mark, CRLF lines. */
function utf16le(text: string): Uint8Array {
  return new Uint8Array(iconv.encode(text, 'utf16le', { addBOM: true }));
}

/**
 * Every two styles at once (their options merged; two that set the same option, as two zero
 * marks, left out), each in the given layouts: the combinations a publisher's page can hold.
 */
export function pairSpecs(renderers: readonly Renderer[]): Spec[] {
  const specs: Spec[] = [];
  const keys = (style: Style) => Object.entries(style.options).flatMap(([k, v]) => (k === 'numbers' ? Object.keys(v as object).map((n) => `numbers.${n}`) : [k]));
  STYLES.forEach((a, i) => {
    for (const b of STYLES.slice(i + 1)) {
      if (keys(a).some((k) => keys(b).includes(k))) continue;
      const options: Partial<DocOptions> = { ...a.options, ...b.options, numbers: { ...a.options.numbers, ...b.options.numbers } };
      for (const renderer of renderers) specs.push({ name: `${a.name}+${b.name}/${renderer}`, family: 'pairs', renderer, options });
    }
  });
  return specs;
}

export function renderVariants(model: ReportModel, specs: Spec[] = variantSpecs()): { variants: Variant[]; printJobs: PrintJob[] } {
  const variants: Variant[] = [];
  const printJobs: PrintJob[] = [];
  for (const spec of specs) {
    const options: DocOptions = { ...DEFAULT_OPTIONS, ...spec.options };
    const blocks = buildDocument(model, options);
    const truth = variantTruth(model, options.numbers);
    const name = `${model.key}/${spec.name}`;
    const fileName = `${model.key}--${spec.name.replace(/\//g, '--')}.${EXTENSION[spec.renderer]}`;
    const page = (charset: PageOptions['charset'], inScript: boolean, extra: Partial<PageOptions> = {}) =>
      pageHtml(blocks, { title: `${reportTitle(model)}_${model.agency}`, site: model.agency, charset, inScript, ...extra });
    const layout = TEXT_LAYOUT[spec.renderer];
    let bytes: Uint8Array;
    if (layout && spec.renderer === 'web-copy-utf16') bytes = utf16le(renderText(blocks, layout).replace(/\n/g, '\r\n'));
    else if (layout && spec.renderer === 'web-copy-gbk') bytes = new Uint8Array(iconv.encode(renderText(blocks, layout), 'gbk'));
    else if (layout) bytes = new TextEncoder().encode(renderText(blocks, layout));
    else if (spec.renderer === 'html-gbk') bytes = new Uint8Array(iconv.encode(page('gbk', false), 'gbk'));
    else if (spec.renderer === 'html-word-export') bytes = new Uint8Array(iconv.encode(page('gbk', false, { word: true }), 'gbk'));
    else if (spec.renderer === 'html-unmerged-repeat' || spec.renderer === 'html-unmerged-empty') {
      const mode = spec.renderer === 'html-unmerged-repeat' ? 'repeat' : 'empty';
      const flat = blocks.map((b): Block => (b.kind === 'table' ? { ...b, table: unmerge(b.table, mode) } : b));
      bytes = new TextEncoder().encode(pageHtml(flat, { title: `${reportTitle(model)}_${model.agency}`, site: model.agency, charset: 'utf-8', inScript: false }));
    } else if (spec.renderer === 'html-spam') bytes = new Uint8Array(iconv.encode(page('gbk', false, { spam: true }), 'gbk'));
    else if (spec.renderer === 'html-gb2312') bytes = new Uint8Array(iconv.encode(page('gb2312', false), 'gbk'));
    else if (spec.renderer === 'html-gbk-undeclared') bytes = new Uint8Array(iconv.encode(page('none', false), 'gbk'));
    else if (spec.renderer === 'html-br') bytes = new Uint8Array(iconv.encode(page('gbk', false, { breaks: true }), 'gbk'));
    else if (spec.renderer === 'html-layout-table') bytes = new TextEncoder().encode(page('utf-8', false, { layoutTable: true }));
    else if (spec.renderer === 'html-script') bytes = new TextEncoder().encode(page('utf-8', true));
    else if (spec.renderer === 'docx') bytes = renderDocx(blocks);
    else {
      const pageNumbers = spec.renderer === 'pdf-chromium-page-numbers';
      printJobs.push({ name, family: spec.family, fileName, html: page('utf-8', false, { thead: spec.renderer === 'pdf-chromium-thead', largeTables: pageNumbers }), truth, pageNumbers });
      continue;
    }
    variants.push({ name, family: spec.family, fileName, bytes, truth });
  }
  return { variants, printJobs };
}
