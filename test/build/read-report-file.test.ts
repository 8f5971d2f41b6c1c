import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readReportFile } from '../../scripts/lib/read-report-file.ts';
import { makePdf } from '../extract/fixtures/make-pdf.ts';

const text = readFileSync('data/reports/003_d3db7aba37f28c73.txt', 'utf8');

describe('readReportFile', () => {
  it('reads UTF-8 text as is', async () => {
    expect(await readReportFile(Buffer.from(text, 'utf8'), 'a.txt')).toMatchObject({ ok: true, format: 'txt', text });
  });

  it('reads UTF-16 with a byte-order mark and CRLF line ends (NUL bytes, but text)', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replaceAll('\n', '\r\n'), 'utf16le')]);
    expect(await readReportFile(bytes, 'a.txt')).toMatchObject({ ok: true, format: 'txt', text });
  });

  it('reads GBK bytes as GB18030', async () => {
    const result = await readReportFile(iconv.encode(text, 'gbk'), 'a.txt');
    expect(result).toMatchObject({ ok: true, text });
  });

  it('refuses empty, blank and binary files with the reason', async () => {
    expect(await readReportFile(new Uint8Array(0), 'a.txt')).toMatchObject({ ok: false, reason: 'empty' });
    expect(await readReportFile(Buffer.from(' \n\t\n'), 'a.txt')).toMatchObject({ ok: false, reason: 'empty' });
    expect(await readReportFile(Buffer.from([0x41, 0x00, 0x42, 0x00, 0x00, 0x01]), 'a.txt')).toMatchObject({ ok: false, reason: 'binary' });
    const png = await readReportFile(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]), 'scan.png');
    expect(png).toMatchObject({ ok: false, reason: 'binary', detail: expect.stringMatching(/PNG image/) });
  });
});

describe('readReportFile decides by the bytes, as the extractor does', () => {
  const page = `<!DOCTYPE html><html><head><meta charset="gbk"><title>报告</title></head><body><p>一、总体情况</p><table><tr><td>规章</td><td>1</td></tr></table></body></html>`;

  it('a web page saved as .txt is read as HTML, with a warning naming what was done', async () => {
    const result = await readReportFile(iconv.encode(page, 'gbk'), 'a.txt');
    expect(result).toEqual({ ok: true, format: 'html', text: '报告\n一、总体情况\n| 规章 | 1 |', diagnostics: [{ code: 'format_not_as_named', section: 'file', values: { found: 'html', named: 'txt' } }] });
  });

  it('a report in a script string is read from it', async () => {
    const result = await readReportFile(Buffer.from(`var content = "<p>一、总体情况<\\/p><table><tr><td>规章<\\/td><td>1<\\/td><\\/tr><\\/table>";`), 'a.txt');
    expect(result).toMatchObject({ ok: true, format: 'html', text: '一、总体情况\n| 规章 | 1 |' });
  });

  it('refuses old .doc and zips that are not .docx as unsupported, whatever their names', async () => {
    const doc = await readReportFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), 'a.txt');
    expect(doc).toEqual({ ok: false, reason: 'unsupported', detail: 'a.txt: old Word (.doc) or Excel (.xls) file: not read; save it as .docx' });
    const zip = await readReportFile(zipSync({ 'a.txt': strToU8('一、总体情况') }), 'report.docx');
    expect(zip).toMatchObject({ ok: false, reason: 'unsupported', detail: expect.stringMatching(/zip archive without word\/document\.xml/) });
  });

  it('reads a PDF named .txt as PDF', async () => {
    const result = await readReportFile(makePdf([{ texts: [{ x: 72, y: 700, text: '一、总体情况', font: 'cjk', size: 12 }] }]), 'a.txt');
    expect(result).toMatchObject({ ok: true, format: 'pdf', text: '一、总体情况', diagnostics: [{ code: 'format_not_as_named', section: 'file', values: { found: 'pdf', named: 'txt' } }] });
  });
});
