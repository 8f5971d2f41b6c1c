import { describe, expect, it } from 'vitest';
import { SECTORS, inferSector } from '../../src/lib/agency/sectors.ts';

describe('sectors', () => {
  it('is a fixed list of unique keys, each with Chinese and English labels, ending in other', () => {
    const keys = SECTORS.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const s of SECTORS) {
      expect(s.zh, s.key).toMatch(/[\u4e00-\u9fff]/);
      expect(s.en, s.key).not.toBe('');
    }
    expect(keys[keys.length - 1]).toBe('other');
  });

  const cases: [string, string][] = [
    ['人民政府', 'general_government'],
    ['人民政府办公室', 'general_government'],
    ['街道办事处', 'general_government'],
    ['住房公积金管理中心', 'housing'],
    ['住房和城乡建设局', 'housing'],
    ['住房保障服务中心', 'housing'],
    ['公安局', 'public_security'],
    ['教育局', 'education'],
    ['卫生健康委员会', 'health'],
    ['医疗保障局', 'medical_insurance'],
    ['人力资源和社会保障局', 'human_resources'],
    ['自然资源和规划局', 'natural_resources'],
    ['市场监督管理局', 'market_regulation'],
    ['退役军人事务局', 'veterans'],
    ['档案馆', 'other'],
  ];
  for (const [body, sector] of cases) it(`${body} → ${sector}`, () => expect(inferSector(body)).toBe(sector));
});
