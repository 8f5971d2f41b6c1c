/**
 * The real published PDFs in ../shared/corpus (never copied into the repo): extracted text must
 * carry section 三's rows with the hand-read numbers in order, and section 四's row of 15; and
 * the report parser, reading that text, must reach the truth's cells. Skips when absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellAccuracy, type Truth } from '../../src/lib/accuracy.ts';
import { extractText, type Extracted } from '../../src/lib/extract/index.ts';
import { parseReport } from '../../src/lib/parse/index.ts';
import { APPLICANT_COLUMNS, CASE_OUTCOMES } from '../../src/lib/schema.ts';

const CORPUS = '../shared/corpus';
const pdfs = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.pdf')).sort() : [];

/** A piece of each section 三 row label the truth gives whole rows for, in table order. */
const ROW_LABELS: Array<[string, string]> = [
  ['new', '本年新收政府信息公开申请数量'],
  ['carried_over', '上年结转政府信息公开申请数量'],
  ['granted', '予以公开'],
  ['partly_granted', '部分公开'],
  ['total_processed', '总计'],
  ['carried_forward', '结转下年度继续办理'],
];

type Cells = Record<string, number | null>;

const numbersOf = (line: string): number[] => line.split('|').map((cell) => cell.trim()).filter((cell) => /^\d+(\.\d+)?$/.test(cell)).map(Number);

const extracted = new Map<string, Promise<Extracted>>();
function extract(file: string): Promise<Extracted> {
  if (!extracted.has(file)) extracted.set(file, extractText(new Uint8Array(readFileSync(join(CORPUS, file))), file));
  return extracted.get(file)!;
}
const truthOf = (file: string): Truth => JSON.parse(readFileSync(join(CORPUS, 'truth', file.replace(/\.pdf$/, '.json')), 'utf8')) as Truth;

describe.skipIf(pdfs.length === 0)('corpus PDFs', () => {
  for (const file of pdfs) {
    it(`${file}: section 三 rows carry the hand-read numbers, in table order`, async () => {
      const result = await extract(file);
      expect(result.error).toBeNull();
      const lines = result.text.split('\n');
      const start = lines.findIndex((line) => line.startsWith('三、收到和处理政府信息公开申请情况'));
      expect(start).toBeGreaterThan(0);
      let previous = start;
      for (const [key, label] of ROW_LABELS) {
        const expected = truthOf(file).applications[key] as Cells;
        const index = lines.findIndex((line, i) => i > previous && line.includes(label) && numbersOf(line).length > 0);
        expect(index, `${key} row after line ${previous}`).toBeGreaterThan(previous);
        expect(numbersOf(lines[index]!), `${key}: ${lines[index]}`).toEqual(APPLICANT_COLUMNS.map((c) => expected[c]));
        previous = index;
      }
    });

    it(`${file}: section 四 is one row of 15 numbers`, async () => {
      const truth = truthOf(file);
      const expected = (['review', 'litigation_direct', 'litigation_after_review'] as const).flatMap((group) => CASE_OUTCOMES.map((k) => (truth[group] as Cells)[k]));
      const lines = (await extract(file)).text.split('\n');
      const section = lines.slice(lines.findIndex((line) => line.startsWith('四、政府信息公开行政复议')));
      expect(section.map(numbersOf)).toContainEqual(expected);
    });
  }

  it('the report parser reaches ≥99% of the truth cells from the extracted text', async () => {
    let cells = 0;
    let matched = 0;
    for (const file of pdfs) {
      const result = await extract(file);
      const record = parseReport(result.text, { file: `data/reports/${file}`, sha256: '', format: result.format });
      const accuracy = cellAccuracy(record, truthOf(file));
      cells += accuracy.cells;
      matched += accuracy.matched;
      console.log(`${file}: ${accuracy.matched}/${accuracy.cells} cells${accuracy.mismatches.map((m) => `\n  ${m}`).join('')}`);
    }
    console.log(`pdf_cell_accuracy_pct: ${((100 * matched) / cells).toFixed(2)}`);
    expect(matched / cells).toBeGreaterThanOrEqual(0.99);
  });
});
