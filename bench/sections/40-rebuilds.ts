/**
 * Rebuilds that must cost seconds, over 2,000 reports in mixed formats (a third each .txt, web
 * pages and Word files, plus copies of the corpus PDFs when ../shared/corpus is there):
 * `parser_change_rebuild_s` (a comment added to the parser's code: every text parsed again, no
 * file extracted again, `files_extracted`) and `overrides_change_rebuild_s` (a line added to
 * agencies.csv: nothing parsed again). `npm run bench -- --mixed N` for another count.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { readFactFiles } from '../../src/lib/dataset/fact-columns.ts';
import { generateReports, loadSeeds } from '../generate.ts';

const PARSER_FILE = 'src/lib/parse/index.ts';
const escape = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** A web page of the report, a paragraph a line. */
const toHtml = (text: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${text.split('\n').map((l) => `<p>${escape(l)}</p>`).join('\n')}</body></html>`;

/** A Word file of the report, a paragraph a line (tables stay pipe rows). */
const toDocx = (text: string) =>
  zipSync({
    '[Content_Types].xml': new TextEncoder().encode('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    'word/document.xml': new TextEncoder().encode(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${text.split('\n').map((l) => `<w:p><w:r><w:t xml:space="preserve">${escape(l)}</w:t></w:r></w:p>`).join('')}</w:body></w:document>`),
  });

function build(reports: string, out: string, cache: string, agencies: string): { seconds: number; extracted: number; parsed: number } {
  const started = performance.now();
  const run = spawnSync(process.execPath, ['scripts/run-bundled.mjs', 'scripts/build-data.ts', '--reports', reports, '--out', out, '--cache', cache, '--agencies', agencies], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`build-data failed (${run.status}): ${run.stderr.slice(-2000)}`);
  const m = run.stdout.match(/extracted (\d+) files and parsed (\d+) texts/);
  return { seconds, extracted: Number(m?.[1] ?? NaN), parsed: Number(m?.[2] ?? NaN) };
}

export async function run(args: string[]): Promise<Record<string, number | string>> {
  const i = args.indexOf('--mixed');
  const count = i >= 0 ? Number(args[i + 1]) : 2000;
  const root = mkdtempSync(join(tmpdir(), 'bench-rebuilds-'));
  const reports = join(root, 'reports');
  const agencies = join(root, 'agencies.csv');
  const parser = readFileSync(PARSER_FILE);
  try {
    for (const path of generateReports(loadSeeds('data/reports'), reports, count, 5)) {
      const n = Number(path.match(/(\d+)\.txt$/)?.[1]);
      const text = readFileSync(path, 'utf8');
      if (n % 3 === 1) writeFileSync(path.replace(/\.txt$/, '.html'), toHtml(text));
      if (n % 3 === 2) writeFileSync(path.replace(/\.txt$/, '.docx'), toDocx(text));
      if (n % 3 !== 0) rmSync(path);
    }
    const corpus = '../shared/corpus';
    const pdfs = existsSync(corpus) ? readdirSync(corpus).filter((f) => f.endsWith('.pdf')) : [];
    mkdirSync(join(reports, 'pdf'), { recursive: true });
    // Each copy made distinct by a comment after %%EOF (a PDF reader ignores it).
    for (let k = 0; k < 4; k++) for (const f of pdfs) copyFileSync(join(corpus, f), join(reports, 'pdf', `${k}-${f}`)), appendFileSync(join(reports, 'pdf', `${k}-${f}`), `\n%bench copy ${k}\n`);
    writeFileSync(agencies, 'name,id,county,sector,note\n');
    const out = join(root, 'out');
    const cache = join(root, 'cache');
    const cold = build(reports, out, cache, agencies);
    // The agencies.csv change first: after the parser change and its undoing, the parser's entries of
    // before would have been pruned, and that build would be a second parser change.
    const agency = readFactFiles((file) => readFileSync(join(out, file)))?.columns.agency?.find((name) => name !== null);
    appendFileSync(agencies, `${agency},,,finance,bench\n`);
    const overridesChange = build(reports, out, cache, agencies);
    let parserChange;
    try {
      appendFileSync(PARSER_FILE, `\n// bench: a parser change ${Date.now()}\n`);
      parserChange = build(reports, out, cache, agencies);
    } finally {
      writeFileSync(PARSER_FILE, parser);
    }
    return {
      mixed_reports: count,
      mixed_pdfs: pdfs.length * 4,
      mixed_cold_build_s: Number(cold.seconds.toFixed(2)),
      parser_change_rebuild_s: Number(parserChange.seconds.toFixed(2)),
      files_extracted: parserChange.extracted,
      texts_parsed: parserChange.parsed,
      overrides_change_rebuild_s: Number(overridesChange.seconds.toFixed(2)),
      overrides_change_texts_parsed: overridesChange.parsed,
    };
  } finally {
    if (!readFileSync(PARSER_FILE).equals(parser)) writeFileSync(PARSER_FILE, parser);
    if (!args.includes('--keep')) rmSync(root, { recursive: true, force: true });
  }
}
