import { describe, expect, it } from 'vitest';
import { parseSources, sourceLookup, sourceProblemText, sourcesCsv, sourceUrl, withSourceUrl, type SourceRow } from '../../src/lib/dataset/sources.ts';
import { emptyRecord } from '../../src/lib/schema.ts';

const row = (over: Partial<SourceRow>): SourceRow => ({
  id: 'a',
  file: 'a.html',
  address: 'http://x.gov.cn/a.html',
  final_address: null,
  list_page: null,
  link_text: null,
  fetched_at: null,
  http_status: null,
  content_type: null,
  bytes: null,
  sha256: null,
  etag: null,
  last_modified: null,
  ...over,
});

describe('sources.csv', () => {
  it('round-trips what the collector writes, quoting commas and quotes', () => {
    const rows = [
      row({
        final_address: 'http://x.gov.cn/b.html',
        list_page: 'http://x.gov.cn/ndbg/index.html',
        link_text: 'XX局2023年政府信息公开工作年度报告, "全文"',
        fetched_at: '2026-12-02T12:00:00Z',
        http_status: 200,
        content_type: 'text/html; charset=gbk',
        bytes: 1234,
        sha256: 'ab'.repeat(32),
        etag: '"x-1"',
      }),
    ];
    const text = sourcesCsv(rows, true);
    expect(text.split('\n')[0]).toBe('id,file,address,final_address,list_page,link_text,fetched_at,http_status,content_type,bytes,sha256,etag,last_modified');
    expect(parseSources(text)).toEqual({ rows, problems: [] });
    expect(parseSources(text + sourcesCsv([row({ id: 'b', file: 'b.pdf' })], false)).rows.map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('takes hand-written rows with only a file or an id and an address, comments and blank lines', () => {
    const text = '\uFEFFfile,address\n# saved by hand\n\nsub/XX局2023年报.pdf,http://x.gov.cn/nb.pdf\ndata/reports/c.txt,https://y.gov.cn/c.html\n';
    const { rows, problems } = parseSources(text);
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.id, r.file, r.address])).toEqual([
      ['XX局2023年报', 'sub/XX局2023年报.pdf', 'http://x.gov.cn/nb.pdf'],
      ['c', 'c.txt', 'https://y.gov.cn/c.html'],
    ]);
    expect(parseSources('id,address\nmy-report,http://x.gov.cn/r.html\n').rows[0]).toEqual(row({ id: 'my-report', file: null, address: 'http://x.gov.cn/r.html' }));
  });

  it('names each bad row by its line and ignores it', () => {
    const text = ['id,address,http_status,sha256,fetched_at,colour', ',http://x.gov.cn/a', 'b,', 'c,www.x.gov.cn/c', 'd,http://x.gov.cn/d,OK', 'e,http://x.gov.cn/e,,abc', 'f,http://x.gov.cn/f,,,yesterday', '"g', 'h",http://x.gov.cn/h'].join('\n');
    const { rows, problems } = parseSources(text);
    expect(rows.map((r) => r.id)).toEqual(['g\nh']);
    expect(problems).toEqual([
      { line: 1, code: 'unknown_column', column: 'colour' },
      { line: 2, code: 'missing_id' },
      { line: 3, code: 'missing_address' },
      { line: 4, code: 'bad_address', column: 'address', value: 'www.x.gov.cn/c' },
      { line: 5, code: 'bad_number', column: 'http_status', value: 'OK' },
      { line: 6, code: 'bad_sha256', column: 'sha256', value: 'abc' },
      { line: 7, code: 'bad_time', column: 'fetched_at', value: 'yesterday' },
    ]);
    expect(problems.map(sourceProblemText)).toContain('sources.csv line 4: address "www.x.gov.cn/c" is not an http(s) address');
    expect(parseSources('name,link\n').problems.map(sourceProblemText)).toEqual([
      'sources.csv line 1: unknown column "name" (columns: id, file, address, final_address, list_page, link_text, fetched_at, http_status, content_type, bytes, sha256, etag, last_modified)',
      'sources.csv line 1: unknown column "link" (columns: id, file, address, final_address, list_page, link_text, fetched_at, http_status, content_type, bytes, sha256, etag, last_modified)',
      'sources.csv line 1: the header needs a column "id" or "file"',
      'sources.csv line 1: the header needs a column "address"',
    ]);
  });

  it('gives a record the address it was published at: by file, else by id; the first row of a report listed twice; after redirects', () => {
    const lookup = sourceLookup([
      row({ id: 'a', file: 'a.html', address: 'http://x.gov.cn/old/a.html', final_address: 'http://x.gov.cn/2024/a.html' }),
      row({ id: 'a', file: 'a.html', address: 'http://x.gov.cn/a.html?from=zt' }),
      row({ id: 'b', file: null, address: 'http://x.gov.cn/b.html' }),
      row({ id: 'c-pdf', file: 'c.pdf', address: 'http://x.gov.cn/c.pdf' }),
    ]);
    const record = (id: string, file: string) => emptyRecord(id, { file, sha256: '', format: 'html' });
    expect(sourceUrl(record('a', 'data/reports/a.html'), lookup)).toBe('http://x.gov.cn/2024/a.html');
    expect(sourceUrl(record('b', 'data/reports/b.txt'), lookup)).toBe('http://x.gov.cn/b.html');
    // The build gave c.pdf the id c-pdf because c.html exists too; the file still finds it.
    expect(sourceUrl(record('c-pdf', 'data/reports/c.pdf'), lookup)).toBe('http://x.gov.cn/c.pdf');
    expect(withSourceUrl(record('z', 'data/reports/z.txt'), lookup).source).toEqual({ file: 'data/reports/z.txt', sha256: '', format: 'html', url: null });
    expect(sourceUrl(record('x', 'test/tmp/reports/c.pdf'), lookup, 'test/tmp/reports/')).toBe('http://x.gov.cn/c.pdf');
    expect(withSourceUrl(record('b', 'data/reports/b.txt'), lookup).source.url).toBe('http://x.gov.cn/b.html');
  });
});
