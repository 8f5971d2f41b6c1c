/**
 * `npm run accuracy`: parse the seeds and the corpus texts and print, per file and in all,
 * the share of hand-read truth cells the parser gets right, and every mismatch.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cellAccuracy, type Truth } from '../src/lib/accuracy.ts';
import { parseReport } from '../src/lib/parse/index.ts';

const sets = [
  { dir: 'data/reports', truthDir: '../shared/seeds/truth', truthOf: (f: string) => f.replace(/\.txt$/, '.json') },
  { dir: '../shared/corpus/text', truthDir: '../shared/corpus/truth', truthOf: (f: string) => f.replace(/\.pdftotext.*$/, '.json') },
];
let cells = 0;
let matched = 0;
for (const set of sets) {
  if (!existsSync(set.dir) || !existsSync(set.truthDir)) {
    console.log(`skipped: ${set.dir} (absent)`);
    continue;
  }
  for (const file of readdirSync(set.dir).filter((f) => f.endsWith('.txt')).sort()) {
    const truthFile = join(set.truthDir, set.truthOf(file));
    if (!existsSync(truthFile)) continue;
    const record = parseReport(readFileSync(join(set.dir, file), 'utf8'), { file: join(set.dir, file), sha256: '', format: 'txt' });
    const acc = cellAccuracy(record, JSON.parse(readFileSync(truthFile, 'utf8')) as Truth);
    cells += acc.cells;
    matched += acc.matched;
    console.log(`${file}: ${acc.matched}/${acc.cells} cells (${((100 * acc.matched) / acc.cells).toFixed(1)}%)`);
    for (const m of acc.mismatches) console.log(`  ${m}`);
  }
}
console.log(`cell_accuracy_pct: ${((100 * matched) / cells).toFixed(2)}`);

// The presentation suite (test/presentations): every seed and corpus report rendered as publishers
// present it (web pages in GBK, printed PDFs, Word tables, pasted rows, …) and read as the build reads.
const { runSuite } = await import('../test/presentations/suite.ts');
const { reportLines } = await import('../test/presentations/runner.ts');
for (const line of reportLines(await runSuite())) console.log(line);
