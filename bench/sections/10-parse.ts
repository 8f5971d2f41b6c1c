/**
 * Parser throughput on one core (this thread): the seeds (data/reports/*.txt) and, when present,
 * the corpus texts (../shared/corpus/text/*.txt), parsed over and over for at least 2 seconds
 * after one warm-up pass. Prints `parse_reports_per_s`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseReport } from '../../src/lib/parse/index.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));

function texts(dir: string): { file: string; text: string }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ file: join(dir, f), text: readFileSync(join(dir, f), 'utf8') }));
}

export async function run(): Promise<Record<string, number | string>> {
  const inputs = [...texts(join(repo, 'data', 'reports')), ...texts(join(repo, '..', 'shared', 'corpus', 'text'))];
  if (inputs.length === 0) return { parse_reports_per_s: 'skipped (no texts)' };
  const parseAll = () => {
    for (const { file, text } of inputs) parseReport(text, { file, sha256: '', format: 'txt' });
  };
  parseAll();
  let parsed = 0;
  const start = performance.now();
  while (performance.now() - start < 2000) {
    parseAll();
    parsed += inputs.length;
  }
  const seconds = (performance.now() - start) / 1000;
  return { parse_reports_per_s: Math.round(parsed / seconds), parse_texts: inputs.length };
}
