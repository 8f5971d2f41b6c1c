/**
 * Report model → its presentation variants, each `{name, family, fileName, bytes, truth}`: the
 * bytes a publisher could have put out and the cells a reader of them must get. Pure: a variant
 * that needs a browser (printed to PDF) comes back as a print job, its page as HTML, for the
 * caller to print (pdf-cache.ts).
 */
import iconv from 'iconv-lite';
import { APPLICANT_COLUMNS, CASE_OUTCOMES, type CaseCells } from '../../src/lib/schema.ts';
import { buildDocument, DEFAULT_OPTIONS, reportTitle, type DocOptions } from './document.ts';
import { CASE_GROUPS, templateRows, type ReportModel } from './model.ts';
import type { NumberStyle } from './numbers.ts';
import { renderDocx } from './render-docx.ts';
import { pageHtml } from './render-html.ts';
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

type Renderer = 'web-copy' | 'web-copy-gbk' | 'excel-tab' | 'pdf-markdown' | 'pdf-markdown-br' | 'html-gbk' | 'html-script' | 'docx' | 'pdf-chromium';

interface Spec {
  name: string;
  family: string;
  renderer: Renderer;
  options: Partial<DocOptions>;
  /** HTML only: what <title> says (default: the report title). */
  titleTag?: string;
}

const TEXT_LAYOUT: Partial<Record<Renderer, TextLayout>> = {
  'web-copy': 'cells',
  'web-copy-gbk': 'cells',
  'excel-tab': 'tab',
  'pdf-markdown': 'markdown',
  'pdf-markdown-br': 'markdown-br',
};
const EXTENSION: Record<Renderer, string> = {
  'web-copy': 'txt',
  'web-copy-gbk': 'txt',
  'pdf-markdown-br': 'md.txt',
  'excel-tab': 'txt',
  'pdf-markdown': 'md.txt',
  'html-gbk': 'html',
  'html-script': 'html',
  docx: 'docx',
  'pdf-chromium': 'pdf',
};

const NUMBER_STYLES: [string, NumberStyle | null, Partial<DocOptions>][] = [
  ['fullwidth-digits', { fullWidth: true }, {}],
  ['thousands', { thousands: true }, {}],
  ['zero-emdash', { zero: '—' }, {}],
  ['zero-hyphen', { zero: '-' }, {}],
  ['zero-slash', { zero: '/' }, {}],
  ['zero-blank', { zero: '' }, {}],
  ['total-first', null, { totalFirst: true }],
];

const SECTION_STYLES: [string, Partial<DocOptions>][] = [
  ['sections-renumbered', { headings: 'renumbered' }],
  ['sections-part', { headings: 'part' }],
  ['captions', { captions: true }],
  ['appendix', { appendix: true }],
  ['header-corner', { header: 'corner' }],
];

export function variantSpecs(): Spec[] {
  const specs: Spec[] = [
    { name: 'web-copy', family: 'layout', renderer: 'web-copy', options: {} },
    { name: 'web-copy-restated', family: 'layout', renderer: 'web-copy', options: { proseRestates: true } },
    { name: 'excel-tab', family: 'layout', renderer: 'excel-tab', options: {} },
    { name: 'web-copy-gbk', family: 'layout', renderer: 'web-copy-gbk', options: {} },
    { name: 'pdf-markdown', family: 'layout', renderer: 'pdf-markdown', options: {} },
    { name: 'pdf-markdown-br', family: 'layout', renderer: 'pdf-markdown-br', options: {} },
    { name: 'html-gbk-portal', family: 'layout', renderer: 'html-gbk', options: {} },
    { name: 'html-script-string', family: 'layout', renderer: 'html-script', options: {} },
    { name: 'docx-tables', family: 'layout', renderer: 'docx', options: {} },
    { name: 'pdf-chromium', family: 'pdf-chromium', renderer: 'pdf-chromium', options: {} },
    { name: 'title-wrapped', family: 'title', renderer: 'html-gbk', options: { title: 'wrapped' } },
    { name: 'title-spaced', family: 'title', renderer: 'web-copy', options: { title: 'spaced' } },
    { name: 'title-tag-only', family: 'title', renderer: 'html-gbk', options: { title: 'none', proseNamesAgency: false, signature: false } },
    {
      name: 'title-signature-only',
      family: 'title',
      renderer: 'web-copy',
      options: { title: 'none', proseNamesAgency: false, dateLine: false },
    },
  ];
  for (const [name, options] of SECTION_STYLES) {
    specs.push({ name: `${name}/web-copy`, family: 'sections', renderer: 'web-copy', options });
    specs.push({ name: `${name}/html-gbk`, family: 'sections', renderer: 'html-gbk', options });
  }
  for (const [name, numbers, options] of NUMBER_STYLES) {
    const merged = numbers ? { ...options, numbers } : options;
    specs.push({ name: `${name}/excel-tab`, family: 'numbers', renderer: 'excel-tab', options: merged });
    specs.push({ name: `${name}/html-gbk`, family: 'numbers', renderer: 'html-gbk', options: merged });
    specs.push({ name: `${name}/web-copy`, family: 'numbers', renderer: 'web-copy', options: merged });
  }
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
    const page = (charset: 'gbk' | 'utf-8', inScript: boolean) =>
      pageHtml(blocks, { title: `${reportTitle(model)}_${model.agency}`, site: model.agency, charset, inScript });
    const layout = TEXT_LAYOUT[spec.renderer];
    let bytes: Uint8Array;
    if (layout && spec.renderer === 'web-copy-gbk') bytes = new Uint8Array(iconv.encode(renderText(blocks, layout), 'gbk'));
    else if (layout) bytes = new TextEncoder().encode(renderText(blocks, layout));
    else if (spec.renderer === 'html-gbk') bytes = new Uint8Array(iconv.encode(page('gbk', false), 'gbk'));
    else if (spec.renderer === 'html-script') bytes = new TextEncoder().encode(page('utf-8', true));
    else if (spec.renderer === 'docx') bytes = renderDocx(blocks);
    else {
      printJobs.push({ name, family: spec.family, fileName, html: page('utf-8', false), truth });
      continue;
    }
    variants.push({ name, family: spec.family, fileName, bytes, truth });
  }
  return { variants, printJobs };
}
