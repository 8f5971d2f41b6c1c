/**
 * Statistics that do not mislead: like with like across years, what each figure rests on, the
 * one minimum-n rule, approximate figures carried to the CSV, reports failing their own checks.
 * Hand-made facts, hand-written expectations.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { headline } from '../../src/components/views.ts';
import { describeWords, viewLabels } from '../../src/i18n/index.ts';
import { describe as describeChart } from '../../src/lib/charts/describe.ts';
import { aggregate } from '../../src/lib/charts/aggregate.ts';
import { tableToCsv } from '../../src/lib/charts/csv.ts';
import { fieldsOf } from '../../src/lib/charts/measures.ts';
import { estimateText, tooltipHtml } from '../../src/lib/charts/option.ts';
import { provinceValues } from '../../src/lib/charts/province-values.ts';
import { tileOption } from '../../src/lib/charts/regions.ts';
import { DEFAULT_STATE, type ChartState } from '../../src/lib/charts/state.ts';
import { buildView } from '../../src/lib/charts/view.ts';
import { CSV_COLUMNS } from '../../src/lib/dataset/columns.ts';
import type { FactsFile } from '../../src/lib/dataset/layout.ts';
import { MIN_N } from '../../src/lib/measures.ts';
import { APPLICATION_ROWS, type ReportRecord } from '../../src/lib/schema.ts';
import { factsFile, record, type Spec } from './helpers.ts';

/** A report with every section 三 row: applications received, all answered, half of them granted (rounded down), the rest not held. */
const report = (id: string, name: string, year: number, received: number, extra: Partial<Spec> = {}) => {
  const granted = Math.floor(received / 2);
  const rows = { ...Object.fromEntries(APPLICATION_ROWS.map((r) => [r, 0])), new: received, granted, unable_not_held: received - granted, total_processed: received };
  return record({ id, name, province: '广东省', level: 'prefecture', sector: 'housing', year, rows, ...extra });
};

const failing = (r: ReportRecord): ReportRecord => ({ ...r, checks: [{ rule: 'cases_group_sum', ok: false, section: 'cases', values: {} }] });

// A and B report in both years; C only in 2022; D only in 2023 (and D fails its own checks).
const facts = factsFile([
  report('a22', '甲局', 2022, 100),
  report('a23', '甲局', 2023, 120),
  report('b22', '乙局', 2022, 50),
  report('b23', '乙局', 2023, 40),
  report('c22', '丙局', 2022, 1000),
  failing(report('d23', '丁局', 2023, 7)),
]);

const view = (facts: FactsFile, state: Partial<ChartState>, lang: 'zh' | 'en' = 'en') => {
  const s = { ...DEFAULT_STATE, ...state };
  return buildView(s, aggregate(facts, s, fieldsOf(s.measure)), viewLabels(lang));
};

describe('like with like', () => {
  it('compares years on the agencies reporting in every year, by default, and says how many', () => {
    const v = view(facts, {});
    expect(v.categories).toEqual(['2022', '2023']);
    // 甲 + 乙: 150 → 160 (丙 and 丁 left out).
    expect(v.series[0]?.values).toEqual([150, 160]);
    expect(v.comparison).toEqual({ basis: 'matched', years: [2022, 2023], matched: 2, agencies: 4, leftOut: 2 });
    expect(v.notes.some((n) => n.startsWith('Like with like: only the 2 agencies reporting in every year of 2022, 2023 (of 4 with figures); 2 other reports are left out.'))).toBe(true);
    expect(v.table.columns.at(-1)).toBe('Left out (agency not in every year)');
    // year, value, reports, agencies, missing, failing, left out
    expect(v.table.rows.map((r) => r.slice(1))).toEqual([
      [2022, 150, 2, 2, 0, 0, 1],
      [2023, 160, 2, 2, 0, 0, 1],
    ]);
    expect(v.coverage).toEqual({ reports: 4, agencies: 2 });
  });

  it('gives the raw totals on request, labelled as such, and names the reports failing their checks', () => {
    const v = view(facts, { basis: 'all' }, 'zh');
    expect(v.series[0]?.values).toEqual([1150, 167]);
    expect(v.notes.some((n) => n.startsWith('原始合计：各年报告的机关不同（4 个机关中只有 2 个在 2022、2023 年每年都有报告）'))).toBe(true);
    expect(v.notes).toContain('所计报告中有 1 份未通过自身的核对（数字照原样计入，见“数据质量”页）。');
    expect(v.table.rows.map((r) => r.slice(1))).toEqual([
      [2022, 1150, 3, 3, 0, 0],
      [2023, 167, 3, 3, 0, 1],
    ]);
  });

  it('says there is nothing to compare when no agency reports in every year', () => {
    const apart = factsFile([report('x', '甲局', 2020, 1), report('y', '乙局', 2023, 203)]);
    const v = view(apart, {});
    expect(v.series[0]?.values).toEqual([null, null, null, null]);
    expect(v.comparison?.matched).toBe(0);
    expect(v.notes.some((n) => n.startsWith('Like with like: none of the 2 agencies with figures reported in every year of 2020, 2023'))).toBe(true);
  });

  it('does not apply to one year, nor to a breakdown whose years are summed per group', () => {
    expect(view(facts, { from: 2023, to: 2023 }).comparison).toBeNull();
    expect(view(facts, { measure: 'outcome_mix', groupBy: 'province' }).comparison).toBeNull();
    expect(view(facts, { measure: 'outcome_mix' }).comparison?.matched).toBe(2);
  });

  it('sums, per year, exactly the reports of agencies giving the figures in every year compared (any number of years)', () => {
    const spec = fc.array(fc.record({ agency: fc.integer({ min: 0, max: 5 }), year: fc.integer({ min: 1990, max: 2030 }), received: fc.option(fc.nat(99), { nil: undefined }) }), { maxLength: 60 });
    fc.assert(
      fc.property(spec, (rows) => {
        const facts = factsFile(rows.map((r, i) => record({ id: `r${i}`, name: `机关${r.agency}`, province: '广东省', year: r.year, rows: { new: r.received } })));
        const agg = aggregate(facts, { ...DEFAULT_STATE }, fieldsOf('applications_received'));
        const given = rows.filter((r) => r.received !== undefined);
        const years = [...new Set(given.map((r) => r.year))].sort((a, b) => a - b);
        const inAll = new Set([...new Set(given.map((r) => r.agency))].filter((a) => years.every((y) => given.some((r) => r.agency === a && r.year === y))));
        if (years.length < 2) {
          expect(agg.comparison).toBeNull();
          return;
        }
        expect(agg.comparison).toMatchObject({ years, matched: inAll.size, agencies: new Set(given.map((r) => r.agency)).size });
        for (const y of years) {
          const expected = given.filter((r) => r.year === y && inAll.has(r.agency)).reduce((n, r) => n + (r.received as number), 0);
          expect(agg.groups[0]?.byYear.get(y)?.sums.new_total ?? 0).toBe(expected);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('tells one agency from another of the same name in another place', () => {
    const twins = factsFile([
      record({ id: 'p', name: '城关镇人民政府', province: '甘肃省', year: 2022, rows: { new: 5 } }),
      record({ id: 'q', name: '城关镇人民政府', province: '河南省', year: 2023, rows: { new: 9 } }),
    ]);
    expect(view(twins, {}).comparison).toMatchObject({ matched: 0, agencies: 2 });
  });
});

describe('headline cards', () => {
  it('give the latest value with its reports and agencies, the like-with-like change with its count, and the raw change', () => {
    const h = headline(facts, 'applications_received');
    expect(h).toMatchObject({ year: 2023, value: 167, previousYear: 2022 });
    expect(h.coverage).toMatchObject({ reports: 3, agencies: 3, failing: 1 });
    expect(h.matched).toMatchObject({ previous: 150, value: 160, agencies: 2 });
    expect(h.raw).toMatchObject({ previous: 1150, value: 167 });
    expect(h.raw?.previousCoverage.reports).toBe(3);
  });

  it('have no like-with-like change when no agency reported in both years', () => {
    const apart = factsFile([report('x', '甲局', 2020, 1), report('y', '乙局', 2023, 203)]);
    const h = headline(apart, 'applications_received');
    expect(h.matched).toMatchObject({ agencies: 0, previous: null, value: null });
    expect(h.raw).toMatchObject({ previous: 1, value: 203 });
  });

  it('hold back a rate on fewer than MIN_N cases', () => {
    const small = factsFile([report('s', '甲局', 2023, 2)]);
    const h = headline(small, 'granted_share');
    expect(h.value).toBeNull();
    expect(h.coverage).toMatchObject({ n: 2, tooFew: true });
  });
});

describe('the minimum-n rule', () => {
  const agencies = factsFile([
    report('small', '小局', 2023, 2), // 1 of 2 granted: 50%, on 2 cases
    report('big', '大局', 2023, MIN_N), // 5 of 10
  ]);

  it('does not draw a rate on fewer than MIN_N cases, keeps its denominator in the table and the tooltip, and says why', () => {
    const v = view(agencies, { measure: 'granted_share', groupBy: 'agency' });
    expect(v.kind).toBe('bar');
    const at = (name: string) => v.categories.findIndex((c) => c.startsWith(name));
    expect(v.series[0]?.values[at('小局')]).toBeNull();
    expect(v.series[0]?.values[at('大局')]).toBe(50);
    const row = v.table.rows.find((r) => String(r[0]).startsWith('小局'));
    expect(row?.slice(2, 4)).toEqual([null, 2]); // no value, denominator 2
    expect(v.series[0]?.tips?.[at('小局')]).toBe(`denominator 2 (under ${MIN_N}: not shown); 1 report · 1 agency`);
    expect(v.notes).toContain(`1 rate rests on fewer than ${MIN_N} cases and is not shown (minimum-n rule; the denominators are in the table).`);
  });

  it('is stated beside every rate chart even when nothing is hidden', () => {
    const v = view(agencies, { measure: 'granted_share', filters: { ...DEFAULT_STATE.filters }, from: 2023, to: 2023 }, 'zh');
    expect(v.notes.some((n) => n.startsWith(`最少样本规则：比率的分母（如办结件数）不足 ${MIN_N} 件时不显示数值`))).toBe(true);
  });

  it('leaves a province with fewer than MIN_N agencies uncoloured on the tile map, outside the scale, and says n', () => {
    const many = Array.from({ length: MIN_N }, (_, i) => record({ id: `g${i}`, name: `广州局${i}`, province: '广东省', year: 2023, rows: { new: 10 + i } }));
    const two = [0, 1].map((i) => record({ id: `h${i}`, name: `长沙局${i}`, province: '湖南省', year: 2023, rows: { new: 1000 * (i + 1) } }));
    const cells = provinceValues(factsFile([...many, ...two]), 'applications_received')['2023']!;
    expect(cells['广东省']).toMatchObject({ value: 145, agencies: MIN_N, tooFew: false });
    expect(cells['湖南省']).toMatchObject({ value: null, agencies: 2, reports: 2, tooFew: true });
    const option = tileOption(cells, { title: 't', subtitle: '', source: '', unit: 'count', lang: 'zh', width: 800, height: 600, dark: false, tooFew: '样本过少', agencies: (n) => `${n} 个机关` });
    const data = option.series[0]!.data;
    const label = (text: string) => data.find((d) => String(d.label.formatter).startsWith(text));
    expect(label('湖南')?.label.formatter).toBe('湖南\n样本过少\nn=2');
    expect(label('广东')?.label.formatter).toBe(`广东\n145\nn=${MIN_N}`);
    // The one coloured province gets the scale's own colour; the small one is drawn apart, dashed.
    expect(label('湖南')?.itemStyle).toMatchObject({ borderType: 'dashed' });
    expect(label('广东')?.itemStyle.color).not.toBe(label('湖南')?.itemStyle.color);
    // On a phone (the chart about 340 px wide) the tile has no room for the word: the dashed tile and its n say it.
    const phone = tileOption(cells, { title: 't', subtitle: '', source: '', unit: 'count', lang: 'zh', width: 340, height: 420, dark: false, tooFew: '样本过少', agencies: (n) => `${n} 个机关` });
    const onPhone = phone.series[0]!.data.find((d) => String(d.label.formatter).startsWith('湖南'))!;
    expect(onPhone.label.formatter).toBe('湖南\nn=2');
    expect(estimateText('湖南', onPhone.label.fontSize)).toBeLessThanOrEqual(phone.series[0]!.symbolSize);
  });
});

describe('approximate figures', () => {
  const withVisits = (id: string, name: string, year: number, visits: number, raw: string, approximate: boolean) => {
    const r = record({ id, name, year });
    r.metrics.website_visits = visits;
    r.metric_sources.website_visits = { sentence: `网站访问量${raw}。`, raw, approximate };
    return r;
  };
  const traffic = factsFile([withVisits('v1', '甲局', 2023, 6370000, '637万多次', true), withVisits('v2', '乙局', 2023, 1000, '1000次', false)]);

  it('keep their mark through the view, the tooltip and the CSV, counted in visits (次), not applications', () => {
    const v = view(traffic, { measure: 'website_visits', groupBy: 'agency' }, 'zh');
    expect(v.table.columns.slice(2, 4)).toEqual(['网站访问量 (次)', '约数报告数']);
    const approx = v.table.rows.find((r) => String(r[0]).startsWith('甲局'));
    const exact = v.table.rows.find((r) => String(r[0]).startsWith('乙局'));
    expect(approx?.slice(2, 4)).toEqual([6370000, 1]);
    expect(exact?.slice(2, 4)).toEqual([1000, 0]);
    expect(v.series[0]?.approximate).toEqual([true, false]);
    expect(v.notes.some((n) => n.startsWith('所计数字中有 1 个是报告给出的约数'))).toBe(true);
    expect(describeChart(v, describeWords('zh'))).toContain('最高：甲局 ≈6370000');
    const html = tooltipHtml([{ seriesName: '网站访问量', value: 6370000, seriesIndex: 0, dataIndex: 0, name: '甲局' }], v.unit, v);
    expect(html).toContain('<b>≈6370000</b>');
    const csv = Papa.parse<string[]>(tableToCsv(v.table).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(csv[0]).toContain('约数报告数');
    const col = csv[0]!.indexOf('约数报告数');
    expect(csv.find((r) => r[0]!.startsWith('甲局'))?.[col]).toBe('1');
    expect(csv.find((r) => r[0]!.startsWith('乙局'))?.[col]).toBe('0');
  });

  it('label their unit in English too', () => {
    expect(view(traffic, { measure: 'website_visits' }, 'en').table.columns[2]).toBe('Website visits (visits)');
    expect(view(traffic, { measure: 'applications_received' }, 'zh').table.columns[2]).toBe('新收申请 (件)');
  });
});

describe('labels', () => {
  it('calls the reconsideration outcome 其他结果, not 其他处理（合计）', () => {
    const r = record({ id: 'r', name: '甲局', year: 2023, review: { upheld: 1, corrected: 1, other: 1, pending: 1, total: 4 } });
    const zh = view(factsFile([r]), { measure: 'review_mix' }, 'zh');
    expect(zh.series.map((s) => s.name)).toEqual(['结果维持', '结果纠正', '其他结果', '尚未审结']);
    expect(view(factsFile([r]), { measure: 'review_mix' }, 'en').series.map((s) => s.name)[2]).toBe('Other result');
    expect(viewLabels('zh').part('outcome_mix', 'other')).toBe('其他处理（合计）');
  });

  it('says in the data dictionary that website visits are counted in 次', () => {
    expect(CSV_COLUMNS.find((c) => c.name === 'metric_website_visits')?.description).toContain('次 (visits)');
    expect(CSV_COLUMNS.find((c) => c.name === 'metric_website_visits_approx')?.description).toContain('1 when the report hedges');
  });
});
