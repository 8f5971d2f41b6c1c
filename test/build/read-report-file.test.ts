import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readReportFile } from '../../scripts/lib/read-report-file.ts';

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
