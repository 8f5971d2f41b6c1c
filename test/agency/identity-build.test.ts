/**
 * An agency's permanent address through the build (scripts/lib/build.ts) and the agency index it
 * writes (agencies.json: each agency page's address and the earlier addresses that forward to
 * it, with the build report's forwards): reports are seed texts from data/reports, some printed under another name or year.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildData } from '../../scripts/lib/build.ts';
import { fsWriter, silentLogger } from '../../scripts/lib/effects.ts';
import type { AgencyIndexFile } from '../../src/lib/dataset/agency-index.ts';
import type { BuildReport } from '../../src/lib/dataset/build-report.ts';
import type { ReportRecord } from '../../src/lib/schema.ts';
import { readRecords } from '../support/records.ts';

const seed = (file: string) => readFileSync(join('data/reports', file), 'utf8');
/** 衡阳市住房保障服务中心, 2023 (published 2024). */
const HENGYANG = seed('003_d3db7aba37f28c73.txt');
/** 厚街镇人民政府 (东莞市), 2023. */
const HOUJIE = seed('004_d14223c41a91255a.txt');
/** 东莞市住房公积金管理中心, 2023. */
const DONGGUAN_FUND = seed('000_fea7b730deba7205.txt');

/** The report as if for an earlier year: every year in it moved back by `years`. */
function earlier(text: string, years: number): string {
  return text.replace(/20(1\d|2\d)(?=\s*年|-|\s*\))/g, (y) => String(Number(y) - years));
}

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'agency-identity-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Built {
  records: Map<string, ReportRecord>;
  report: BuildReport;
  /** The agency pages as the site makes them: each page's address and the former addresses that forward to it. */
  pages: Map<string, string[]>;
}

let runs = 0;
/** Builds these reports (file name → text) with these agencies.csv lines (after its header). */
async function build(files: Record<string, string>, corrections: string[] = []): Promise<Built> {
  const dir = join(root, `run-${++runs}`);
  mkdirSync(join(dir, 'reports'), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'reports', name), text);
  const agencies = join(dir, 'agencies.csv');
  writeFileSync(agencies, ['name,id,years,change,same_as,division_code,note', ...corrections, ''].join('\n'));
  const out = join(dir, 'out');
  const { report } = await buildData(
    { reportsDir: join(dir, 'reports'), outDir: out, agenciesFile: agencies, cacheRoot: null, workers: 0 },
    { logger: silentLogger, writer: fsWriter(out) },
  );
  const records = readRecords(out);
  const index = JSON.parse(readFileSync(join(out, 'agencies.json'), 'utf8')) as AgencyIndexFile;
  const pages = new Map(index.agencies.map((a) => [a.id, a.former]));
  return { records, report, pages };
}

const agencyOf = (built: Built, reportId: string) => built.records.get(reportId)?.agency.id;

describe('an agency’s permanent address', () => {
  it('does not change when an older report of it is added', async () => {
    const later = await build({ 'hengyang-2023.txt': HENGYANG });
    const withOlder = await build({ 'hengyang-2023.txt': HENGYANG, 'a-hengyang-2021.txt': earlier(HENGYANG, 2) });
    expect(withOlder.records.get('a-hengyang-2021')?.year).toBe(2021);
    const id = agencyOf(later, 'hengyang-2023');
    expect(id).toMatch(/^430400-[0-9a-z]{11}$/);
    expect(agencyOf(withOlder, 'a-hengyang-2021')).toBe(id);
    expect([...withOlder.pages.keys()]).toEqual([id]);
    expect([...later.pages.keys()]).toEqual([id]);
  });

  it('is one for two spellings of one body, without a row in agencies.csv; the same year twice is then a duplicate', async () => {
    const built = await build({
      'houjie-2023.txt': HOUJIE,
      'houjie-2022.txt': earlier(HOUJIE, 1).replaceAll('厚街镇人民政府', '东莞市厚街镇人民政府'),
      'z-houjie-2023.txt': HOUJIE.replaceAll('厚街镇人民政府', '东莞市厚街镇人民政府'),
    });
    expect(built.records.get('houjie-2022')?.agency.name).toBe('东莞市厚街镇人民政府');
    expect(agencyOf(built, 'houjie-2022')).toBe(agencyOf(built, 'houjie-2023'));
    expect(built.pages.size).toBe(1);
    expect(built.report.not_used).toEqual([expect.objectContaining({ file: 'z-houjie-2023.txt', reason: 'duplicate', detail: expect.stringMatching(/^duplicate: 东莞市厚街镇人民政府 2023 also in houjie-2023.txt/) })]);
  });

  it('is one for two spellings merged by agencies.csv, and the other spelling’s id forwards to it', async () => {
    const files = { 'fund-2023.txt': DONGGUAN_FUND, 'fund-2022.txt': earlier(DONGGUAN_FUND, 1).replaceAll('东莞市住房公积金管理中心', '东莞住房公积金中心') };
    const apart = await build(files);
    const [kept, other] = [agencyOf(apart, 'fund-2023') as string, agencyOf(apart, 'fund-2022') as string];
    expect(kept).not.toBe(other);
    expect(apart.pages.size).toBe(2);

    const merged = await build(files, [`东莞住房公积金中心,,,merge,${kept},,the centre's short name`]);
    expect(agencyOf(merged, 'fund-2022')).toBe(kept);
    expect(merged.records.get('fund-2022')?.agency.name).toBe('东莞住房公积金中心');
    expect(merged.report.agencies.changes).toEqual([{ line: 2, change: 'merge', from: [other], to: kept, reports: ['fund-2022'], joined: 1 }]);
    expect(merged.report.agencies.forwards).toEqual([{ from: other, to: kept }]);
    expect([...merged.pages.keys()]).toEqual([kept]);
    expect(merged.pages.get(kept)).toContain(other);
    expect(merged.report.overrides.applied).toEqual([{ file: 'fund-2022.txt', id: 'fund-2022', line: 2, fields: ['agency_id'] }]);
  });

  it('keeps the old address answering after a rename: the old body’s page forwards to its successor', async () => {
    const files = { 'hengyang-2023.txt': HENGYANG, 'hengyang-2018.txt': earlier(HENGYANG, 5).replaceAll('住房保障服务中心', '房产管理局') };
    const before = await build(files);
    const successor = agencyOf(before, 'hengyang-2023') as string;
    const old = agencyOf(before, 'hengyang-2018') as string;
    expect(before.records.get('hengyang-2018')).toMatchObject({ year: 2018, agency: { name: '衡阳市房产管理局', division_code: '430400' } });
    expect(before.pages.has(old)).toBe(true);

    const after = await build(files, [`衡阳市房产管理局,,..2018,rename,${successor},,机构改革 2019: 衡阳市房产管理局 became 衡阳市住房保障服务中心`]);
    expect(agencyOf(after, 'hengyang-2018')).toBe(successor);
    expect(after.pages.has(old)).toBe(false);
    expect(after.pages.get(successor)).toContain(old);
    expect(after.report.agencies.changes).toEqual([expect.objectContaining({ line: 2, change: 'rename', from: [old], to: successor, joined: 1 })]);
  });

  it('splits off the years of a body of its own, listed, with no forward while the name’s own id lives on', async () => {
    const files = { 'hengyang-2023.txt': HENGYANG, 'hengyang-2016.txt': earlier(HENGYANG, 7), 'hengyang-2021.txt': earlier(HENGYANG, 2) };
    const built = await build(files, ['衡阳市住房保障服务中心,,2015-2017,split,,,an earlier centre of the same name (dissolved in 2018)']);
    const id = agencyOf(built, 'hengyang-2023') as string;
    const split = agencyOf(built, 'hengyang-2016') as string;
    expect(agencyOf(built, 'hengyang-2021')).toBe(id);
    expect(split).toMatch(/^430400-[0-9a-z]{11}$/);
    expect(split).not.toBe(id);
    expect(built.report.agencies.changes).toEqual([{ line: 2, change: 'split', from: [id], to: split, reports: ['hengyang-2016'], joined: 0 }]);
    expect(built.report.agencies.forwards).toEqual([]);
    expect([...built.pages.keys()].sort()).toEqual([id, split].sort());
  });

  it('refuses bad rows with their line and field, and applies none of them', async () => {
    const built = await build({ 'hengyang-2023.txt': HENGYANG, 'hengyang-2018.txt': earlier(HENGYANG, 5) }, [
      '衡阳市住房保障服务中心,,2018,rename,,,no successor given',
      '衡阳市住房保障服务中心,,-2017,split,,,years a spreadsheet reads as a number',
      '衡阳市住房保障服务中心,,2019-,merge,430400-4siq479pxt,,same_as one digit short',
    ]);
    expect(built.report.overrides.errors).toEqual([
      expect.stringMatching(/^line 2, same_as: a rename needs same_as/),
      expect.stringMatching(/^line 3, years: "-2017" would be read by a spreadsheet as a negative number: write \.\.2017/),
      expect.stringMatching(/^line 4, same_as: "430400-4siq479pxt" is not an agency id/),
    ]);
    expect(built.report.overrides.applied).toEqual([]);
    expect(built.report.agencies).toEqual({ changes: [], forwards: [] });
    expect(agencyOf(built, 'hengyang-2018')).toBe(agencyOf(built, 'hengyang-2023'));
  });
});
