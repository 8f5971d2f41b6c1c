import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyOverrides, parseOverrides } from '../../src/lib/dataset/overrides.ts';
import { emptyAgency } from '../../src/lib/schema.ts';
import { parseReport } from '../../src/lib/parse/index.ts';

const file = 'data/reports/004_d14223c41a91255a.txt';
const base = parseReport(readFileSync(file, 'utf8'), { file, sha256: 'x', format: 'txt' });
const record = { ...base, id: 'r1', agency: { ...emptyAgency('城关镇人民政府'), level: 'township' as const, kind: 'government' as const } };

describe('agencies.csv overrides', () => {
  it('reads rows, skips comments, and a correction by name wins over inference', () => {
    const text = '# corrections\nname,id,province,city,county,township,division_code,level,kind,sector,note\n城关镇人民政府,,甘肃省,天水市,武山县,城关镇,620524100,,,,checked on the site\n';
    const { overrides, errors } = parseOverrides(text);
    expect(errors).toEqual([]);
    const { record: fixed, applied } = applyOverrides(record, overrides);
    expect(fixed.agency).toMatchObject({ province: '甘肃省', city: '天水市', county: '武山县', township: '城关镇', division_code: '620524100', level: 'township' });
    expect(applied).toEqual([{ line: 3, fields: ['province', 'city', 'county', 'township', 'division_code'] }]);
  });

  it('an id row applies to that report only and can set the name', () => {
    const { overrides } = parseOverrides('name,id,sector\n某某中心,r1,housing\n');
    expect(applyOverrides(record, overrides).record.agency).toMatchObject({ name: '某某中心', sector: 'housing' });
    expect(applyOverrides({ ...record, id: 'r2' }, overrides).applied).toEqual([]);
  });

  it('names the line of every bad row and ignores the bad value', () => {
    const { overrides, errors } = parseOverrides('name,level,colour\n城关镇人民政府,city\n,\n');
    expect(errors).toEqual([
      'agencies.csv line 1: unknown column "colour"',
      'agencies.csv line 2: level "city" is not one of central, province, prefecture, county, township',
      'agencies.csv line 3: needs a name or an id',
    ]);
    expect(overrides[0]?.set).toEqual({});
  });
});
