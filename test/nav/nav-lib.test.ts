/** Finding, sharing, citing: the pure parts (agency choice, history steps, search, version, sources, embed size). */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE } from '../../src/lib/charts/state.ts';
import { aggregate } from '../../src/lib/charts/aggregate.ts';
import { embedHeight, embedOptions, embedUrl, EMBED_STYLES } from '../../src/lib/charts/embed.ts';
import { agencyChoices, choiceLabel, onlyAgencies, rowKeyer } from '../../src/lib/nav/agencies.ts';
import { historyMode } from '../../src/lib/nav/history.ts';
import { normaliseQuery, pinyinInitials, searchAgencies, supportsPinyin, type SearchEntry } from '../../src/lib/nav/search.ts';
import { publishedUrl, sourceName, sourcePath } from '../../src/lib/nav/sources.ts';
import { coverageByYear, datasetVersion, versionLabel } from '../../src/lib/nav/version.ts';
import { factsFile, record } from '../charts/helpers.ts';

const facts = factsFile([
  record({ id: 'a20', name: '城关镇人民政府', province: '甘肃省', city: '兰州市', year: 2020, rows: { new: 2 } }),
  record({ id: 'a23', name: '城关镇人民政府', province: '甘肃省', city: '兰州市', year: 2023, rows: { new: 3 } }),
  record({ id: 'b23', name: '城关镇人民政府', province: '河南省', city: '洛阳市', year: 2023, rows: { new: 5 } }),
  record({ id: 'c23', name: '北京市住房公积金管理中心', province: '北京市', year: 2023, rows: { new: 7 } }),
]);

describe('agencies chosen by name', () => {
  it('tells apart two agencies of one name by their place, and lists each once with its years', () => {
    expect(agencyChoices(facts).map((c) => [c.key, c.years])).toEqual([
      ['北京市住房公积金管理中心|北京市', [2023]],
      ['城关镇人民政府|兰州市', [2020, 2023]],
      ['城关镇人民政府|洛阳市', [2023]],
    ]);
    expect(choiceLabel('城关镇人民政府|兰州市')).toBe('城关镇人民政府（兰州市）');
    expect(choiceLabel('北京市住房公积金管理中心|北京市')).toBe('北京市住房公积金管理中心');
  });

  it('keeps only the chosen agencies’ rows, every column cut alike; none chosen keeps all', () => {
    const only = onlyAgencies(facts, ['城关镇人民政府|洛阳市', '北京市住房公积金管理中心|北京市']);
    expect(only.count).toBe(2);
    expect(only.columns.id).toEqual(['b23', 'c23']);
    expect(only.columns.new_total).toEqual([5, 7]);
    expect(onlyAgencies(facts, [])).toBe(facts);
    const agg = aggregate(only, { ...DEFAULT_STATE, groupBy: 'agency' }, ['new_total']);
    expect(agg.groups.map((g) => g.byYear.get(2023)?.sums.new_total)).toEqual([5, 7]);
  });

  it('keys a row by its most precise place, as the agency grouping does', () => {
    const key = rowKeyer(facts);
    expect([0, 2, 3].map(key)).toEqual(['城关镇人民政府|兰州市', '城关镇人民政府|洛阳市', '北京市住房公积金管理中心|北京市']);
  });
});

describe('history steps', () => {
  it('replaces the entry when the same control changes again within the step time, else pushes', () => {
    expect(historyMode(null, 'm', 1000)).toBe('push');
    expect(historyMode({ control: 'm', at: 1000 }, 'm', 1200)).toBe('replace');
    expect(historyMode({ control: 'm', at: 1000 }, 'g', 1200)).toBe('push');
    expect(historyMode({ control: 'm', at: 1000 }, 'm', 2600)).toBe('push');
  });
});

describe('agency search', () => {
  const collator = new Intl.Collator('zh-Hans-CN-u-co-pinyin');
  const entry = (name: string, place: string): SearchEntry => ({ name, place, path: `agency/${name}/`, initials: pinyinInitials(name, collator), years: [2023] });
  const index = [entry('北京住房公积金管理中心', '北京市'), entry('东莞市住房公积金管理中心', '广东省 东莞市'), entry('厚街镇人民政府', '广东省 东莞市'), entry('重庆市长寿区人民政府', '重庆市')];

  it('gives pinyin initials from the runtime’s collation, place names read as places', () => {
    expect(supportsPinyin(collator)).toBe(true);
    expect(pinyinInitials('北京住房公积金管理中心', collator)).toBe('bjzfgjjglzx');
    expect(pinyinInitials('厚街镇人民政府', collator)).toBe('hjzrmzf');
    expect(pinyinInitials('重庆市长寿区', collator)).toBe('cqszsq');
    expect(pinyinInitials('长沙市第2中学', collator)).toBe('cssd2zx');
    expect(pinyinInitials('厦门市', collator)).toBe('xms');
  });

  it('finds an agency by any part of its name, its place, or its initials; names first', () => {
    expect(searchAgencies(index, '公积金').map((e) => e.name)).toEqual(['北京住房公积金管理中心', '东莞市住房公积金管理中心']);
    expect(searchAgencies(index, '东莞').map((e) => e.name)).toEqual(['东莞市住房公积金管理中心', '厚街镇人民政府']);
    expect(searchAgencies(index, 'HJZ').map((e) => e.name)).toEqual(['厚街镇人民政府']);
    expect(searchAgencies(index, 'gjj').map((e) => e.name)).toEqual(['北京住房公积金管理中心', '东莞市住房公积金管理中心']);
    expect(searchAgencies(index, 'cq').map((e) => e.name)).toEqual(['重庆市长寿区人民政府']);
    expect(searchAgencies(index, '  ')).toEqual([]);
    expect(searchAgencies(index, '税务')).toEqual([]);
    expect(searchAgencies(index, '人民', 1)).toHaveLength(1);
  });

  it('folds full-width letters, case and spaces in what is typed', () => {
    expect(normaliseQuery(' ＢＪ zf ')).toBe('bjzf');
  });
});

describe('dataset version and coverage', () => {
  it('prints the build day (UTC) and the first 8 hex digits of the content hash', () => {
    const v = datasetVersion(new Date('2026-12-02T23:30:00Z'), 'ab12cd34ef56');
    expect(versionLabel(v)).toBe('2026-12-02 · ab12cd34');
  });

  it('counts reports and distinct agencies per year', () => {
    expect(coverageByYear(facts)).toEqual([
      { year: 2020, reports: 1, agencies: 1 },
      { year: 2023, reports: 3, agencies: 3 },
    ]);
  });
});

describe('original files', () => {
  const r = (file: string) => ({ id: 'x_1', source: { file, sha256: '0'.repeat(64), format: 'txt' as const } });
  it('serves a file under its report id with its own name; a web page with .txt added', () => {
    expect(sourcePath(r('data/reports/年报.pdf'))).toBe('sources/x_1/年报.pdf');
    expect(sourcePath(r('C:\\reports\\a.docx'))).toBe('sources/x_1/a.docx');
    expect(sourcePath(r('data/reports/page.SHTML'))).toBe('sources/x_1/page.SHTML.txt');
    expect(sourceName('a/b/c.htm')).toBe('c.htm');
  });

  it('links the published address only when it is http(s)', () => {
    expect(publishedUrl({ source: { url: ' https://www.gov.cn/a.html ' } })).toBe('https://www.gov.cn/a.html');
    expect(publishedUrl({ source: { url: 'javascript:alert(1)' } })).toBeNull();
    expect(publishedUrl({ source: { url: null } })).toBeNull();
    expect(publishedUrl({ source: {} })).toBeNull();
  });
});

describe('embed styles and height', () => {
  it('offers light, dark, follow-the-reader and plain, plain following the reader without chrome', () => {
    expect(EMBED_STYLES.map(embedOptions)).toEqual([
      { theme: 'light', plain: false },
      { theme: 'dark', plain: false },
      { theme: 'auto', plain: false },
      { theme: 'auto', plain: true },
    ]);
    expect(embedUrl('https://a.org/', 'zh', { ...DEFAULT_STATE, agencies: ['甲|乙'] }, embedOptions('plain'))).toBe('https://a.org/embed/?a=%E7%94%B2%7C%E4%B9%99&plain=1');
  });

  it('is the chart’s height plus room for the notes and, unless plain, the title and source lines', () => {
    expect(embedHeight(400, 0, true)).toBe(440);
    expect(embedHeight(400, 2, false)).toBe(650);
  });
});

describe('data dictionary CSV', () => {
  it('has a row per download column and per level, kind and sector code, labels in both languages', async () => {
    const { buildDictionary, dictionaryCsv } = await import('../../src/lib/dataset/dictionary.ts');
    const text = dictionaryCsv();
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    const dict = buildDictionary();
    expect(rows[0]).toEqual(['column', 'type', 'label_zh', 'label_en', 'description']);
    expect(rows).toHaveLength(1 + dict.columns.length + dict.levels.length + dict.kinds.length + dict.sectors.length);
    expect(rows.find((r) => r[0] === 'year')).toEqual(['year', 'number', '报告年度', 'Report year', 'The calendar year the report covers.']);
    expect(rows.find((r) => r[0] === 'level=county')?.slice(1, 4)).toEqual(['code', '县级', 'County']);
  });
});

describe('zip README', () => {
  it('says in Chinese and in English where the dictionary is and how to cite with the version', async () => {
    const { zipReadme } = await import('../../src/lib/dataset/readme.ts');
    const text = zipReadme('reports-2023.csv', 4, '3');
    expect(text).toContain('共 4 份');
    expect(text).toContain('(4 reports)');
    expect(text).toContain('解析器版本 3');
    expect(text.match(/dictionary\.csv/g)?.length).toBeGreaterThanOrEqual(2);
    expect(text).toContain('数据版本');
    expect(text).toContain('version (the build date and content hash');
    expect(text).not.toMatch(/[^\r]\n/);
  });
});

describe('English words', () => {
  it('says 1 report, 2 reports; 1 row; provinces in English with the Chinese beside them', async () => {
    const { dictionary, filtersSummary, groupLabel, provinceLabel } = await import('../../src/i18n/index.ts');
    const en = dictionary('en');
    expect([en.nav2.reportsN(1), en.nav2.reportsN(2), en.nav2.agenciesN(1), en.nav2.rowsN(1)]).toEqual(['1 report', '2 reports', '1 agency', '1 row']);
    expect(en.actions.csv(1)).toBe('Download CSV (1 row)');
    expect(en.actions.csv(3)).toBe('Download CSV (3 rows)');
    // Before the script has counted the rows, no count at all (never "0 rows").
    expect(en.actions.csv(null)).toBe('Download CSV');
    expect(en.nav2.coverage(2020, 1, 1)).toBe('2020: 1 report, 1 agency');
    expect(provinceLabel('en', '广东省')).toBe('Guangdong 广东省');
    expect(provinceLabel('zh', '广东省')).toBe('广东省');
    expect(provinceLabel('en', '某地')).toBe('某地');
    expect(groupLabel('en', 'province', '内蒙古自治区')).toBe('Inner Mongolia 内蒙古自治区');
    expect(filtersSummary('en', { province: '北京市' }, [2023], 1)).toBe('Beijing 北京市 · 2023 · 1 report');
    expect(filtersSummary('zh', { province: '北京市' }, [2020, 2023], 2)).toBe('北京市 · 2020–2023 · 2 份报告');
    expect(filtersSummary('en', { province: null, agencies: '2' }, [2023], 2)).toBe('2 chosen agencies · 2023 · 2 reports');
    expect(filtersSummary('zh', { agencies: '1' }, [2023], 1)).toBe('已选 1 个机关 · 2023 · 1 份报告');
  });
});
