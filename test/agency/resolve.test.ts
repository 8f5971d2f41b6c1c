import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveAgency } from '../../src/lib/agency/index.ts';

const seed = (file: string) => readFileSync(new URL(`../../data/reports/${file}`, import.meta.url), 'utf8');

type Expected = Partial<Record<'province' | 'city' | 'county' | 'township' | 'division_code' | 'level' | 'kind' | 'sector', string | null>>;

interface Case {
  description: string;
  name: string;
  text: string;
  expected: Expected;
  /** True when the region must stay unsettled with a warning. */
  unsettled?: boolean;
}

const cases: Case[] = [
  // The five seeds in data/reports/, with their own text.
  { description: 'seed 000: prefecture-level housing fund', name: '东莞市住房公积金管理中心', text: seed('000_fea7b730deba7205.txt'),
    expected: { province: '广东省', city: '东莞市', county: null, township: null, division_code: '441900', level: 'prefecture', kind: 'department', sector: 'housing' } },
  { description: 'seed 001: a municipality\'s own agency is province level', name: '北京住房公积金管理中心', text: seed('001_728a91f025a299f0.txt'),
    expected: { province: '北京市', city: null, county: null, division_code: '110000', level: 'province', kind: 'department', sector: 'housing' } },
  { description: 'seed 002: 中山市 has no counties; its county-level entry is the city itself', name: '中山市住房公积金管理中心', text: seed('002_55e9e64a1d176d60.txt'),
    expected: { province: '广东省', city: '中山市', county: null, division_code: '442000', level: 'prefecture', sector: 'housing' } },
  { description: 'seed 003', name: '衡阳市住房保障服务中心', text: seed('003_d3db7aba37f28c73.txt'),
    expected: { province: '湖南省', city: '衡阳市', division_code: '430400', level: 'prefecture', kind: 'department', sector: 'housing' } },
  { description: 'seed 004: a town government under 东莞市 (no county between)', name: '厚街镇人民政府', text: seed('004_d14223c41a91255a.txt'),
    expected: { province: '广东省', city: '东莞市', county: null, township: '厚街镇', division_code: '441900122', level: 'township', kind: 'government', sector: 'general_government' } },
  // Prefecture and county governments.
  { description: 'prefecture government', name: '淮安市人民政府', text: '',
    expected: { province: '江苏省', city: '淮安市', county: null, division_code: '320800', level: 'prefecture', kind: 'government', sector: 'general_government' } },
  { description: 'county under its city in the name', name: '淮安市洪泽区人民政府', text: '',
    expected: { province: '江苏省', city: '淮安市', county: '洪泽区', division_code: '320813', level: 'county', kind: 'government' } },
  { description: 'county named alone, the text names its city', name: '洪泽区人民政府', text: '淮安市洪泽区2023年政府信息公开工作年度报告',
    expected: { province: '江苏省', city: '淮安市', county: '洪泽区', level: 'county', kind: 'government' } },
  // The four municipalities.
  { description: 'Beijing district', name: '北京市朝阳区人民政府', text: '',
    expected: { province: '北京市', city: null, county: '朝阳区', division_code: '110105', level: 'county', kind: 'government' } },
  { description: 'Tianjin municipal bureau', name: '天津市公安局', text: '',
    expected: { province: '天津市', city: null, county: null, division_code: '120000', level: 'province', sector: 'public_security' } },
  { description: 'Shanghai district department', name: '上海市浦东新区教育局', text: '',
    expected: { province: '上海市', county: '浦东新区', division_code: '310115', level: 'county', kind: 'department', sector: 'education' } },
  { description: 'Chongqing county (under the 县 placeholder)', name: '重庆市巫山县人民政府', text: '',
    expected: { province: '重庆市', city: null, county: '巫山县', level: 'county', kind: 'government' } },
  // 省直辖县级行政区划: no prefecture city, never the placeholder name.
  { description: '河南 济源市 (省直辖县级行政区划)', name: '济源市人民政府', text: '',
    expected: { province: '河南省', city: null, county: '济源市', division_code: '419001', level: 'county', kind: 'government' } },
  { description: '湖北 仙桃市 department', name: '仙桃市自然资源和规划局', text: '',
    expected: { province: '湖北省', city: null, county: '仙桃市', division_code: '429004', level: 'county', kind: 'department', sector: 'natural_resources' } },
  // Names shared by several places.
  { description: '朝阳区 exists in Beijing and Changchun; the text names 长春市', name: '朝阳区人民政府', text: '长春市朝阳区人民政府办公室',
    expected: { province: '吉林省', city: '长春市', county: '朝阳区', level: 'county' } },
  { description: '朝阳区 with nothing to settle it keeps only the level', name: '朝阳区人民政府', text: '本报告由本机关编制。', unsettled: true,
    expected: { province: null, city: null, county: null, township: null, division_code: null, level: 'county', kind: 'government' } },
  { description: '城关镇 (88 places) with no place in the text', name: '城关镇人民政府', text: '本年度共收到申请3件。', unsettled: true,
    expected: { province: null, township: null, division_code: null, level: 'township', kind: 'government' } },
  { description: '城关镇 settled by the county the text names', name: '城关镇人民政府', text: '根据武山县人民政府办公室通知',
    expected: { province: '甘肃省', city: '天水市', county: '武山县', township: '城关镇', level: 'township' } },
  { description: '新华街道 (28 places) settled by page chrome naming the city', name: '新华街道办事处', text: '中国韶关政府门户网站',
    expected: { province: '广东省', city: '韶关市', county: '武江区', township: '新华街道', level: 'township', kind: 'government', sector: 'general_government' } },
  // Central bodies.
  { description: 'central ministry', name: '中华人民共和国教育部', text: '', expected: { province: null, level: 'central', sector: 'education' } },
  { description: 'central administration', name: '国家税务总局', text: '', expected: { province: null, level: 'central', sector: 'taxation' } },
];

describe('resolveAgency', () => {
  for (const c of cases) {
    it(c.description, () => {
      const { agency, diagnostics } = resolveAgency(c.name, c.text);
      expect(agency.name).toBe(c.name);
      for (const [field, value] of Object.entries(c.expected)) {
        expect(agency[field as keyof typeof agency], field).toBe(value);
      }
      if (c.unsettled) expect(diagnostics.map((d) => d.code)).toEqual(['agency_region_unsettled']);
      else expect(diagnostics).toEqual([]);
    });
  }

  it('says so when there is no name, and when a name opens with no known division', () => {
    expect(resolveAgency(null, 'x').diagnostics).toEqual([{ code: 'agency_unresolved_no_name', section: 'agency', values: {} }]);
    const { agency, diagnostics } = resolveAgency('公积金中心', '');
    expect(agency.level).toBeNull();
    expect(diagnostics).toEqual([{ code: 'agency_region_not_found', section: 'agency', values: { name: '公积金中心' } }]);
  });

  it('resolves from the canonical name when the parser gives one, and keeps the name as printed', () => {
    const { agency, diagnostics } = resolveAgency('市科委', '', '北京市科学技术委员会');
    expect(agency.name).toBe('市科委');
    expect(agency.canonical_name).toBe('北京市科学技术委员会');
    expect([agency.province, agency.level, agency.kind, agency.sector]).toEqual(['北京市', 'province', 'department', 'science_technology']);
    expect(diagnostics).toEqual([]);
  });

  it('a whole place report: its canonical government is a government', () => {
    const { agency } = resolveAgency('淮安市', '', '淮安市人民政府');
    expect([agency.city, agency.level, agency.kind, agency.sector]).toEqual(['淮安市', 'prefecture', 'government', 'general_government']);
  });
});
