/** Build columnar fact files from hand-made records, the way build-data does (via toFact). */
import { FACT_NUMBER_FIELDS, FACT_TEXT_FIELDS, toFact } from '../../src/lib/facts.ts';
import type { FactsFile } from '../../src/lib/dataset/layout.ts';
import { APPLICATION_ROWS, emptyAgency, emptyApplications, emptyCaseCells, emptyRecord, type ReportRecord } from '../../src/lib/schema.ts';

export interface Spec {
  id: string;
  name: string;
  province?: string;
  city?: string | null;
  level?: ReportRecord['agency']['level'];
  kind?: ReportRecord['agency']['kind'];
  sector?: string;
  year: number | null;
  template?: '2019' | '2021';
  /** Row totals; rows not given are null (as when a report omits them). */
  rows?: Partial<Record<(typeof APPLICATION_ROWS)[number], number>>;
  review?: Partial<ReportRecord['review']>;
}

export function record(s: Spec): ReportRecord {
  const applications = emptyApplications();
  for (const [row, total] of Object.entries(s.rows ?? {})) applications[row as keyof typeof applications].total = total ?? null;
  return {
    ...emptyRecord(s.id, { file: `data/reports/${s.id}.txt`, sha256: '0'.repeat(64), format: 'txt' }),
    agency: { ...emptyAgency(s.name), province: s.province ?? null, city: s.city ?? null, level: s.level ?? null, kind: s.kind ?? null, sector: s.sector ?? null },
    year: s.year,
    template: s.template ?? '2021',
    applications,
    review: { ...emptyCaseCells(), ...s.review },
  };
}

export function factsFile(records: ReportRecord[]): FactsFile {
  const facts = records.map(toFact);
  const columns: FactsFile['columns'] = {};
  for (const f of [...FACT_TEXT_FIELDS, ...FACT_NUMBER_FIELDS]) columns[f] = facts.map((x) => x[f] ?? null);
  return { schema_version: 1, count: facts.length, columns };
}
