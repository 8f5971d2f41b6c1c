/**
 * Fill an agency block from its name and the report text: region (region.ts), level, kind and
 * sector (sectors.ts). Pure; every doubt becomes a warning rather than a guess.
 *
 * Level: the deepest division the name itself names (province → province, prefecture city →
 * prefecture, county/district/county-level city → county, town/street → township). A
 * municipality's own agencies (北京住房公积金管理中心) are province level; a county-level city under
 * a province directly (济源市, 仙桃市) is county level with no prefecture city. A name with no
 * division that reads as a national body (国务院…, 国家…, 中华人民共和国…, …部/总局/委员会) is central.
 * Id: agency-id.ts, from the fields resolved here (data/agencies.csv may change it in the build).
 * Kind: government for 人民政府 and 街道办事处 (and 镇/乡政府), department for everything else.
 * All of these are read from the canonical name when the parser gives one (市科委 in a Beijing
 * report: 北京市科学技术委员会), else from the name as printed.
 */
import type { Agency, Kind, Level } from '../schema.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { agencyId } from './agency-id.ts';
import type { DivisionLevel } from './divisions.ts';
import { resolveRegion } from './region.ts';
import { inferSector } from './sectors.ts';

const LEVEL_OF: Record<DivisionLevel, Level> = {
  province: 'province',
  city: 'prefecture',
  county: 'county',
  township: 'township',
};

const CENTRAL = /^(国务院|国家|中华人民共和国|中国人民银行|中国(证券|银行保险|银行|保险)监督管理委员会|海关总署|.{2,12}(部|总局|总署)$)/;

export function inferKind(body: string): Kind {
  // An empty body: the name is the division itself (厚街镇), read as its government.
  return /^$|(人民政府|街道办事处|^办事处|^(镇|乡|街道)?政府|^行政公署)$/.test(body) ? 'government' : 'department';
}

export function resolveAgency(name: string | null, text: string, canonical: string | null = null): { agency: Agency; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  if (!name || name.trim() === '') {
    return {
      agency: { name: null, canonical_name: null, id: null, province: null, city: null, county: null, township: null, division_code: null, level: null, kind: null, sector: null },
      diagnostics: [diagnostic('agency_unresolved_no_name', 'agency')],
    };
  }
  const full = canonical && canonical.trim() !== '' ? canonical : name;
  const { region, diagnostics: regionDiagnostics } = resolveRegion(full, text);
  diagnostics.push(...regionDiagnostics);
  let level: Level | null = region.named_level ? LEVEL_OF[region.named_level] : null;
  if (!region.named_level) {
    if (CENTRAL.test(region.body)) level = 'central';
    else diagnostics.push(diagnostic('agency_region_not_found', 'agency', { name: full }));
  }
  const { named_level: _named, body, ...place } = region;
  const agency: Agency = {
    name: name.trim(),
    canonical_name: canonical,
    id: null,
    ...place,
    level,
    kind: inferKind(body),
    sector: inferSector(body),
  };
  agency.id = agencyId(agency);
  return { agency, diagnostics };
}
