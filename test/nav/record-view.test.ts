import { describe, expect, it } from 'vitest';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { peerIndex, PEER_MEASURES } from '../../src/lib/charts/peers.ts';
import { decodePeers, encodePeers, recordInShard, recordViewHtml } from '../../src/lib/nav/record-view.ts';
import { factsFile, record } from '../charts/helpers.ts';

const HOSTILE = '"><img src=x onerror=alert(1)>';

function hostileRecord() {
  const r = record({ id: 'r1', name: '甲局', province: '广东省', level: 'county', sector: 'housing', year: 2023, rows: { new: 12, granted: 7, total_processed: 10 } });
  r.applications.new.natural = 12;
  r.metrics.website_visits = 637;
  r.metric_sources.website_visits = { sentence: `网站访问量637次${HOSTILE}`, raw: '637', approximate: true };
  r.diagnostics.push({ code: 'agency_name_from_prose', section: 'metadata', values: { name: HOSTILE } } as (typeof r.diagnostics)[number]);
  return r;
}

describe('record view', () => {
  it('shows section 三 with every applicant column, section 四, the prose figures and their sentences, in both languages', () => {
    const r = hostileRecord();
    for (const lang of ['zh', 'en'] as const) {
      const doc = parseDocument(recordViewHtml(r, lang, []));
      const apps = DomUtils.findOne((e) => e.attribs['data-applications'] !== undefined, doc.children) as Element;
      expect(DomUtils.findAll((e) => e.name === 'th' && e.attribs.scope === 'col', [apps])).toHaveLength(7);
      expect(DomUtils.findAll((e) => e.name === 'tr', [apps]).length).toBeGreaterThan(20);
      const text = DomUtils.textContent(doc);
      expect(text).toContain('12');
      expect(text).toContain(`网站访问量637次${HOSTILE}`);
      expect(DomUtils.findAll((e) => e.attribs['data-code'] === 'agency_name_from_prose', doc.children)).toHaveLength(1);
    }
  });

  it('keeps text from files as text: no element or handler comes from it', () => {
    const doc = parseDocument(recordViewHtml(hostileRecord(), 'zh', []));
    const elements = DomUtils.findAll(() => true, doc.children) as Element[];
    expect(elements.filter((e) => e.name === 'img')).toEqual([]);
    expect(elements.flatMap((e) => Object.keys(e.attribs).filter((a) => /^on/i.test(a)))).toEqual([]);
  });

  it('shows where the report stands among its peers from the figures the page carries, quartiles only with enough peers', () => {
    const mk = (id: string, granted: number) => record({ id, name: id, level: 'county', sector: 'housing', year: 2023, rows: { granted, total_processed: 10 } });
    const facts = factsFile(Array.from({ length: 12 }, (_, i) => mk(`p${i}`, i % 10)));
    const stats = peerIndex(facts, PEER_MEASURES).stats({ id: 'p9', level: 'county', sector: 'housing', year: 2023 });
    // What the page carries, read back: the figures to 4 decimals, nulls kept.
    const rows = decodePeers(encodePeers(stats), PEER_MEASURES);
    expect(rows.map((r) => r[0])).toEqual(PEER_MEASURES);
    rows.forEach((row, i) => {
      const s = stats[i]!;
      expect(row.slice(1)).toEqual([s.value, s.n, s.peers, s.p25, s.p50, s.p75].map((v) => (v === null ? null : Math.round(v * 1e4) / 1e4)));
    });
    const granted = rows.find((p) => p[0] === 'granted_share')!;
    expect(granted.slice(1, 4)).toEqual([0.9, 10, 12]);
    const doc = parseDocument(recordViewHtml(mk('p9', 9), 'en', rows));
    const row = DomUtils.findOne((e) => e.attribs['data-peer'] === 'granted_share', doc.children) as Element;
    expect(DomUtils.textContent(row)).toMatch(/^Granted.*90.*\(10\).*12$/);
    const few = parseDocument(recordViewHtml(mk('p9', 9), 'en', rows.map((p) => [p[0], p[1], p[2], 3, null, null, null])));
    expect(DomUtils.textContent(DomUtils.findOne((e) => e.attribs['data-peer'] === 'granted_share', few.children) as Element)).toContain('Too few');
    expect(recordViewHtml(mk('p9', 9), 'en', [])).not.toContain('data-peer');
  });

  it('finds a report’s record among its shard’s lines', () => {
    const a = record({ id: 'a', name: '甲', year: 2023 });
    const b = record({ id: 'b', name: '乙', year: 2022 });
    const text = `${JSON.stringify(a)}\n${JSON.stringify(b)}\n`;
    expect(recordInShard(text, 'b')?.agency.name).toBe('乙');
    expect(recordInShard(text, 'c')).toBeNull();
  });
});
