import { describe, expect, it } from 'vitest';
import { agencyChanges, type AgencyOfReport } from '../../src/lib/agency/changes.ts';
import { agencyEntries, type AgencyRow } from '../../src/lib/dataset/agency-index.ts';

const report = (id: string, agencyId: string, change: AgencyOfReport['change'] = null, formerIds: string[] = []): AgencyOfReport => ({ id, agencyId, change, formerIds });

describe('agencyChanges', () => {
  it('lists each row and agency it led to, with the ids before, the reports moved and those already there', () => {
    const { changes } = agencyChanges([
      report('b', 'T', { line: 4, change: 'rename', from: 'B', to: 'T' }, ['B']),
      report('a', 'T', { line: 4, change: 'rename', from: 'A', to: 'T' }, ['A']),
      report('t', 'T'),
      report('s', 'S2', { line: 2, change: 'split', from: 'S', to: 'S2' }, ['S']),
      report('s0', 'S'),
    ]);
    expect(changes).toEqual([
      { line: 2, change: 'split', from: ['S'], to: 'S2', reports: ['s'], joined: 0 },
      { line: 4, change: 'rename', from: ['A', 'B'], to: 'T', reports: ['a', 'b'], joined: 1 },
    ]);
  });

  it('forwards an old id no agency has any more, to where most of its reports went; never an id still in use', () => {
    const { forwards } = agencyChanges([
      report('1', 'X', null, ['OLD', 'S']),
      report('2', 'Y', null, ['OLD']),
      report('3', 'Y', null, ['OLD']),
      report('4', 'S'),
      report('5', 'Z', null, ['GONE']),
    ]);
    expect(forwards).toEqual([
      { from: 'GONE', to: 'Z' },
      { from: 'OLD', to: 'Y' },
    ]);
  });

  it('has nothing to list when no row changed an id', () => {
    expect(agencyChanges([report('1', 'X'), report('2', 'X')])).toEqual({ changes: [], forwards: [] });
  });
});

describe('the agency index with forwards', () => {
  it('adds each old agency id to the page it forwards to, after the reports’ ids; never one that is an agency’s address now', () => {
    const row = (id: string, agencyId: string, agency: string): AgencyRow => ({
      id, agency_id: agencyId, agency, year: 2023, province: '广东省', city: null, county: null, township: null, division_code: '440000', level: 'province', kind: 'department', sector: null,
    });
    const entries = agencyEntries([row('r1', '440000-aaaaaaaaaaa', '甲局'), row('r2', '440000-bbbbbbbbbbb', '乙局')], [
      { from: '440000-0000000old1', to: '440000-aaaaaaaaaaa' },
      { from: '440000-bbbbbbbbbbb', to: '440000-aaaaaaaaaaa' },
    ]);
    expect(entries.map((e) => [e.id, e.former])).toEqual([
      ['440000-aaaaaaaaaaa', ['r1', '440000-0000000old1']],
      ['440000-bbbbbbbbbbb', ['r2']],
    ]);
  });
});
