import { describe, expect, it } from 'vitest';
import { agencyBody, agencyId, hash } from '../../src/lib/agency/agency-id.ts';
import { resolveAgency } from '../../src/lib/agency/resolve.ts';
import type { Agency } from '../../src/lib/schema.ts';

const resolved = (name: string, text = ''): Agency => resolveAgency(name, text).agency;

describe('agencyBody', () => {
  it('takes the division names off the front, in full or short form', () => {
    expect(agencyBody(resolved('淮安市洪泽区人民政府'))).toBe('人民政府');
    expect(agencyBody(resolved('江苏省淮安市洪泽区人民政府'))).toBe('人民政府');
    expect(agencyBody(resolved('北京市规划和自然资源委员会'))).toBe('规划和自然资源委员会');
  });
  it('keeps a name that is only a place, and a party prefix', () => {
    expect(agencyBody({ name: '洪泽区', canonical_name: null, province: '江苏省', city: '淮安市', county: '洪泽区', township: null })).toBe('洪泽区');
    expect(agencyBody({ name: '中共淮安市委办公室', canonical_name: null, province: '江苏省', city: '淮安市', county: null, township: null })).toBe('中共委办公室');
  });
  it('reads the canonical name before the printed one and ignores spaces', () => {
    expect(agencyBody({ name: '区发改局', canonical_name: '洪泽区发展和改革局', province: '江苏省', city: '淮安市', county: '洪泽区', township: null })).toBe('发展和改革局');
    expect(agencyBody({ name: '淮安市 洪泽区 人民政府', canonical_name: null, province: '江苏省', city: '淮安市', county: '洪泽区', township: null })).toBe('人民政府');
  });
  it('is null without a name', () => {
    expect(agencyBody({ name: null, canonical_name: null, province: null, city: null, county: null, township: null })).toBeNull();
  });
});

describe('agencyId', () => {
  it('gives two spellings of one body in one division the same id', () => {
    const a = resolved('淮安市洪泽区人民政府');
    const b = resolved('洪泽区人民政府', '淮安市洪泽区');
    expect(a.division_code).toBe(b.division_code);
    expect(agencyId(a)).toBe(agencyId(b));
    expect(agencyId(a)).toMatch(/^320813-[0-9a-z]{11}$/);
  });
  it('tells apart different bodies and different divisions', () => {
    const government = agencyId(resolved('淮安市洪泽区人民政府'));
    expect(agencyId(resolved('淮安市洪泽区财政局'))).not.toBe(government);
    expect(agencyId(resolved('淮安市淮阴区人民政府'))).not.toBe(government);
  });
  it('marks national bodies and agencies with no place', () => {
    expect(agencyId(resolved('国家统计局'))).toMatch(/^cn-/);
    expect(agencyId({ ...resolved('某某中心'), division_code: null, level: null })).toMatch(/^xx-/);
    expect(agencyId(resolved(''))).toBeNull();
  });
  it('is the same on every call (no state, no order)', () => {
    const names = ['淮安市洪泽区人民政府', '国家统计局', '北京市规划和自然资源委员会'];
    const first = names.map((n) => agencyId(resolved(n)));
    const again = [...names].reverse().map((n) => agencyId(resolved(n))).reverse();
    expect(again).toEqual(first);
  });
});

describe('hash', () => {
  /** 64-bit FNV-1a with BigInt, as the definition reads. */
  function fnv1a64(text: string): string {
    let h = 0xcbf29ce484222325n;
    for (let i = 0; i < text.length; i++) {
      h ^= BigInt(text.charCodeAt(i));
      h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
    }
    return h.toString(36).padStart(13, '0').slice(-11);
  }

  it('is 64-bit FNV-1a of the UTF-16 code units, in 11 base-36 digits, for any text', () => {
    const texts = ['', '人民政府', '江苏省/淮安市//|住房公积金管理中心#2015..2017', '\uffff\u0000\ud83d\ude00'];
    // Code units from every part of the range, lengths 1 to 40 (a fixed generator: the same texts every run).
    let seed = 1;
    const next = () => (seed = (Math.imul(seed, 48271) >>> 0) % 0x7fffffff);
    for (let n = 0; n < 2000; n++) texts.push(String.fromCharCode(...Array.from({ length: 1 + (n % 40) }, () => next() & 0xffff)));
    for (const text of texts) expect(hash(text), JSON.stringify(text)).toBe(fnv1a64(text));
  });
});
