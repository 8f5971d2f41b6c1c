/**
 * Maintainer corrections from data/agencies.csv: a correction wins over inference. Pure: takes
 * the file's text, returns the rows and the problems found (each naming the line).
 *
 * Columns: name, id, province, city, county, township, division_code, level, kind, sector, note.
 * A row with `id` applies to that report only (and its `name`, if given, replaces the agency
 * name); a row without `id` applies to every report whose agency name is exactly `name`.
 * An empty cell keeps the inferred value. Lines starting with # are comments.
 */
import Papa from 'papaparse';
import { SECTOR_KEYS } from '../agency/sectors.ts';
import { KINDS, LEVELS, type Agency, type ReportRecord } from '../schema.ts';

export const OVERRIDE_FIELDS = ['province', 'city', 'county', 'township', 'division_code', 'level', 'kind', 'sector'] as const;
type OverrideField = (typeof OVERRIDE_FIELDS)[number];

export interface AgencyOverride {
  /** 1-based line in agencies.csv. */
  line: number;
  name: string | null;
  id: string | null;
  set: Partial<Record<OverrideField, string>>;
}

export interface OverrideApplied {
  line: number;
  fields: string[];
}

const ALLOWED: Partial<Record<OverrideField, readonly string[]>> = { level: LEVELS, kind: KINDS, sector: SECTOR_KEYS };

export function parseOverrides(csvText: string): { overrides: AgencyOverride[]; errors: string[] } {
  const errors: string[] = [];
  const overrides: AgencyOverride[] = [];
  const lines = csvText.replace(/^\uFEFF/, '').split(/\r?\n/);
  const dataLines = lines.map((text, i) => ({ text, line: i + 1 })).filter((l) => l.text.trim() !== '' && !l.text.startsWith('#'));
  const header = dataLines.shift();
  if (!header) return { overrides, errors };
  const columns = Papa.parse<string[]>(header.text).data[0]?.map((c) => c.trim()) ?? [];
  for (const c of columns) {
    if (!['name', 'id', 'note', ...OVERRIDE_FIELDS].includes(c)) errors.push(`agencies.csv line ${header.line}: unknown column "${c}"`);
  }
  for (const { text, line } of dataLines) {
    const cells = Papa.parse<string[]>(text).data[0] ?? [];
    const row = Object.fromEntries(columns.map((c, i) => [c, (cells[i] ?? '').trim()]));
    const override: AgencyOverride = { line, name: row.name || null, id: row.id || null, set: {} };
    if (!override.name && !override.id) {
      errors.push(`agencies.csv line ${line}: needs a name or an id`);
      continue;
    }
    for (const field of OVERRIDE_FIELDS) {
      const value = row[field];
      if (!value) continue;
      const allowed = ALLOWED[field];
      if (allowed && !allowed.includes(value)) {
        errors.push(`agencies.csv line ${line}: ${field} "${value}" is not one of ${allowed.join(', ')}`);
        continue;
      }
      override.set[field] = value;
    }
    overrides.push(override);
  }
  return { overrides, errors };
}

/** The record with every matching correction applied (id rows after name rows), and what changed. */
export function applyOverrides(record: ReportRecord, overrides: readonly AgencyOverride[]): { record: ReportRecord; applied: OverrideApplied[] } {
  const byName = overrides.filter((o) => !o.id && o.name !== null && o.name === record.agency.name);
  const byId = overrides.filter((o) => o.id === record.id);
  if (byName.length + byId.length === 0) return { record, applied: [] };
  const agency: Agency = { ...record.agency };
  const applied: OverrideApplied[] = [];
  for (const o of [...byName, ...byId]) {
    const fields: string[] = [];
    if (o.id && o.name && o.name !== agency.name) {
      agency.name = o.name;
      fields.push('name');
    }
    for (const [field, value] of Object.entries(o.set) as [OverrideField, string][]) {
      if (agency[field] !== value) (agency as unknown as Record<string, string>)[field] = value;
      fields.push(field);
    }
    applied.push({ line: o.line, fields });
  }
  return { record: { ...record, agency }, applied };
}
