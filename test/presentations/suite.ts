/**
 * The presentation suite's I/O: the reviewed records it renders (the seeds' goldens in
 * test/golden/, and the corpus's hand-read truth in ../shared/corpus/truth/ when present, read
 * here and never copied), their variants (PDF ones printed when Chromium is there, and their
 * pdftotext text when poppler-utils is), and the reader that turns a variant's bytes into a
 * record exactly as the build does.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseReport } from '../../src/lib/parse/index.ts';
import { readReportFile } from '../../scripts/lib/read-report-file.ts';
import { modelFromGolden, modelFromTruth, type ReportModel } from './model.ts';
import { chromiumAvailable, printVariants } from './pdf-cache.ts';
import { pdftotextAvailable, pdfTextVariants } from './pdf-text.ts';
import { runVariants, type ReadOutcome, type VariantResult } from './runner.ts';
import { renderVariants, type PrintJob, type Variant } from './variants.ts';

export const GOLDEN_DIR = resolve('test/golden');
export const CORPUS_TRUTH_DIR = resolve('../shared/corpus/truth');

const readJson = (file: string): Record<string, unknown> => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

export function loadModels(): ReportModel[] {
  const models: ReportModel[] = [];
  for (const file of readdirSync(GOLDEN_DIR).filter((f) => f.endsWith('.json')).sort()) {
    models.push(modelFromGolden(`seed-${file.slice(0, 3)}`, readJson(join(GOLDEN_DIR, file))));
  }
  if (existsSync(CORPUS_TRUTH_DIR)) {
    for (const file of readdirSync(CORPUS_TRUTH_DIR).filter((f) => f.endsWith('.json')).sort()) {
      models.push(modelFromTruth(`corpus-${file.replace(/\.json$/, '')}`, readJson(join(CORPUS_TRUTH_DIR, file))));
    }
  }
  return models;
}

/** Bytes → record as the build reads them (scripts/lib/read-record.ts without the agency lookup, which changes no cell). */
export async function readAsBuild(bytes: Uint8Array, fileName: string): Promise<ReadOutcome> {
  const read = await readReportFile(bytes, fileName);
  if (!read.ok) return { record: null, error: `${read.reason}: ${read.detail}`, warnings: [] };
  const record = parseReport(read.text, { file: fileName, sha256: '', format: read.format });
  // The codes of every diagnostic: the reader is told to doubt the record.
  return { record, error: record.error ?? null, warnings: [...read.diagnostics, ...record.diagnostics].map((d) => d.code) };
}

export async function allVariants(options: { printed: boolean } = { printed: chromiumAvailable() }): Promise<Variant[]> {
  const variants: Variant[] = [];
  const printJobs: PrintJob[] = [];
  for (const model of loadModels()) {
    const rendered = renderVariants(model);
    variants.push(...rendered.variants);
    printJobs.push(...rendered.printJobs);
  }
  if (options.printed) {
    const printed = await printVariants(printJobs);
    variants.push(...printed);
    if (pdftotextAvailable()) variants.push(...pdfTextVariants(printed));
  }
  return variants;
}

export async function runSuite(options?: { printed: boolean }): Promise<VariantResult[]> {
  return runVariants(await allVariants(options), readAsBuild);
}
