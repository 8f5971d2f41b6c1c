/**
 * An agency's permanent id, made from what it is: the division it belongs to and its name with
 * that division's place names taken off the front. 淮安市洪泽区人民政府 and 洪泽区人民政府 (both in
 * 洪泽区, 320813) are one agency, `320813-…`; the id never depends on file names, on which report
 * came first, or on build order. A name with no division is a national body (`cn-…`) when its level
 * is central, else `xx-…`. Pure.
 */
import type { Agency } from '../schema.ts';
import { cityShortName, provinceShortName } from './short-names.ts';

/** The name without its leading place names (province, city, county, township; full or short form), and without spaces. */
export function agencyBody(agency: Pick<Agency, 'name' | 'canonical_name' | 'province' | 'city' | 'county' | 'township'>): string | null {
  const full = (agency.canonical_name ?? agency.name ?? '').replace(/\s+/g, '');
  if (full === '') return null;
  const places: string[][] = [];
  if (agency.province) places.push([agency.province, provinceShortName(agency.province)]);
  if (agency.city) places.push([agency.city, cityShortName(agency.city) ?? agency.city]);
  if (agency.county) places.push([agency.county]);
  if (agency.township) places.push([agency.township]);
  let body = full.replace(/^(中共|中国共产党)/, '');
  const party = full.length - body.length > 0 ? full.slice(0, full.length - body.length) : '';
  for (const forms of places) {
    const form = forms.find((f) => f !== '' && body.startsWith(f) && body.length > f.length);
    if (form) body = body.slice(form.length);
  }
  return party + body;
}

const TWO_32 = 2 ** 32;

/**
 * 64-bit FNV-1a of the UTF-16 code units, as 11 base-36 digits. Kept in two 32-bit halves: the
 * prime is 2^40 + 0x1b3, so h·prime mod 2^64 = h·0x1b3 + (low half << 40), each product exact in
 * a double (below 2^53) and each half taken mod 2^32 by `>>> 0`.
 */
export function hash(text: string): string {
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < text.length; i++) {
    lo = (lo ^ text.charCodeAt(i)) >>> 0;
    const low = lo * 0x1b3;
    const next = low >>> 0;
    hi = (hi * 0x1b3 + (low - next) / TWO_32 + (lo << 8)) >>> 0;
    lo = next;
  }
  return ((BigInt(hi) << 32n) | BigInt(lo)).toString(36).padStart(13, '0').slice(-11);
}

/**
 * `320813-0k3j9x2abcd`: the division code and a hash of the body (and of the places named, when
 * there is no code); null for an agency with no name. A `variant` (a split in data/agencies.csv:
 * the years of a body of its own that shares a name) gives another id in the same division.
 */
export function agencyId(agency: Agency, variant: string | null = null): string | null {
  const body = agencyBody(agency);
  if (body === null) return null;
  const place = agency.division_code ?? (agency.level === 'central' ? 'cn' : 'xx');
  // Without a code, the places the report names keep apart same-named bodies in different places.
  const scope = agency.division_code ? '' : [agency.province, agency.city, agency.county, agency.township].map((p) => p ?? '').join('/');
  const key = scope === '' || scope === '///' ? body : `${scope}|${body}`;
  return `${place}-${hash(variant === null ? key : `${key}#${variant}`)}`;
}

/** The id a record's agency carries (set by the build, corrections applied), else the one its fields give. */
export function agencyIdOf(agency: Agency): string | null {
  return agency.id ?? agencyId(agency);
}

/** Whether a text has the form of an agency id: a division code (6 or 9 digits), `cn` or `xx`, a dash, 11 base-36 digits. */
export function isAgencyIdForm(text: string): boolean {
  return /^(\d{6}|\d{9}|cn|xx)-[0-9a-z]{11}$/.test(text);
}
