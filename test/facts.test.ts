import { agencyId } from '../src/lib/agency/agency-id.ts';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FACT_FIELDS, factValues, groupTotal, toFact } from '../src/lib/facts.ts';
import { parseReport } from '../src/lib/parse/index.ts';
import { APPLICANT_COLUMNS, APPLICATION_ROWS, CASE_OUTCOMES, METRIC_KEYS, OUTCOME_GROUPS, type ReportRecord } from '../src/lib/schema.ts';

/** A seed record with a different number in every table cell and metric, and a failed check. */
function distinctRecord(): ReportRecord {
  const file = 'data/reports/000_fea7b730deba7205.txt';
  const record = parseReport(readFileSync(file, 'utf8'), { file, sha256: 'x', format: 'txt' });
  let n = 1;
  for (const row of APPLICATION_ROWS) for (const c of APPLICANT_COLUMNS) record.applications[row][c] = n++;
  for (const group of [record.review, record.litigation_direct, record.litigation_after_review]) for (const o of CASE_OUTCOMES) group[o] = n++;
  for (const m of METRIC_KEYS) record.metrics[m] = n++;
  delete record.metrics[METRIC_KEYS[0]]; // a metric the report never gave
  record.checks = [false, true, false].map((ok) => ({ rule: 'cases_group_sum', ok, section: 'cases', values: {} }));
  record.diagnostics = [{ code: 'cases_no_figures', section: 'cases', values: {} }];
  return record;
}

/** The value each fact column should hold, found from the column's name. */
function expected(record: ReportRecord, field: string): string | number | null {
  const a = record.agency as unknown as Record<string, string | null>;
  if (field === 'agency') return a.name ?? null;
  if (field === 'agency_id') return record.agency.id ?? agencyId(record.agency);
  // The record's own fields first: `id` is the report's (the agency's is agency_id).
  if (['id', 'year', 'template', 'published'].includes(field)) return (record as unknown as Record<string, string | number | null>)[field] ?? null;
  if (field in a) return a[field] ?? null;
  if (field === 'checks_failed') return record.checks.filter((c) => !c.ok).length;
  if (field === 'diagnostics') return record.diagnostics.length;
  if ((METRIC_KEYS as readonly string[]).includes(field)) return record.metrics[field as (typeof METRIC_KEYS)[number]] ?? null;
  const approx = /^(.+)_approx$/.exec(field);
  if (approx && (METRIC_KEYS as readonly string[]).includes(approx[1]!)) {
    const m = approx[1] as (typeof METRIC_KEYS)[number];
    const source = record.metric_sources[m];
    return source && record.metrics[m] != null ? (source.approximate ? 1 : 0) : null;
  }
  const rowTotal = /^(.+)_total$/.exec(field);
  if (rowTotal && (APPLICATION_ROWS as readonly string[]).includes(rowTotal[1]!)) return record.applications[rowTotal[1] as (typeof APPLICATION_ROWS)[number]].total;
  const mix = /^new_(.+)$/.exec(field);
  if (mix) return record.applications.new[mix[1] as (typeof APPLICANT_COLUMNS)[number]];
  const group = /^group_(.+)$/.exec(field);
  if (group) return groupTotal(record, OUTCOME_GROUPS[group[1] as keyof typeof OUTCOME_GROUPS]);
  const cases = /^(review|litigation_direct|litigation_after_review)_(.+)$/.exec(field);
  if (cases) return record[cases[1] as 'review'][cases[2] as (typeof CASE_OUTCOMES)[number]];
  throw new Error(`no expectation for fact column ${field}`);
}

describe('fact row', () => {
  it('holds each column its value, in FACT_FIELDS order, null where the report gives nothing', () => {
    const record = distinctRecord();
    const values = factValues(record);
    expect(values).toHaveLength(FACT_FIELDS.length);
    FACT_FIELDS.forEach((field, i) => expect(values[i], field).toBe(expected(record, field)));
    expect(values[FACT_FIELDS.indexOf('checks_failed')]).toBe(2);
    expect(values[FACT_FIELDS.indexOf(METRIC_KEYS[0])]).toBeNull();
  });

  it('toFact names the same values', () => {
    const record = distinctRecord();
    const fact = toFact(record) as unknown as Record<string, unknown>;
    const values = factValues(record);
    expect(Object.keys(fact).sort()).toEqual([...FACT_FIELDS].sort());
    FACT_FIELDS.forEach((field, i) => expect(fact[field], field).toBe(values[i]));
  });

  it('flags a metric the report gives as approximate (约, 多): 1, exact: 0, not given: null', () => {
    const record = distinctRecord();
    record.metrics.website_visits = 6370000;
    record.metric_sources.website_visits = { sentence: '网站访问量637万多次。', raw: '637万多次', approximate: true };
    record.metrics.website_posts = 120;
    record.metric_sources.website_posts = { sentence: '发布信息120条。', raw: '120条', approximate: false };
    delete record.metrics.wechat_followers;
    delete record.metric_sources.wechat_followers;
    const fact = toFact(record);
    expect(fact.website_visits_approx).toBe(1);
    expect(fact.website_posts_approx).toBe(0);
    expect(fact.wechat_followers_approx).toBeNull();
  });
});
