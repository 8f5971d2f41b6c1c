/** `npm run parse -- FILE…`: one record per file as a JSON array; bad files get an error, not a crash. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { readRecord } from '../../scripts/lib/read-record.ts';
import { reportId } from '../../src/lib/parse/index.ts';
import type { ReportRecord } from '../../src/lib/schema.ts';
import { gbkScriptPage } from '../extract/fixtures/js-literal.ts';

function parse(args: string[], input?: Uint8Array) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/parse.ts', ...args], { encoding: 'utf8', input });
}

describe('npm run parse', () => {
  it('reads standard input for -, exits 0 when every file gave a report, and prints its usage for --help', () => {
    const seed = readFileSync('data/reports/004_d14223c41a91255a.txt');
    const run = parse(['-'], seed);
    expect(run.status, run.stderr).toBe(0);
    const [record] = JSON.parse(run.stdout) as ReportRecord[];
    expect(record).toMatchObject({ id: 'stdin', source: { file: 'stdin' }, error: null });
    expect(record!.applications.new.total).toBe(14);
    const help = parse(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^usage: npm run parse -- FILE… {3}\(- reads standard input\)/);
    expect(parse([]).status).toBe(2);
    expect(parse(['--bogus']).stderr).toMatch(/^parse: unknown option --bogus\nusage:/);
  });

  it('prints one record per file, in order, with the agency resolved and errors as values', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parse-cli-'));
    const news = join(dir, 'news.txt');
    writeFileSync(news, '东莞召开全市经济工作会议。会议指出，全市经济稳中向好。');
    const run = parse(['data/reports/004_d14223c41a91255a.txt', news, join(dir, 'missing.txt'), dir]);
    // Every record printed; the exit status says some file gave no report, and each is named once.
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`parse: 3 of 4 files gave no report:\n  ${news}: not_a_report: not a report: the text never mentions 信息公开 or 政务公开\n  ${join(dir, 'missing.txt')}: cannot read: no such file\n  ${dir}: cannot read: it is a folder, not a file: give the files in it\n`);
    const records = JSON.parse(run.stdout) as ReportRecord[];
    expect(records.map((r) => r.id)).toEqual(['004_d14223c41a91255a', 'news', 'missing', dir.split('/').pop()]);
    expect(records[0]!.agency).toMatchObject({ name: '厚街镇人民政府', province: '广东省', city: '东莞市', township: '厚街镇', level: 'township' });
    expect(records[0]!.applications.new.total).toBe(14);
    expect(records[0]!.error).toBeNull();
    expect(records[1]!.error).toMatch(/not a report/);
    expect(records[2]!.error).toMatch(/cannot read/);
    for (const r of records) expect(Object.keys(r.applications)).toHaveLength(25);
  });

  it('reads every file as the build does: the reader from the bytes, the same record or the same refusal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parse-cli-'));
    const seed = readFileSync('data/reports/003_d3db7aba37f28c73.txt', 'utf8');
    const files: Record<string, Uint8Array> = {
      'script-page.txt': gbkScriptPage(seed),
      'page.txt': new TextEncoder().encode(`<!DOCTYPE html><html><body>${seed.split('\n').map((line) => `<p>${line.replaceAll('<', '&lt;')}</p>`).join('\n')}</body></html>`),
      'scan.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      'old.doc': new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]),
      'archive.docx': zipSync({ 'a.txt': strToU8(seed) }),
    };
    const paths = Object.keys(files).map((name) => join(dir, name));
    Object.values(files).forEach((bytes, i) => writeFileSync(paths[i]!, bytes));
    const run = parse(paths);
    expect(run.status).toBe(1);
    const records = JSON.parse(run.stdout) as ReportRecord[];
    const built = await Promise.all(paths.map((path) => readRecord(new Uint8Array(readFileSync(path)), path, reportId(path))));

    expect(records.map((r) => r.source.format)).toEqual(['html', 'html', 'txt', 'txt', 'txt']);
    expect(records.map((r) => r.error)).toEqual([
      null,
      null,
      `binary: ${paths[2]}: not a text, HTML, PDF or Word (.docx) file: PNG image`,
      `unsupported: ${paths[3]}: old Word (.doc) or Excel (.xls) file: not read; save it as .docx`,
      `unsupported: ${paths[4]}: zip archive without word/document.xml: not a Word .docx document, not read`,
    ]);
    built.forEach((read, i) => {
      if (read.ok) expect(records[i]).toEqual(read.record);
      else expect(records[i]!.error).toBe(`${read.reason}: ${read.detail}`);
    });
    expect(built.map((read) => read.ok)).toEqual([true, true, false, false, false]);
    expect(records[0]!.applications).toEqual(records[1]!.applications);
    expect(records[0]!.diagnostics.slice(0, 2).map((d) => d.code)).toEqual(['format_not_as_named', 'report_in_script_string']);
  });
});
