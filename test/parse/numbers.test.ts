import { describe, expect, it } from 'vitest';
import { parseCellNumber, parseChineseNumeral, readQuantity } from '../../src/lib/parse/numbers.ts';

describe('readQuantity: prose figures with Chinese units and hedges', () => {
  const cases: [string, number, boolean][] = [
    ['637万多次', 6_370_000, true],
    ['80.37万次', 803_700, false],
    ['213万余人', 2_130_000, true],
    ['约1200万次', 12_000_000, true],
    ['1.2亿', 120_000_000, false],
    ['271余条', 271, true],
    ['5500 余条', 5500, true],
    ['40.9万', 409_000, false],
    ['3,119件', 3119, false],
    ['三次', 3, false],
    ['十二个', 12, false],
    ['一百零五件', 105, false],
    ['近3000人', 3000, true],
    ['1200左右', 1200, true],
  ];
  for (const [text, value, approximate] of cases) {
    it(`${text} → ${value}${approximate ? ' (approximate)' : ''}`, () => {
      const q = readQuantity(text);
      expect(q?.value).toBe(value);
      expect(q?.approximate).toBe(approximate);
    });
  }
  it('is null for text that is not a quantity', () => {
    expect(readQuantity('访问量')).toBeNull();
    expect(readQuantity('')).toBeNull();
  });
});

describe('parseChineseNumeral', () => {
  it.each([
    ['三', 3], ['十', 10], ['十二', 12], ['二十', 20], ['一百二十', 120], ['两千', 2000],
    ['一万二千', 12_000], ['三亿', 300_000_000], ['零', 0],
  ] as const)('%s → %d', (text, value) => expect(parseChineseNumeral(text)).toBe(value));
  it('rejects non-numerals', () => expect(parseChineseNumeral('三安全')).toBeNull());
});

describe('parseCellNumber: table cells', () => {
  it.each([
    ['0', 0], ['161', 161], ['8862.02', 8862.02], ['3,985,758', 3_985_758], ['-3', -3], ['+2', 2], [' 21 ', 21],
  ] as const)('%s → %d', (cell, value) => expect(parseCellNumber(cell)).toBe(value));
  it.each(['1.属于国家秘密', '1.', '-4-', '第二十条', '', '12,34'])('%s is not a number', (cell) =>
    expect(parseCellNumber(cell)).toBeNull());
});
