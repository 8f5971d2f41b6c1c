/**
 * Property tests over the parser, driven by the real reports (data/reports and, when present,
 * ../shared/corpus/text, read here and never copied): each case applies 1–6 mutations (see
 * mutators.ts) and requires that parseReport
 *   - never throws, and returns a record of the contract's shape;
 *   - never outputs a number that is not printed in the text, unless it is a 0 a warning says was
 *     inferred; prose metrics are the figure printed in their source;
 *   - never lists a check as ok that does not hold on its own figures, and never leaves a broken
 *     identity unreported;
 *   - parses any case within MAX_PARSE_MS.
 * Bounded in time (FUZZ_SECONDS, default 20) and prints the number of cases tried.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { parseReport } from '../../src/lib/parse/index.ts';
import type { ReportRecord } from '../../src/lib/schema.ts';
import { applyMutations, mutationArb } from './mutators.ts';
import { checkViolations, inventedNumbers, shapeViolations } from './record-invariants.ts';

const CORPUS = '../shared/corpus/text';
const readTexts = (dir: string) =>
  existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ file: join(dir, f), text: readFileSync(join(dir, f), 'utf8') })) : [];
const REPORTS = [...readTexts('data/reports'), ...readTexts(CORPUS)];
const TEXTS = REPORTS.map((r) => r.text);
const SECONDS = Number(process.env.FUZZ_SECONDS ?? 20);

/** One parse may not take longer than this: hostile text must not stall the build. */
const MAX_PARSE_MS = 5000;

function violations(text: string): string[] {
  let record: ReportRecord;
  const started = performance.now();
  try {
    record = parseReport(text, { file: 'fuzz.txt', sha256: '', format: 'txt' });
  } catch (e) {
    return [`parseReport threw: ${e instanceof Error ? e.stack : String(e)}`];
  }
  const ms = performance.now() - started;
  if (ms > MAX_PARSE_MS) return [`parseReport took ${Math.round(ms)} ms on ${text.length} characters`];
  const shape = shapeViolations(record);
  if (shape.length > 0) return shape;
  return [...inventedNumbers(record, text), ...checkViolations(record)];
}

it('the unmutated reports already satisfy every property', () => {
  expect(REPORTS.length).toBeGreaterThanOrEqual(5);
  for (const r of REPORTS) expect(violations(r.text), r.file).toEqual([]);
});

it(`mutated reports: never a throw, an invented number or a false ok (≤${SECONDS} s)`, () => {
  const property = fc.property(
    fc.nat({ max: REPORTS.length - 1 }),
    fc.array(mutationArb(REPORTS.length), { minLength: 1, maxLength: 6 }),
    (which, mutations) => {
      const text = applyMutations(TEXTS[which]!, mutations, TEXTS);
      const found = violations(text);
      if (found.length > 0) throw new Error(`${REPORTS[which]!.file}: ${found.slice(0, 5).join('\n')}`);
    },
  );
  const details = fc.check(property, {
    numRuns: 1_000_000,
    interruptAfterTimeLimit: SECONDS * 1000,
    markInterruptAsFailure: false,
    seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined,
  });
  console.log(`fast-check cases tried: ${details.numRuns} (seed ${details.seed}, ${REPORTS.length} reports, ${SECONDS} s limit)`);
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance ?? '');
  expect(details.failed, `${fc.defaultReportMessage(details)}\n${cause}`).toBe(false);
  expect(details.numRuns).toBeGreaterThan(200);
}, (SECONDS + 30) * 1000);
