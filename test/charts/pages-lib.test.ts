import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RESIZE_MESSAGE } from '../../src/lib/charts/embed.ts';
import { peerIndex } from '../../src/lib/charts/peers.ts';
import { tileData, tileOf, TILES } from '../../src/lib/charts/tilegrid.ts';
import { factsFile, record } from './helpers.ts';

describe('tile grid', () => {
  it('gives every province its own square', () => {
    const places = new Set(TILES.map((t) => `${t.col},${t.row}`));
    expect(places.size).toBe(TILES.length);
    expect(TILES.length).toBe(34);
  });

  it('places the data’s province names and lists the ones it cannot place', () => {
    expect(tileOf('内蒙古自治区')?.code).toBe('15');
    expect(tileOf('广西壮族自治区')?.en).toBe('Guangxi');
    const { data, min, max, unplaced } = tileData(new Map<string, number | null>([['广东省', 10], ['北京市', 30], ['火星', 5], ['湖南省', null]]));
    expect([min, max]).toEqual([5, 30]);
    expect(unplaced).toEqual(['火星']);
    expect(data.find((d) => d.tile.code === '44')?.value).toBe(10);
    expect(data.find((d) => d.tile.code === '43')?.color).toBe('#f0f0f0');
  });
});

describe('peers', () => {
  it('computes quartiles by linear interpolation over the peers that give a value, reports without one left out', () => {
    const mk = (id: string, granted: number | undefined, answered: number | undefined) =>
      record({ id, name: id, level: 'county', sector: 'housing', year: 2023, rows: { granted, total_processed: answered } });
    // Twelve peers: eleven rates 0/20 … 20/20 by twos, one with no figures, one with none answered.
    const facts = factsFile([...Array.from({ length: 11 }, (_, i) => mk(`p${i}`, 2 * i, 20)), mk('blank', undefined, undefined), mk('none', 0, 0)]);
    const [stats] = peerIndex(facts, ['granted_share']).stats({ id: 'blank', level: 'county', sector: 'housing', year: 2023 });
    // 0, .1, … 1: positions 2.5, 5, 7.5 → .25, .5, .75 (by hand).
    expect(stats).toMatchObject({ value: null, n: null, peers: 11, tooFew: false });
    expect(stats?.p25).toBeCloseTo(0.25, 12);
    expect(stats?.p50).toBeCloseTo(0.5, 12);
    expect(stats?.p75).toBeCloseTo(0.75, 12);
    // A report outside any peer group (no sector) has no quartiles, nor a value of its own.
    const lone = factsFile([record({ id: 'x', name: 'x', level: 'county', year: 2023, rows: { granted: 1, total_processed: 10 } })]);
    expect(peerIndex(lone, ['granted_share']).stats({ id: 'x', level: 'county', sector: null, year: 2023 })[0]).toMatchObject({ value: null, peers: 0, tooFew: true, p50: null });
  });

  it('compares a report with the same level, sector and year only (itself included)', () => {
    const mk = (id: string, granted: number, level: 'county' | 'township', year = 2023, answered = 10) =>
      record({ id, name: id, level, sector: 'housing', year, rows: { granted, total_processed: answered } });
    // county · housing · 2023: itself (0.9) and nine others 0.1 … 0.9; a township and a 2022 report are not peers.
    const others = Array.from({ length: 9 }, (_, i) => mk(`p${i}`, i + 1, 'county'));
    const facts = factsFile([mk('self', 9, 'county'), ...others, mk('d', 8, 'township'), mk('e', 7, 'county', 2022)]);
    const [stats] = peerIndex(facts, ['granted_share']).stats({ id: 'self', level: 'county', sector: 'housing', year: 2023 });
    expect(stats).toMatchObject({ measure: 'granted_share', value: 0.9, n: 10, peers: 10, tooFew: false });
    // sorted: .1 .2 .3 .4 .5 .6 .7 .8 .9 .9 → positions 2.25, 4.5, 6.75
    expect(stats?.p25).toBeCloseTo(0.325, 12);
    expect(stats?.p50).toBeCloseTo(0.55, 12);
    expect(stats?.p75).toBeCloseTo(0.775, 12);
  });

  it('hides the quartiles below MIN_N peers, and leaves out peers whose rate rests on fewer than MIN_N cases', () => {
    const mk = (id: string, granted: number, answered: number) => record({ id, name: id, level: 'county', sector: 'housing', year: 2023, rows: { granted, total_processed: answered } });
    // Nine peers with 10 answered, and one whose 1 of 2 (50%) is under the rule.
    const facts = factsFile([...Array.from({ length: 9 }, (_, i) => mk(`p${i}`, i, 10)), mk('small', 1, 2)]);
    const [stats] = peerIndex(facts, ['granted_share']).stats({ id: 'small', level: 'county', sector: 'housing', year: 2023 });
    expect(stats).toMatchObject({ value: 0.5, n: 2, peers: 9, tooFew: true, p25: null, p50: null, p75: null });
  });
});

describe('embed resize script', () => {
  it('listens for the message the embed page posts', () => {
    expect(readFileSync('public/embed-resize.js', 'utf8')).toContain(`'${RESIZE_MESSAGE}'`);
  });
});

describe('filter option lists', () => {
  it('narrows cities by province and counties by city, indexed once', async () => {
    const { indexOptions } = await import('../../src/client/filters.ts');
    const facts = factsFile([
      record({ id: 'a', name: 'A', province: '广东省', city: '广州市', sector: 'housing', year: 2023 }),
      record({ id: 'b', name: 'B', province: '广东省', city: '深圳市', year: 2021 }),
      record({ id: 'c', name: 'C', province: '北京市', city: null, sector: 'education', year: 2023 }),
    ]);
    facts.columns.county = ['天河区', null, null];
    const lists = indexOptions(facts);
    expect(lists.provinces).toEqual(['北京市', '广东省']);
    expect(lists.cities.get('广东省')).toEqual(['广州市', '深圳市']);
    expect(lists.cities.get('北京市')).toBeUndefined();
    expect(lists.counties.get('广东省|广州市')).toEqual(['天河区']);
    expect(lists.sectors).toEqual(['education', 'housing']);
    expect(lists.years).toEqual(['2021', '2023']);
  });
});
