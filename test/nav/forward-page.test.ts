import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeForwardPages } from '../../src/integrations/forward-pages.ts';
import { forwardPageHtml } from '../../src/lib/nav/forward-page.ts';

let dist: string | undefined;
afterEach(() => dist && rmSync(dist, { recursive: true, force: true }));

const agency = (id: string, name: string, former: string[]) => ({ id, name, former, reports: [] });

describe('the pages of an agency’s earlier addresses', () => {
  it('forward at once to the agency’s page in the reader’s language, named and escaped, and are not indexed', () => {
    const zh = forwardPageHtml({ lang: 'zh', name: '某局<"&>', agencyId: '320813-abc', base: '/tp', site: 'https://data.example.org/' });
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self'">`);
    expect(zh).not.toMatch(/<script|<style|\sstyle=/);
    expect(zh).toContain('<meta http-equiv="refresh" content="0; url=/tp/agency/320813-abc/">');
    expect(zh).toContain('<meta name="robots" content="noindex">');
    expect(zh).toContain('<link rel="canonical" href="https://data.example.org/tp/agency/320813-abc/">');
    expect(zh).toContain('<link rel="icon" href="/tp/favicon.svg"');
    expect(zh).toContain('此页已移到：<a href="/tp/agency/320813-abc/" lang="zh-CN">某局&lt;&quot;&amp;&gt;</a>');
    const en = forwardPageHtml({ lang: 'en', name: '某局', agencyId: '320813-abc', base: '/', site: null });
    expect(en).toContain('<meta http-equiv="refresh" content="0; url=/en/agency/320813-abc/">');
    expect(en).toContain('<link rel="canonical" href="/en/agency/320813-abc/">');
    expect(en).toContain('This page has moved to: ');
  });

  it('are written for every earlier address of every agency in the served index, in both languages, and never over a page of the site', () => {
    dist = mkdtempSync(join(tmpdir(), 'forwards-'));
    mkdirSync(join(dist, 'data'));
    const index = { agencies: [agency('110102-a', '甲局', ['r1', 'r2']), agency('110102-b', '乙局', []), agency('110102-c', '丙局', ['110102-old'])] };
    writeFileSync(join(dist, 'data', 'agencies.json'), JSON.stringify(index));
    expect(writeForwardPages(dist, '/', null)).toBe(6);
    expect(readFileSync(join(dist, 'agency', 'r2', 'index.html'), 'utf8')).toContain('url=/agency/110102-a/');
    expect(readFileSync(join(dist, 'en', 'agency', '110102-old', 'index.html'), 'utf8')).toContain('url=/en/agency/110102-c/');

    mkdirSync(join(dist, 'agency', 'r9'));
    writeFileSync(join(dist, 'agency', 'r9', 'index.html'), 'a page');
    writeFileSync(join(dist, 'data', 'agencies.json'), JSON.stringify({ agencies: [agency('110102-d', '丁局', ['r9'])] }));
    expect(() => writeForwardPages(dist as string, '/', null)).toThrow(/r9 of agency 110102-d is a page of the site already/);
    expect(readFileSync(join(dist, 'agency', 'r9', 'index.html'), 'utf8')).toBe('a page');
  });

  it('are none when the site has no agency index', () => {
    dist = mkdtempSync(join(tmpdir(), 'forwards-'));
    expect(writeForwardPages(dist, '/', null)).toBe(0);
  });
});
