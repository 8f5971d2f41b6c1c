/**
 * Figures written in Chinese numerals (SPEC §2: counts may be written `三次`): every integer
 * below 10^12 written as reports write it reads back to itself, in the parser and in the
 * independent reader the fuzz invariants use; and a prose figure in numerals reaches the record.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChineseNumeral } from '../../src/lib/parse/numbers.ts';
import { parseReport } from '../../src/lib/parse/index.ts';
import { toChinese } from './mutators.ts';
import { chineseNumeral } from './record-invariants.ts';

describe('Chinese numerals', () => {
  it('read back every integer as printed (一亿二千万, 一千零五, 六百三十七万 …)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 999_999_999_999 })), (n) => {
        const printed = toChinese(n);
        expect(parseChineseNumeral(printed), printed).toBe(n);
        expect(chineseNumeral(printed), printed).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it.each<[string, number, string]>([
    ['一亿二千万', 120_000_000, 'trust suite: was 1,000,020,000,000 (万 multiplied the 亿 before it)'],
    ['三亿零五万', 300_050_000, 'trust suite: was 3,000,050,000'],
    ['二〇二三', 2023, 'trust suite: digits without units were 3 (each digit overwrote the last)'],
    ['六百三十七万', 6_370_000, ''],
  ])('%s → %d %s', (text, value) => expect(parseChineseNumeral(text)).toBe(value));

  it('a prose figure in numerals reaches the record', () => {
    const text = ['某某市人民政府2023年政府信息公开工作年度报告', '一、总体情况', '门户网站全年总访问量一亿二千万次。', '三、收到和处理政府信息公开申请情况', ''].join('\n');
    const record = parseReport(text, { file: 'x.txt', sha256: '', format: 'txt' });
    expect(record.metrics.website_visits).toBe(120_000_000);
    expect(record.metric_sources.website_visits?.raw).toBe('一亿二千万次');
  });
});
