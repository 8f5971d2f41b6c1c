import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { aggregate } from '../../src/lib/charts/aggregate.ts';
import { tableToCsv } from '../../src/lib/charts/csv.ts';
import { fileName } from '../../src/lib/charts/file-name.ts';
import { describe as describeChart } from '../../src/lib/charts/describe.ts';
import { escapeHtml } from '../../src/lib/charts/escape.ts';
import { fieldsOf } from '../../src/lib/charts/measures.ts';
import { buildOption, tooltipHtml } from '../../src/lib/charts/option.ts';
import { DEFAULT_STATE, type ChartState } from '../../src/lib/charts/state.ts';
import { buildView, drawsNothing } from '../../src/lib/charts/view.ts';
import { describeWords, viewLabels } from '../../src/i18n/index.ts';
import { factsFile, record, type Spec } from './helpers.ts';
import { APPLICATION_ROWS } from '../../src/lib/schema.ts';

/** Every section 三 row given (0 unless stated), as a fully read report has them. */
const full = (rows: Spec['rows'], template: '2019' | '2021') => ({
  ...Object.fromEntries(APPLICATION_ROWS.filter((r) => template === '2021' || (r !== 'other_no_fee' && r !== 'other_no_correction')).map((r) => [r, 0])),
  ...rows,
});
const evil = '<script>alert(1)</script>局';
const evil2 = '"><img src=x onerror=alert(1)>中心';
const facts = factsFile([
  record({ id: 'a', name: evil, province: '北京市', level: 'province', year: 2021, template: '2021', rows: full({ new: 10, carried_over: 0, granted: 4, partly_granted: 1, total_processed: 10, other_misc: 2, other_no_fee: 0, other_no_correction: 1 }, '2021') }),
  record({ id: 'b', name: evil2, province: '北京市', level: 'county', year: 2020, template: '2019', rows: full({ new: 20, carried_over: 2, granted: 5, partly_granted: 5, total_processed: 20, other_misc: 3 }, '2019') }),
  record({ id: 'c', name: '广州市公安局', province: '广东省', level: 'prefecture', year: 2021, template: '2021', rows: { new: 30, granted: 12 } }),
]);
const view = (state: Partial<ChartState>, lang: 'zh' | 'en' = 'en') => {
  const s = { ...DEFAULT_STATE, ...state };
  return buildView(s, aggregate(facts, s, fieldsOf(s.measure)), viewLabels(lang));
};

describe('chart view', () => {
  it('says when a view with reports behind it has no value to draw (a like-with-like change no agency can give)', () => {
    // 北京市's two reports are two agencies in two years: no agency reports in both, so no like-with-like value.
    const matched = view({ measure: 'granted_share', groupBy: 'province', from: 2020, to: 2021 });
    expect(matched.empty).toBe(false);
    expect(matched.series.flatMap((s) => s.values).every((v) => v === null)).toBe(true);
    expect(drawsNothing(matched)).toBe(true);
    expect(drawsNothing(view({ measure: 'granted_share', groupBy: 'province', basis: 'all' }))).toBe(false);
    expect(drawsNothing({ empty: true, series: [] })).toBe(false);
  });

  it('gives the table exactly the numbers the chart draws', () => {
    const v = view({ measure: 'granted_share', groupBy: 'province', basis: 'all' });
    expect(v.kind).toBe('line');
    expect(v.categories).toEqual(['2020', '2021']);
    // 北京市: 2020 = 5/20, 2021 = 4/10; 广东省 2021 has no total_processed: not counted, said so.
    expect(v.series.map(({ key, name, values }) => ({ key, name, values }))).toEqual([
      { key: '北京市', name: 'Beijing 北京市', values: [25, 40] },
      { key: '广东省', name: 'Guangdong 广东省', values: [null, null] },
    ]);
    expect(v.table.columns.slice(3)).toEqual(['Denominator (cases)', 'Reports counted', 'Agencies', 'Reports missing a figure', 'Reports failing their own checks']);
    // value, denominator, reports, agencies, missing, failing
    expect(v.table.rows).toEqual([
      ['Beijing 北京市', 2020, 25, 20, 1, 1, 0, 0],
      ['Beijing 北京市', 2021, 40, 10, 1, 1, 0, 0],
      ['Guangdong 广东省', 2021, null, null, 0, 0, 1, 0],
    ]);
    expect(v.series[0]?.tips?.[0]).toBe('denominator 20; 1 report · 1 agency');
    expect(v.notes.some((n) => n.includes('1 report lacks'))).toBe(true);
  });

  it('draws a bar per group for a single year, sorted by value', () => {
    const v = view({ measure: 'applications_received', groupBy: 'level', from: 2021, to: 2021 });
    expect(v.kind).toBe('bar');
    expect(v.categories).toEqual(['Prefecture', 'Provincial']);
    expect(v.series[0]?.values).toEqual([30, 10]);
  });

  it('says so when the outcome mix spans both templates, and compares only the 其他处理 total', () => {
    const v = view({ measure: 'outcome_mix', basis: 'all' }, 'zh');
    expect(v.notes[0]).toContain('2019 年版');
    const other = v.series.find((s) => s.key === 'other');
    expect(other?.values).toEqual([15, 30]); // 3/20 in 2019 template; (1+0+2)/10 in 2021
    expect(v.series.some((s) => s.key.startsWith('other_'))).toBe(false);
  });

  it('is empty, and says so, when nothing matches', () => {
    const v = view({ filters: { ...DEFAULT_STATE.filters, province: '西藏自治区' } });
    expect(v.empty).toBe(true);
    expect(describeChart(v, describeWords('en'))).toContain('No data');
  });

  it('writes a CSV that parses back to the table', () => {
    const v = view({ measure: 'granted_share', groupBy: 'agency' });
    const parsed = Papa.parse<string[]>(tableToCsv(v.table).replace(/^\uFEFF/, ''), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual(v.table.columns);
    expect(parsed.data.slice(1)).toEqual(v.table.rows.map((r) => r.map((c) => (c === null ? '' : String(c)))));
    expect(parsed.data.flat()).toContain(`${evil2}（北京市）`);
  });

  it('neutralises formula-like text cells (names come from files) and keeps numbers, negative ones too', () => {
    const csv = tableToCsv({ columns: ['分组', '值'], rows: [['=HYPERLINK("http://x","y")', -3], ['@SUM(1)', 2], ['+1', null], ['-x', 0], ['北京市', 1.5]] });
    const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.slice(1);
    expect(rows).toEqual([['\'=HYPERLINK("http://x","y")', '-3'], ["'@SUM(1)", '2'], ["'+1", ''], ["'-x", '0'], ['北京市', '1.5']]);
  });

  it('names files after the state, keeping Chinese names and dropping unsafe characters', () => {
    const state: ChartState = { ...DEFAULT_STATE, measure: 'review_rate', groupBy: 'city', filters: { ...DEFAULT_STATE.filters, province: '广东省', sector: 'a/b' }, from: 2020, to: null };
    expect(fileName(state, 'csv')).toBe('gov-info-disclosure_review_rate_by-city_province-广东省_sector-a-b_2020-last.csv');
  });
});

describe('agency groups', () => {
  it('keeps same-named agencies in different places apart, and says where each is', () => {
    const twins = factsFile([
      record({ id: 'x', name: '城关镇人民政府', province: '甘肃省', city: '兰州市', year: 2023, rows: { new: 1 } }),
      record({ id: 'y', name: '城关镇人民政府', province: '湖北省', city: '武汉市', year: 2023, rows: { new: 2 } }),
      record({ id: 'z', name: '北京住房公积金管理中心', province: '北京市', year: 2023, rows: { new: 3 } }),
    ]);
    const s = { ...DEFAULT_STATE, groupBy: 'agency' as const };
    const v = buildView(s, aggregate(twins, s, fieldsOf(s.measure)), viewLabels('zh'));
    expect(v.categories.sort()).toEqual(['北京住房公积金管理中心', '城关镇人民政府（兰州市）', '城关镇人民政府（武汉市）']);
  });
});

describe('escaping agency names', () => {
  it('escapes markup', () => {
    expect(escapeHtml(evil)).toBe('&lt;script&gt;alert(1)&lt;/script&gt;局');
    expect(escapeHtml(evil2)).toBe('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;中心');
    expect(escapeHtml(null)).toBe('');
  });

  it('keeps tooltips free of markup from the data', () => {
    const v = view({ measure: 'applications_received', groupBy: 'agency' });
    const option = buildOption(v, { subtitle: '', source: 's', dark: false });
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    const html = formatter(v.series.map((s) => ({ seriesName: s.name, value: s.values[0], axisValueLabel: evil })));
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('&lt;script&gt;');
    expect(tooltipHtml({ seriesName: evil2, name: evil, value: 3 }, 'count')).not.toContain('<img');
  });
});

describe('embed snippet', () => {
  it('points at the embed page with the same state, by absolute URL under the base path', async () => {
    const { embedUrl, iframeSnippet, siteRoot } = await import('../../src/lib/charts/embed.ts');
    const { stateFromParams } = await import('../../src/lib/charts/state.ts');
    const root = siteRoot('https://example.org/ignored', '/tp');
    expect(root).toBe('https://example.org/tp/');
    const state: ChartState = { ...DEFAULT_STATE, measure: 'review_rate', filters: { ...DEFAULT_STATE.filters, province: '广东省' } };
    const url = embedUrl(root, 'en', state, { theme: 'dark', plain: true });
    expect(url.startsWith('https://example.org/tp/en/embed/?')).toBe(true);
    expect(stateFromParams(new URL(url).searchParams).state).toEqual(state);
    const snippet = iframeSnippet(url, evil, root);
    expect(snippet).toContain('src="https://example.org/tp/en/embed/?m=review_rate&amp;province=');
    expect(snippet).not.toContain('<script>alert');
    expect(snippet).toContain('<script async src="https://example.org/tp/embed-resize.js"></script>');
  });
});
