/**
 * Where an agency sits: read the chain of division names that opens its name (广东省东莞市厚街镇…,
 * 北京…, 淮安市洪泽区…), then settle a name shared by several places (城关镇, 朝阳区) by the places
 * the report's text names (including page chrome such as 中国东莞政府门户网站). Pure.
 */
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import {
  cityShortName,
  contains,
  divisionsNamed,
  longestNameOpening,
  provinceShortName,
  type Division,
  type DivisionLevel,
} from './divisions.ts';

export interface Region {
  province: string | null;
  city: string | null;
  county: string | null;
  township: string | null;
  division_code: string | null;
  /** Level of the deepest division the agency name itself names; null when it names none. */
  named_level: DivisionLevel | null;
  /** The agency name with the division prefix removed (e.g. 住房公积金管理中心). */
  body: string;
}

/** Party and other prefixes that come before the place name. */
const PREFIX = /^(中共|中国共产党)/;

interface Step {
  text: string;
  candidates: Division[];
}

/** The division names that open `name`, longest match first at each step, each step nested in the previous. */
function prefixChain(name: string): { steps: Step[]; rest: string } {
  const steps: Step[] = [];
  let pos = 0;
  while (pos < name.length) {
    let found: Step | null = null;
    // Only names opening with these two characters can match here: start at the longest of them.
    const longest = longestNameOpening(name.slice(pos, pos + 2));
    for (let len = Math.min(longest, name.length - pos); len >= 2 && !found; len--) {
      const text = name.slice(pos, pos + len);
      const prev = steps[steps.length - 1];
      const candidates = divisionsNamed(text).filter(
        (d) =>
          (pos === 0 || d.name === text) && // short province names only at the start
          (!prev || prev.candidates.some((p) => p !== d && depth(p.level) < depth(d.level) && contains(p, d))),
      );
      if (candidates.length > 0) found = { text, candidates };
    }
    if (!found) break;
    steps.push(found);
    pos += found.text.length;
  }
  return { steps, rest: name.slice(pos) };
}

function depth(level: DivisionLevel): number {
  return ['province', 'city', 'county', 'township'].indexOf(level);
}

/** How strongly the text points at a candidate: its county, city and province named in it. */
function evidence(d: Division, text: string): number {
  let score = 0;
  if (d.county && d.level === 'township' && text.includes(d.county)) score += 8;
  if (d.city && d.level !== 'city') {
    if (text.includes(d.city)) score += 4;
    else {
      const short = cityShortName(d.city);
      if (short && text.includes(short)) score += 2;
    }
  }
  if (d.level !== 'province' && (text.includes(d.province) || text.includes(provinceShortName(d.province)))) score += 1;
  return score;
}

/** The candidates the text supports best, or all of them when it supports none more than another. */
function settle(candidates: Division[], text: string): Division[] {
  if (candidates.length < 2) return candidates;
  const scored = candidates.map((d) => ({ d, score: evidence(d, text) }));
  const best = Math.max(...scored.map((s) => s.score));
  return best === 0 ? candidates : scored.filter((s) => s.score === best).map((s) => s.d);
}

/** The fields every candidate agrees on (a shared province or city), for an unsettled name. */
function common(candidates: Division[]): Omit<Region, 'named_level' | 'body'> {
  const same = <K extends 'province' | 'city' | 'county'>(k: K) => {
    const v = candidates[0]?.[k] ?? null;
    return candidates.every((d) => d[k] === v) ? v : null;
  };
  const province = same('province');
  const city = province ? same('city') : null;
  const county = city || province ? same('county') : null;
  const codeOf = (level: DivisionLevel) =>
    candidates[0] ? candidates[0].code.slice(0, level === 'province' ? 2 : level === 'city' ? 4 : 6) : '';
  const division_code = county ? codeOf('county') : city ? `${codeOf('city')}00` : province ? `${codeOf('province')}0000` : null;
  return { province, city, county, township: null, division_code };
}

export function resolveRegion(agencyName: string, text: string): { region: Region; diagnostics: Diagnostic[] } {
  const name = agencyName.replace(/\s+/g, '').replace(PREFIX, '');
  const { steps, rest } = prefixChain(name);
  const last = steps[steps.length - 1];
  if (!last) {
    const region = { province: null, city: null, county: null, township: null, division_code: null, named_level: null, body: name };
    return { region, diagnostics: [] };
  }
  // Keep the deepest candidates consistent with every earlier step of the chain.
  const chained = last.candidates.filter((d) => steps.every((s) => s.candidates.some((c) => contains(c, d))));
  const settled = settle(chained, text);
  const named_level = settled[0]?.level ?? null;
  if (settled.length === 1 && settled[0]) {
    const d = settled[0];
    const region = {
      province: d.province,
      city: d.city,
      county: d.county,
      township: d.level === 'township' ? d.name : null,
      division_code: d.code,
      named_level,
      body: rest,
    };
    return { region, diagnostics: [] };
  }
  const places = settled.map((d) => [d.province, d.city, d.county].filter(Boolean).join('')).slice(0, 5);
  const unsettled = diagnostic('agency_region_unsettled', 'agency', { prefix: last.text, count: settled.length, places });
  return { region: { ...common(settled), named_level, body: rest }, diagnostics: [unsettled] };
}
