/**
 * Who and when (metadata.ts, title.ts, canonical.ts): every place a report names its agency and
 * year, one hand-written case each. Inputs are snippets in the shape of real reports; the body
 * after the title is a stand-in.
 */
import { describe, expect, it } from 'vitest';
import { ABBREVIATIONS } from '../../src/lib/parse/abbreviations.ts';
import { canonicalName } from '../../src/lib/parse/canonical.ts';
import { readMetadata } from '../../src/lib/parse/metadata.ts';

const BODY = '一、总体情况\n2023年，本机关认真贯彻落实《条例》。\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n';

function read(text: string) {
  const lines = text.split('\n');
  const first = lines.findIndex((l) => l.trim().startsWith('一、'));
  return readMetadata(lines, text, Math.max(first === -1 ? lines.length : first, 12));
}

interface Case {
  description: string;
  input: string;
  expected: {
    agency: string | null;
    canonical?: string | null;
    year: number | null;
    published?: string | null;
    /** Each must match one diagnostic's code; with no `warnings`, there must be none. */
    warnings?: RegExp[];
  };
}

const cases: Case[] = [
  {
    description: 'the name only in a signature without a date (the last line)',
    input: `2023年政府信息公开工作年度报告\n${BODY}\n\n淮安市财政局\n`,
    expected: { agency: '淮安市财政局', year: 2023, warnings: [/^agency_name_from_signature$/] },
  },
  {
    description: 'the year in Chinese numerals (二〇二三年)',
    input: `淮安市财政局二〇二三年政府信息公开工作年度报告\n${BODY}`,
    expected: { agency: '淮安市财政局', year: 2023 },
  },
  // Wrapped titles.
  {
    description: 'title wrapped over three lines',
    input: `淮安市人民政府办公室\n2024年政府信息公开\n工作年度报告\n${BODY}`,
    expected: { agency: '淮安市人民政府办公室', year: 2024 },
  },
  {
    description: 'title wrapped over two lines with blank lines between and markdown',
    input: `# 淮安市财政局\n\n\n**2024年政府信息公开工作年度报告**\n\n${BODY}`,
    expected: { agency: '淮安市财政局', year: 2024 },
  },
  {
    description: 'title laid out by pdftotext -layout: indented, spaces inside the year',
    input: `            淮安市人民政府\n     2024 年政府信息公开工作年度报告\n\n${BODY}`,
    expected: { agency: '淮安市人民政府', year: 2024 },
  },
  {
    description: 'spaces between every character of the year and inside the name',
    input: `淮安市 洪泽区 财政局 2 0 2 4 年政府信息公开工作年度报告\n${BODY}`,
    expected: { agency: '淮安市洪泽区财政局', year: 2024 },
  },
  {
    description: '2023年度 opening a year-only title: 度政府 is not read as a name; the name is on the line above',
    input: `衡阳市住房保障服务中心\n2023年度政府信息公开工作年度报告\n${BODY}`,
    expected: { agency: '衡阳市住房保障服务中心', year: 2023 },
  },
  {
    description: 'a heading that holds 公开 but is no title is not read as one',
    input: `政府信息公开\n年度报告\n淮安市财政局2023年政府信息公开工作年度报告\n${BODY}`,
    expected: { agency: '淮安市财政局', year: 2023 },
  },
  {
    description: 'a name is kept as printed, odd characters and all (a leading - is no chrome separator)',
    input: `-3+4局 2020 年 政府信息公开工作年度报告\n${BODY}`,
    expected: { agency: '-3+4局', year: 2020 },
  },
  // A whole place's report.
  {
    description: 'a whole city: the name as printed kept, the canonical name its government',
    input: `淮安市2025年政府信息公开工作年度报告\n${BODY}`,
    expected: { agency: '淮安市', canonical: '淮安市人民政府', year: 2025 },
  },
  {
    description: 'a whole district',
    input: `洪泽区2023年政府信息公开工作年度报告\n${BODY}`,
    expected: { agency: '洪泽区', canonical: '洪泽区人民政府', year: 2023 },
  },
  {
    description: 'a whole banner (旗)',
    input: `土默特左旗2023年政府信息公开工作年度报告\n${BODY}`,
    expected: { agency: '土默特左旗', canonical: '土默特左旗人民政府', year: 2023 },
  },
  {
    description: 'a town (镇)',
    input: `厚街镇2023年政府信息公开工作年度报告\n${BODY}`,
    expected: { agency: '厚街镇', canonical: '厚街镇人民政府', year: 2023 },
  },
  {
    description: 'a township (乡)',
    input: `城关乡2023年政府信息公开工作年度报告\n${BODY}`,
    expected: { agency: '城关乡', canonical: '城关乡人民政府', year: 2023 },
  },
  {
    description: 'a street (街道): its office',
    input: `新华街道2023年政府信息公开工作年度报告\n${BODY}`,
    expected: { agency: '新华街道', canonical: '新华街道办事处', year: 2023 },
  },
  {
    description: 'a development zone is no division: not completed',
    input: `淮安经济技术开发区2023年政府信息公开工作年度报告\n${BODY}`,
    expected: { agency: '淮安经济技术开发区', canonical: '淮安经济技术开发区', year: 2023 },
  },
  // Body endings.
  {
    description: 'customs (海关)',
    input: `南京海关2023年政府信息公开工作年度报告\n${BODY}`,
    expected: { agency: '南京海关', canonical: '南京海关', year: 2023 },
  },
  {
    description: 'a 管理局',
    input: `淮安市医疗保障局2023年政府信息公开工作年度报告\n${BODY}`,
    expected: { agency: '淮安市医疗保障局', year: 2023 },
  },
  {
    description: 'a 委员会',
    input: `2023年北京市发展和改革委员会政府信息公开工作年度报告\n${BODY}`,
    expected: { agency: '北京市发展和改革委员会', year: 2023 },
  },
  {
    description: 'a company group (集团) is no agency',
    input: `淮安交通控股集团2023年政府信息公开工作年度报告\n${BODY}`,
    expected: { agency: null, year: 2023, warnings: [/^agency_name_not_found$/, /^year_from_(period|prose)$/] },
  },
  // Title endings.
  {
    description: 'ends 年报',
    input: `淮安市财政局2023年政府信息公开年报\n${BODY}`,
    expected: { agency: '淮安市财政局', year: 2023 },
  },
  {
    description: 'ends 政务公开工作年度报告',
    input: `淮安市财政局2023年政务公开工作年度报告\n${BODY}`,
    expected: { agency: '淮安市财政局', year: 2023 },
  },
  {
    description: 'ends 信息公开年度报告',
    input: `淮安市财政局2023年信息公开年度报告\n${BODY}`,
    expected: { agency: '淮安市财政局', year: 2023 },
  },
  {
    description: 'the year in brackets after 年度报告',
    input: `淮安市财政局政府信息公开工作年度报告（2023年）\n${BODY}`,
    expected: { agency: '淮安市财政局', year: 2023 },
  },
  {
    description: '关于…的报告',
    input: `关于淮安市财政局2023年政府信息公开工作情况的报告\n${BODY}`,
    expected: { agency: '淮安市财政局', year: 2023 },
  },
  {
    description: 'the year after the name, as 年度',
    input: `淮安市财政局2023年度政府信息公开工作年度报告\n${BODY}`,
    expected: { agency: '淮安市财政局', year: 2023 },
  },
  // The name elsewhere than the body's title.
  {
    description: 'the name only in the page title, behind site chrome (_…门户网站)',
    input: `淮安市财政局2023年政府信息公开工作年度报告_淮安市人民政府门户网站\n首页 > 政府信息公开\n2023年政府信息公开工作年度报告\n${BODY}`,
    expected: { agency: '淮安市财政局', year: 2023 },
  },
  {
    description: 'the page title with a section after a dash (-政府信息公开年报)',
    input: `淮安市财政局2023年政府信息公开工作年度报告-政府信息公开年报\n${BODY}`,
    expected: { agency: '淮安市财政局', year: 2023 },
  },
  {
    description: 'a portal name in the chrome is not the agency: the signature names it',
    input: `2023年政府信息公开工作年度报告_淮安市人民政府\n${BODY}六、其他需要报告的事项\n无。\n\n淮安市财政局\n2024年1月20日\n`,
    expected: {
      agency: '淮安市财政局',
      year: 2023,
      published: '2024-01-20',
      warnings: [/^agency_name_from_signature$/],
    },
  },
  {
    description: 'the name only in the closing signature; its date is the published date',
    input: `2023年政府信息公开工作年度报告\n${BODY}六、其他需要报告的事项\n无。\n\n  淮安市洪泽区财政局\n  2024 年 1 月 20 日\n`,
    expected: {
      agency: '淮安市洪泽区财政局',
      year: 2023,
      published: '2024-01-20',
      warnings: [/^agency_name_from_signature$/],
    },
  },
  {
    description: 'the name only as a short form in the prose, its place from the prose (市科委 → 北京市…)',
    input: `2023年政府信息公开工作年度报告\n一、总体情况\n2023年，市科委认真贯彻北京市政务公开工作部署。市科委主动公开信息120条。\n`,
    expected: {
      agency: '市科委',
      canonical: '北京市科学技术委员会',
      year: 2023,
      warnings: [/^agency_name_from_prose$/, /^agency_place_from_text$/],
    },
  },
  {
    description: 'a district short form (区发改局), the district the prose names',
    input: `2023年政府信息公开工作年度报告\n一、总体情况\n本报告由区发改局编制。2023年，区发改局在洪泽区委区政府领导下，推进洪泽区政务公开。\n`,
    expected: {
      agency: '区发改局',
      canonical: '洪泽区发展和改革局',
      year: 2023,
      warnings: [/^agency_name_from_prose$/, /^agency_place_from_text$/],
    },
  },
  {
    description: 'a county short form (县住建局) with no county named: not completed, said so',
    input: `2023年政府信息公开工作年度报告\n一、总体情况\n2023年，县住建局认真贯彻落实《条例》。\n`,
    expected: {
      agency: '县住建局',
      canonical: '县住房和城乡建设局',
      year: 2023,
      warnings: [/^agency_name_from_prose$/, /^agency_place_not_found$/],
    },
  },
  {
    description: 'the compiler named in the opening sentence (本报告由…编制)',
    input: `2023年政府信息公开工作年度报告\n一、总体情况\n本报告由淮安市财政局根据《条例》编制。\n`,
    expected: { agency: '淮安市财政局', year: 2023, warnings: [/^agency_name_from_prose$/] },
  },
  // Canonical names.
  {
    description: 'a short form in the title is expanded, no diagnostic (the place is printed)',
    input: `北京市科委2023年政府信息公开工作年度报告\n${BODY}`,
    expected: { agency: '北京市科委', canonical: '北京市科学技术委员会', year: 2023 },
  },
  {
    description: '文化广电和旅游局 is a real name: not turned into 文化和旅游局',
    input: `淮安市文化广电和旅游局2023年政府信息公开工作年度报告\n${BODY}`,
    expected: { agency: '淮安市文化广电和旅游局', canonical: '淮安市文化广电和旅游局', year: 2023 },
  },
  {
    description: 'a place misread by one character (OCR 沐阳县) matched to the one real division, with a diagnostic',
    input: `沐阳县2023年政府信息公开工作年度报告\n一、总体情况\n2023年，沭阳县人民政府办公室推进政务公开。\n`,
    expected: { agency: '沐阳县', canonical: '沭阳县人民政府', year: 2023, warnings: [/^agency_place_misread$/] },
  },
  {
    description: 'a misread place near two divisions the text supports equally (沭阳县, 泗阳县: both in 宿迁市) is left as printed',
    input: `沐阳县2023年政府信息公开工作年度报告\n一、总体情况\n2023年，县政府在宿迁市委市政府领导下推进政务公开。\n`,
    expected: { agency: '沐阳县', canonical: '沐阳县人民政府', year: 2023 },
  },
  {
    description: 'a misread place the text supports no reading of is left as printed',
    input: `沐阳县2023年政府信息公开工作年度报告\n${BODY}`,
    expected: { agency: '沐阳县', canonical: '沐阳县人民政府', year: 2023 },
  },
  // The year elsewhere than the title.
  {
    description: 'the year from the statistics period when the title gives none',
    input: `淮安市财政局政府信息公开工作年度报告\n一、总体情况\n本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。\n`,
    expected: { agency: '淮安市财政局', year: 2023, warnings: [/^year_from_period$/] },
  },
  {
    description: 'the statistics period with spaces inside',
    input: `淮安市财政局政府信息公开工作年度报告\n一、总体情况\n报告所列统计期限自 2024 年 1 月 1 日至 2024 年 12 月 31 日。\n`,
    expected: { agency: '淮安市财政局', year: 2024, warnings: [/^year_from_period$/] },
  },
  {
    description: 'the year the prose names most when there is neither title year nor period',
    input: `淮安市财政局政府信息公开工作年度报告\n一、总体情况\n2023年，我局认真贯彻落实。2023年共收到申请5件，2022年结转1件。\n`,
    expected: { agency: '淮安市财政局', year: 2023, warnings: [/^year_from_prose$/] },
  },
];

describe('readMetadata: who and when, from every place a report says it', () => {
  for (const c of cases) {
    it(c.description, () => {
      const meta = read(c.input);
      expect(meta.agency).toBe(c.expected.agency);
      expect(meta.canonical).toBe(c.expected.canonical === undefined ? c.expected.agency : c.expected.canonical);
      expect(meta.year).toBe(c.expected.year);
      if (c.expected.published !== undefined) expect(meta.published).toBe(c.expected.published);
      const expectedWarnings = c.expected.warnings ?? [];
      const codes = meta.diagnostics.map((d) => d.code);
      expect(codes).toHaveLength(expectedWarnings.length);
      for (const pattern of expectedWarnings) expect(codes.some((code) => pattern.test(code)), `${pattern} in ${codes.join(' | ')}`).toBe(true);
    });
  }
});

describe('canonicalName', () => {
  it('keeps a complete name as it is', () => {
    expect(canonicalName('东莞市住房公积金管理中心', '')).toEqual({ canonical: '东莞市住房公积金管理中心', notes: [] });
    expect(canonicalName('淮安市洪泽区人民政府', '')).toEqual({ canonical: '淮安市洪泽区人民政府', notes: [] });
  });

  it('a city and district chain is a place: its government', () => {
    expect(canonicalName('淮安市洪泽区', '').canonical).toBe('淮安市洪泽区人民政府');
  });

  it('a government short form (区政府办) expanded, its place from the text', () => {
    const { canonical, notes } = canonicalName('区政府办', '洪泽区政府办公室 洪泽区');
    expect(canonical).toBe('洪泽区人民政府办公室');
    expect(notes).toHaveLength(1);
  });

  it('two places named equally often: no place filled in, a diagnostic', () => {
    const { canonical, notes } = canonicalName('市发改委', '淮安市 宿迁市');
    expect(canonical).toBe('市发展和改革委员会');
    expect(notes.map((d) => d.code)).toEqual(['agency_place_not_found']);
  });

  it('a place one character away from several divisions is left as printed', () => {
    // 某某市 is near no real city; 朝阳县 is a real county and stays.
    expect(canonicalName('某某市财政局', '').notes).toEqual([]);
    expect(canonicalName('朝阳县财政局', '')).toEqual({ canonical: '朝阳县财政局', notes: [] });
  });

  it('the party prefix (中共) stays in front', () => {
    expect(canonicalName('中共淮安市委', '').canonical).toBe('中共淮安市委');
  });
});

describe('the abbreviation table', () => {
  it('has one entry per short form, and no expansion equal to its short form', () => {
    const shorts = ABBREVIATIONS.map((a) => a.short);
    expect(new Set(shorts).size).toBe(shorts.length);
    for (const a of ABBREVIATIONS) expect(a.full).not.toBe(a.short);
  });
});
