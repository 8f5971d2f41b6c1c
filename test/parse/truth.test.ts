/**
 * Cross-check of the goldens against the figures read by hand in ../shared/seeds/truth (skipped
 * when that folder is absent): every truth cell matches, and every section 三 row the truth does
 * not list as non-zero is zero in the golden.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellAccuracy, type Truth } from '../../src/lib/accuracy.ts';
import { APPLICATION_ROWS, type ReportRecord } from '../../src/lib/schema.ts';

const TRUTH = '../shared/seeds/truth';
const GROUP_ROWS = ['new', 'carried_over', 'granted', 'partly_granted', 'total_processed', 'carried_forward'];

describe.skipIf(!existsSync(TRUTH))('goldens agree with the hand-read seed truth', () => {
  for (const file of existsSync(TRUTH) ? readdirSync(TRUTH).sort() : []) {
    it(file, () => {
      const truth = JSON.parse(readFileSync(join(TRUTH, file), 'utf8')) as Truth & Record<string, unknown>;
      const golden = JSON.parse(readFileSync(join('test/golden', file), 'utf8')) as ReportRecord;
      const acc = cellAccuracy(golden, truth);
      expect(acc.mismatches).toEqual([]);
      expect(acc.cells).toBeGreaterThan(60);

      expect(golden.agency.name).toBe(truth.agency);
      expect(golden.year).toBe(truth.year);
      expect(golden.template).toBe(truth.template);
      expect(golden.published).toBe(truth.published ?? null);
      const listed = new Set([...GROUP_ROWS, ...Object.keys(truth.applications_detail ?? {})]);
      for (const row of APPLICATION_ROWS) {
        if (listed.has(row)) continue;
        if (golden.template === '2019' && (row === 'other_no_correction' || row === 'other_no_fee')) {
          expect(Object.values(golden.applications[row]).every((v) => v === null)).toBe(true);
        } else {
          expect(Object.values(golden.applications[row]), row).toEqual([0, 0, 0, 0, 0, 0, 0]);
        }
      }
      const metrics = (truth.metrics ?? {}) as Record<string, number | null>;
      for (const [key, value] of Object.entries(metrics)) {
        expect(golden.metrics[key as keyof ReportRecord['metrics']] ?? null, key).toBe(value);
      }
    });
  }
});
