import { describe, expect, it } from 'vitest';
import { agencyIndex, agencyOfReport, agencyYears, type AgencyEntry } from '../../src/lib/dataset/agency-index.ts';
import { flaggedReports } from '../../src/lib/dataset/flagged.ts';
import type { ReportRecord } from '../../src/lib/schema.ts';
import { factsFile, record } from '../charts/helpers.ts';

/** The index the data build writes for these records (from their fact rows, as write-outputs.ts does). */
function index(records: ReportRecord[]): AgencyEntry[] {
  const facts = factsFile(records);
  return agencyIndex(facts.columns, facts.count, 1).agencies;
}

describe('agency index', () => {
  it('groups an agency’s years under its permanent id, latest first, and forwards its reports’ ids to it', () => {
    const agencies = index([
      record({ id: 'b2023', name: '甲局', province: '广东省', year: 2023 }),
      record({ id: 'a2021', name: '甲局', province: '广东省', year: 2021 }),
      record({ id: 'c', name: '乙局', province: '广东省', year: 2023 }),
    ]);
    expect(agencies).toHaveLength(2);
    const jia = agencies.find((a) => a.name === '甲局')!;
    const yi = agencies.find((a) => a.name === '乙局')!;
    expect(jia.id).toMatch(/^xx-[0-9a-z]{11}$/);
    expect(jia.id).not.toBe(yi.id);
    expect(jia.reports).toEqual([{ id: 'b2023', year: 2023 }, { id: 'a2021', year: 2021 }]);
    expect(jia.former).toEqual(['a2021', 'b2023']);
    expect(jia.province).toBe('广东省');
    expect(agencyYears(jia)).toEqual([2021, 2023]);
    expect(agencyOfReport(agencies).get('b2023')).toBe(jia.id);
    expect(agencies.map((a) => a.id)).toEqual([...agencies.map((a) => a.id)].sort());
  });

  it('lists every agency once, with every report once', () => {
    const records = Array.from({ length: 60 }, (_, i) => record({ id: `r${String(i).padStart(2, '0')}`, name: `局${i % 17}`, province: i % 2 ? '广东省' : '北京市', year: 2019 + (i % 5) }));
    const agencies = index(records);
    expect(new Set(agencies.map((a) => a.id)).size).toBe(agencies.length);
    expect(agencies.flatMap((a) => a.reports.map((r) => r.id)).sort()).toEqual(records.map((r) => r.id).sort());
    // 17 names × 2 provinces, each name in both (i and i + 17 differ in parity).
    expect(agencies).toHaveLength(34);
  });

  it('keeps an agency’s address when an older report of it is added', () => {
    const later = index([record({ id: 'z2023', name: '甲局', province: '广东省', year: 2023 })]);
    const withOlder = index([record({ id: 'z2023', name: '甲局', province: '广东省', year: 2023 }), record({ id: 'a2019', name: '甲局', province: '广东省', year: 2019 })]);
    expect(withOlder).toHaveLength(1);
    expect(withOlder[0]!.id).toBe(later[0]!.id);
    expect(withOlder[0]!.former).toEqual(['a2019', 'z2023']);
  });

  it('merges two spellings of one body in one division, keeps same names in different places apart', () => {
    const inDivision = (id: string, name: string, year: number) => {
      const r = record({ id, name, province: '江苏省', city: '淮安市', year });
      r.agency.county = '洪泽区';
      r.agency.division_code = '320813';
      return r;
    };
    const merged = index([inDivision('h2023', '洪泽区人民政府', 2023), inDivision('h2024', '淮安市洪泽区人民政府', 2024)]);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.name).toBe('淮安市洪泽区人民政府');
    expect(merged[0]!.names).toEqual(['淮安市洪泽区人民政府', '洪泽区人民政府']);
    expect(merged[0]!.division_code).toBe('320813');
    const apart = index([record({ id: 'g', name: '甲局', province: '广东省', year: 2023 }), record({ id: 'b', name: '甲局', province: '北京市', year: 2023 })]);
    expect(apart).toHaveLength(2);
  });

  it('gives a report with no agency name its own page, addressed by its id', () => {
    const nameless = record({ id: 'n1', name: '甲局', year: 2022 });
    nameless.agency.name = null;
    const [only] = index([nameless]);
    expect(only).toMatchObject({ id: 'n1', name: 'n1', names: [], former: [] });
  });
});

describe('flagged reports', () => {
  it('lists reports with failed checks or diagnostics, worst first, and counts those left out', () => {
    const mk = (id: string, failed: number, notes: number) => {
      const r = record({ id, name: id, year: 2023 });
      r.checks = Array.from({ length: failed + 1 }, (_, i) => ({ rule: 'applications_balance', ok: i >= failed, section: 'applications', values: {} }) as ReportRecord['checks'][number]);
      r.diagnostics = Array.from({ length: notes }, () => ({ code: 'applications_total_only', section: 'applications', values: {} }) as ReportRecord['diagnostics'][number]);
      return r;
    };
    const facts = factsFile([mk('clean', 0, 0), mk('a', 1, 0), mk('b', 2, 1), mk('c', 0, 3), mk('d', 2, 0)]);
    expect(flaggedReports(facts, 10)).toEqual({ ids: ['b', 'd', 'a', 'c'], total: 4 });
    expect(flaggedReports(facts, 2)).toEqual({ ids: ['b', 'd'], total: 4 });
  });
});
