import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, type CollectResult } from '../../scripts/collect/run.ts';
import { parseSources } from '../../src/lib/dataset/sources.ts';
import { startFixtureSite, type FixtureSite } from './fixture-site.ts';

const DELAY_MS = 60;
// Generous, so a loaded machine does not time out the pages that are meant to answer; the slow page takes 3 s.
const TIMEOUT_MS = 1000;
const NOW = new Date('2026-12-02T12:00:00.250Z');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('npm run collect against a portal imitated on 127.0.0.1', () => {
  let site: FixtureSite;
  let dir: string;
  let first: CollectResult;
  let second: CollectResult;
  let refreshed: CollectResult;
  let requestsBeforeRefresh: number;
  let sourcesAfterFirst: string;
  let requestsInFirst: number;
  const reports = () => join(dir, 'reports');
  const sources = () => join(dir, 'sources.csv');
  const run = (refresh = false) =>
    collect(
      [{ line: 1, address: `${site.origin}/xxgk/ndbg/index.html`, note: 'XX市 年报专栏' }],
      { reportsDir: reports(), sourcesFile: sources(), refresh, fetch: { delayMs: DELAY_MS, timeoutMs: TIMEOUT_MS, retries: 1, backoffMs: 20 } },
      { progress: () => {}, now: () => NOW },
    );

  beforeAll(async () => {
    site = await startFixtureSite();
    dir = mkdtempSync(join(tmpdir(), 'collect-'));
    first = await run();
    sourcesAfterFirst = readFileSync(sources(), 'utf8');
    requestsInFirst = site.requests.length;
    second = await run();
    requestsBeforeRefresh = site.requests.length;
    refreshed = await run(true);
  }, 60_000);

  afterAll(async () => {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const id = (path: string) => `127_0_0_1-${path}`;

  it('saves every report as published, the wrapped attachments beside their pages, under safe stable names', () => {
    expect(readdirSync(reports()).sort()).toEqual(
      [
        `${id('xxgk-ndbg-202401-t20240115_1')}.html`,
        `${id('xxgk-ndbg-202401-t20240116_2')}.html`,
        `${id('xxgk-ndbg-202401-t20240117_3')}.html`,
        `${id('xxgk-ndbg-202401-t20240118_4')}.html`,
        `${id('xxgk-ndbg-202401-t20240118_4-人社局年报')}.pdf`,
        `${id('xxgk-ndbg-202401-t20240118_5')}.html`,
        `${id('xxgk-ndbg-202401-t20240118_5-民政局年报')}.docx`,
        `${id('xxgk-ndbg-old-jiaotong')}.html`,
        `${id('xxgk-ndbg-202401-t20240120_6')}.html`,
      ].sort(),
    );
    // The bytes as served: GBK stays GBK, UTF-8 stays UTF-8.
    expect(readFileSync(join(reports(), `${id('xxgk-ndbg-202401-t20240115_1')}.html`))).toEqual(Buffer.from(site.body('/xxgk/ndbg/202401/t20240115_1.html')));
    expect(readFileSync(join(reports(), `${id('xxgk-ndbg-202401-t20240116_2')}.html`), 'utf8')).toContain('XX市教育局2023年政府信息公开工作年度报告');
    expect(readFileSync(join(reports(), `${id('xxgk-ndbg-old-jiaotong')}.html`))).toEqual(Buffer.from(site.body('/xxgk/ndbg/202401/t20240119_5.html')));
    expect(first.counts).toEqual({ listPages: 3, saved: 9, unchanged: 0, skipped: 5, failed: 3 });
  });

  it('records each saved file in sources.csv: address, final address, list page, link text, time, status, type, size, hash', () => {
    const { rows, problems } = parseSources(sourcesAfterFirst);
    expect(problems).toEqual([]);
    const o = site.origin;
    const list = (i: number) => `${o}/xxgk/ndbg/${i === 0 ? 'index' : `index_${i}`}.html`;
    expect(rows.map((r) => [r.id, r.address, r.final_address, r.list_page, r.link_text])).toEqual([
      [id('xxgk-ndbg-202401-t20240115_1'), `${o}/xxgk/ndbg/202401/t20240115_1.html`, `${o}/xxgk/ndbg/202401/t20240115_1.html`, list(0), 'XX市财政局2023年政府信息公开工作年度报告'],
      [id('xxgk-ndbg-202401-t20240116_2'), `${o}/xxgk/ndbg/202401/t20240116_2.html`, `${o}/xxgk/ndbg/202401/t20240116_2.html`, list(0), 'XX市教育局2023年政府信息公开工作年度…'],
      [id('xxgk-ndbg-202401-t20240117_3'), `${o}/xxgk/ndbg/202401/t20240117_3.html`, `${o}/xxgk/ndbg/202401/t20240117_3.html`, list(0), 'XX市卫生健康委员会2023年政府信息公开工作年度报告'],
      [
        id('xxgk-ndbg-202401-t20240118_4-人社局年报'),
        `${o}/xxgk/ndbg/files/%C8%CB%C9%E7%BE%D6%C4%EA%B1%A8.pdf`,
        `${o}/xxgk/ndbg/files/%C8%CB%C9%E7%BE%D6%C4%EA%B1%A8.pdf`,
        list(1),
        '人社局年报.pdf',
      ],
      [id('xxgk-ndbg-202401-t20240118_4'), `${o}/xxgk/ndbg/202401/t20240118_4.html`, `${o}/xxgk/ndbg/202401/t20240118_4.html`, list(1), 'XX市人力资源和社会保障局2023年政府信息公开工作年度报告'],
      [id('xxgk-ndbg-202401-t20240118_5-民政局年报'), `${o}/xxgk/ndbg/files/download.jsp?id=9`, `${o}/xxgk/ndbg/files/download.jsp?id=9`, list(1), '民政局年报.docx'],
      [id('xxgk-ndbg-202401-t20240118_5'), `${o}/xxgk/ndbg/202401/t20240118_5.html`, `${o}/xxgk/ndbg/202401/t20240118_5.html`, list(1), 'XX市民政局2023年政府信息公开工作年度报告'],
      [id('xxgk-ndbg-old-jiaotong'), `${o}/xxgk/ndbg/old/jiaotong.html`, `${o}/xxgk/ndbg/202401/t20240119_5.html`, list(1), 'XX市交通运输局2023年政府信息公开工作年度报告'],
      [id('xxgk-ndbg-202401-t20240120_6'), `${o}/xxgk/ndbg/202401/t20240120_6.html`, `${o}/xxgk/ndbg/202401/t20240120_6.html`, list(2), 'XX市林业局2023年政府信息公开工作年度报告'],
      // The same bytes under a second address: not saved again, recorded against the report kept.
      [id('xxgk-ndbg-202401-t20240115_1'), `${o}/xxgk/ndbg/202401/t20240115_1.html?from=zt`, `${o}/xxgk/ndbg/202401/t20240115_1.html?from=zt`, list(2), 'XX市财政局2023年度政府信息公开年报'],
    ]);
    for (const row of rows) {
      const bytes = readFileSync(join(reports(), row.file as string));
      expect(row.file?.replace(/\.[a-z]+$/, '')).toBe(row.id);
      expect(row.sha256).toBe(sha256(bytes));
      expect(row.bytes).toBe(bytes.byteLength);
      expect(row.http_status).toBe(200);
      expect(row.fetched_at).toBe('2026-12-02T12:00:00Z');
    }
    expect(rows.find((r) => r.file?.endsWith('.pdf'))?.content_type).toBe('application/pdf');
    expect(rows.find((r) => r.id === id('xxgk-ndbg-202401-t20240116_2'))?.content_type).toBe('text/html; charset=utf-8');
    expect(rows[0]?.etag).toBe('"cz-1"');
  });

  it('says what it skipped and why, and what failed and why', () => {
    const o = site.origin;
    expect(first.skipped.map((s) => [s.address.slice(o.length), s.reason, s.detail])).toEqual([
      ['/xxgk/', 'not_a_report', null],
      ['/xwzx/202401/t20240110_9.html', 'not_a_report', null],
      ['/xxgk/ndbg/202401/t20240115_1.html', 'listed_twice', `${o}/xxgk/ndbg/index.html`],
      ['/xwzx/202401/t20240112_8.html', 'about_a_report', null],
      ['/xxgk/ndbg/202401/t20240115_1.html?from=zt', 'same_content', id('xxgk-ndbg-202401-t20240115_1')],
    ]);
    expect(first.failed.map((f) => [f.address.slice(o.length), f.reason])).toEqual([
      ['/xxgk/ndbg/202401/missing.html', 'HTTP 404'],
      ['/xxgk/ndbg/202401/slow.html', `no complete answer within ${TIMEOUT_MS} ms (2 attempts)`],
      ['/private/t20240121_7.html', `robots.txt of ${site.base} forbids /private/t20240121_7.html`],
    ]);
    // The forbidden path was never asked for; the 500 was asked for again and then saved.
    expect(site.requests.some((r) => r.path.startsWith('/private/'))).toBe(false);
    expect(site.requests.slice(0, requestsInFirst).filter((r) => r.path === '/xxgk/ndbg/202401/t20240120_6.html')).toHaveLength(2);
  });

  it('keeps the delay between requests to the host and names itself', () => {
    // Within each run (each run is a collector of its own).
    const runs = [site.requests.slice(0, requestsInFirst), site.requests.slice(requestsInFirst, requestsBeforeRefresh), site.requests.slice(requestsBeforeRefresh)];
    for (const times of runs.map((rs) => rs.map((r) => r.at))) {
      expect(times.length).toBeGreaterThan(5);
      for (let i = 1; i < times.length; i++) expect((times[i] as number) - (times[i - 1] as number)).toBeGreaterThanOrEqual(DELAY_MS - 2);
    }
    expect(new Set(site.requests.map((r) => r.userAgent))).toEqual(new Set([expect.stringMatching(/^gov-transparency-dashboard\/\S+ \(/)]));
    expect(site.requests[0]?.path).toBe('/robots.txt');
  });

  it('fetches nothing new on a second run: only robots.txt, the list pages and what failed are asked for again', () => {
    expect(readFileSync(sources(), 'utf8')).toBe(sourcesAfterFirst);
    expect(second.saved).toEqual([]);
    expect(second.counts).toEqual({ listPages: 3, saved: 0, unchanged: 8, skipped: 4, failed: 3 });
    expect(site.requests.slice(requestsInFirst, requestsBeforeRefresh).map((r) => r.path)).toEqual([
      '/robots.txt',
      '/xxgk/ndbg/index.html',
      '/xxgk/ndbg/index_1.html',
      '/xxgk/ndbg/202401/missing.html',
      '/xxgk/ndbg/index_2.html',
      '/xxgk/ndbg/202401/slow.html',
      '/xxgk/ndbg/202401/slow.html',
    ]);
  });

  it('with refresh asks again for every report, with its ETag when it has one, and keeps what has not changed', () => {
    const asked = site.requests.slice(requestsBeforeRefresh);
    expect(asked.find((r) => r.path === '/xxgk/ndbg/202401/t20240115_1.html')?.ifNoneMatch).toBe('"cz-1"');
    expect(asked.filter((r) => r.path.startsWith('/xxgk/ndbg/202401/t2')).map((r) => r.path).sort()).toEqual(
      [
        '/xxgk/ndbg/202401/t20240115_1.html',
        '/xxgk/ndbg/202401/t20240115_1.html?from=zt',
        '/xxgk/ndbg/202401/t20240116_2.html',
        '/xxgk/ndbg/202401/t20240117_3.html',
        '/xxgk/ndbg/202401/t20240118_4.html',
        '/xxgk/ndbg/202401/t20240118_5.html',
        '/xxgk/ndbg/202401/t20240119_5.html',
        '/xxgk/ndbg/202401/t20240120_6.html',
      ].sort(),
    );
    expect(refreshed.saved).toEqual([]);
    expect(readFileSync(sources(), 'utf8')).toBe(sourcesAfterFirst);
  });
});
