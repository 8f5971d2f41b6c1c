import { describe, expect, it } from 'vitest';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { peerIndex, PEER_MEASURES } from '../../src/lib/charts/peers.ts';
import { encodeOwnPeers, joinPeers, peerGroupFile, type PeerGroupFile } from '../../src/lib/nav/peer-figures.ts';
import { recordInShard, recordViewHtml, type PeerRow } from '../../src/lib/nav/record-view.ts';
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

  // Twelve county housing reports of 2023 (granted 0 … 9 of 10), five of 2022 (too few for quartiles), one with no sector.
  const mk = (id: string, granted: number, year = 2023) => record({ id, name: id, level: 'county', sector: 'housing', year, rows: { granted, total_processed: 10 } });
  const peerFacts = () => factsFile([...Array.from({ length: 12 }, (_, i) => mk(`p${i}`, i % 10)), ...Array.from({ length: 5 }, (_, i) => mk(`q${i}`, i, 2022)), record({ id: 'lone', name: 'lone', level: 'county', year: 2023, rows: { granted: 3, total_processed: 10 } })]);
  const VERSION = '2026-01-02 · 3f2a9c1b';
  const round = (v: number | null) => (v === null ? null : Math.round(v * 1e4) / 1e4);
  /** A report's rows as the page carries them: its section's figures joined with the group file, read back as the browser would. */
  function pageRows(index: ReturnType<typeof peerIndex>, self: Parameters<ReturnType<typeof peerIndex>['stats']>[0]): PeerRow[] {
    const group = index.groupOf(self)!;
    const file = JSON.parse(JSON.stringify(peerGroupFile(index, VERSION))) as PeerGroupFile;
    return joinPeers(encodeOwnPeers(index.stats(self)), group, file, PEER_MEASURES, VERSION);
  }

  it('joins a report’s own figures and its peer group’s, served once, into the figures of the peer index (to 4 decimals, nulls kept)', () => {
    const index = peerIndex(peerFacts(), PEER_MEASURES);
    const file = peerGroupFile(index, VERSION);
    expect(Object.keys(file.groups).sort()).toEqual(['county|housing|2022', 'county|housing|2023']);
    expect(file.measures).toEqual(PEER_MEASURES);
    for (const self of [{ id: 'p9', level: 'county', sector: 'housing', year: 2023 }, { id: 'p0', level: 'county', sector: 'housing', year: 2023 }, { id: 'q4', level: 'county', sector: 'housing', year: 2022 }]) {
      const stats = index.stats(self);
      const rows = pageRows(index, self);
      expect(rows.map((r) => r[0])).toEqual(PEER_MEASURES);
      rows.forEach((row, i) => {
        const s = stats[i]!;
        expect(row.slice(1), `${self.id} ${s.measure}`).toEqual([round(s.value), s.n, s.peers, round(s.p25), round(s.p50), round(s.p75)]);
      });
    }
    const granted = (id: string, year: number) => pageRows(index, { id, level: 'county', sector: 'housing', year }).find((p) => p[0] === 'granted_share')!;
    expect(granted('p9', 2023).slice(1, 4)).toEqual([0.9, 10, 12]);
    expect(granted('p9', 2023)[5]).not.toBeNull();
    // Five peers: below MIN_N, no quartiles.
    expect(granted('q4', 2022).slice(1)).toEqual([0.4, 10, 5, null, null, null]);
    // A report in no peer group carries no figures: its page names no group.
    expect(index.groupOf({ id: 'lone', level: 'county', sector: null, year: 2023 })).toBeNull();
  });

  it('carries a report’s own figures compactly and its group’s once: `value,n` a measure, n left out when the measure before’s', () => {
    const index = peerIndex(peerFacts(), PEER_MEASURES);
    const own = encodeOwnPeers(index.stats({ id: 'p9', level: 'county', sector: 'housing', year: 2023 }));
    expect(own.split(';')).toHaveLength(PEER_MEASURES.length);
    // Granted 9 of 10 answered; partly granted not given (null), on the same 10.
    expect(own.split(';').slice(0, 2)).toEqual(['0.9,10', '']);
    expect(PEER_MEASURES.slice(0, 2)).toEqual(['granted_share', 'partly_granted_share']);
    // A denominator that changes is written, and one that follows a null is not taken for it.
    const stat = (measure: (typeof PEER_MEASURES)[number], value: number | null, n: number | null) => ({ measure, value, n, peers: 0, tooFew: true, p25: null, p50: null, p75: null });
    const three = PEER_MEASURES.slice(0, 3);
    const text = encodeOwnPeers([stat(three[0]!, 0.5, 4), stat(three[1]!, null, null), stat(three[2]!, 0.25, 4)]);
    expect(text).toBe('0.5,4;,;0.25,4');
    const file: PeerGroupFile = { version: VERSION, measures: three, groups: { g: three.map(() => [0, null, null, null]) } };
    expect(joinPeers(text, 'g', file, three, VERSION).map((r) => r.slice(1, 3))).toEqual([[0.5, 4], [null, null], [0.25, 4]]);
    expect(own).toMatch(/^[-0-9.,;e]*$/);
    const [peers, p25, p50, p75] = peerGroupFile(index, VERSION).groups['county|housing|2023']![PEER_MEASURES.indexOf('granted_share')]!;
    // Granted shares 0, 0, 0.1, 0.1, 0.2 … 0.9: quartiles at positions 2.75, 5.5 and 8.25.
    expect([peers, p25, p50, p75]).toEqual([12, 0.1, 0.35, 0.625]);
  });

  it('refuses to join figures that do not belong together, naming why', () => {
    const index = peerIndex(peerFacts(), PEER_MEASURES);
    const self = { id: 'p9', level: 'county', sector: 'housing', year: 2023 };
    const own = encodeOwnPeers(index.stats(self));
    const file = peerGroupFile(index, VERSION);
    expect(() => joinPeers(own, 'county|housing|2023', file, PEER_MEASURES, '2026-01-03 · 00000000')).toThrow(/peers\.json is of dataset 2026-01-02 · 3f2a9c1b/);
    expect(() => joinPeers(own, 'county|housing|2023', file, [...PEER_MEASURES].reverse(), VERSION)).toThrow(/lists the measures/);
    expect(() => joinPeers(own, 'township|housing|2023', file, PEER_MEASURES, VERSION)).toThrow(/no peer group township\|housing\|2023/);
    expect(() => joinPeers('0.9,10', 'county|housing|2023', file, PEER_MEASURES, VERSION)).toThrow(/1 figures of the report/);
  });

  it('shows where the report stands among its peers from the joined figures, quartiles only with enough peers', () => {
    const index = peerIndex(peerFacts(), PEER_MEASURES);
    const rows = pageRows(index, { id: 'p9', level: 'county', sector: 'housing', year: 2023 });
    const doc = parseDocument(recordViewHtml(mk('p9', 9), 'en', rows));
    const row = DomUtils.findOne((e) => e.attribs['data-peer'] === 'granted_share', doc.children) as Element;
    expect(DomUtils.textContent(row)).toMatch(/^Granted.*90.*\(10\).*12$/);
    const few = parseDocument(recordViewHtml(mk('q4', 4, 2022), 'en', pageRows(index, { id: 'q4', level: 'county', sector: 'housing', year: 2022 })));
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
