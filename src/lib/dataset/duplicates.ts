/**
 * Two files for the same agency (its id, when it has one: two spellings of one body are one agency)
 * and year: keep one. The rule, in order:
 *   1. fewer failed checks; 2. fewer diagnostics; 3. more table cells read; 4. the file name that
 *   sorts first (code-point order).
 * Reports with no agency name or no year are never grouped (nothing says they are the same).
 */
export interface DuplicateCandidate {
  file: string;
  agency: string | null;
  /** The agency's permanent id (agency-id.ts, agencies.csv applied); the name stands for it when absent. */
  agencyId?: string | null;
  year: number | null;
  checksFailed: number;
  diagnostics: number;
  cellsRead: number;
}

export interface DuplicateDropped {
  file: string;
  kept: string;
  reason: string;
}

export const DUPLICATE_RULE = 'fewer failed checks, then fewer diagnostics, then more cells read, then file name order';

function compare(a: DuplicateCandidate, b: DuplicateCandidate): number {
  return (
    a.checksFailed - b.checksFailed ||
    a.diagnostics - b.diagnostics ||
    b.cellsRead - a.cellsRead ||
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)
  );
}

/** What two reports share when they are duplicates (agency and year), or null when they can never be. */
export function duplicateKey(c: { agency: string | null; agencyId?: string | null; year: number | null }): string | null {
  const agency = c.agencyId ?? c.agency;
  return agency === null || c.year === null ? null : `${agency}\u0000${c.year}`;
}

export function pickDuplicates(candidates: readonly DuplicateCandidate[]): DuplicateDropped[] {
  const groups = new Map<string, DuplicateCandidate[]>();
  for (const c of candidates) {
    const key = duplicateKey(c);
    if (key === null) continue;
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  const dropped: DuplicateDropped[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const [kept, ...others] = [...group].sort(compare);
    if (!kept) continue;
    for (const o of others) {
      dropped.push({
        file: o.file,
        kept: kept.file,
        reason: `duplicate: ${o.agency} ${o.year} also in ${kept.file}, kept by rule (${DUPLICATE_RULE})`,
      });
    }
  }
  return dropped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** Table cells a record gives (non-null), for rule 3. */
export function cellsRead(record: {
  applications: Record<string, Record<string, number | null>>;
  review: Record<string, number | null>;
  litigation_direct: Record<string, number | null>;
  litigation_after_review: Record<string, number | null>;
}): number {
  let n = 0;
  const apps = record.applications;
  for (const row in apps) n += given(apps[row] as Record<string, number | null>);
  return n + given(record.review) + given(record.litigation_direct) + given(record.litigation_after_review);
}

function given(cells: Record<string, number | null>): number {
  let n = 0;
  for (const key in cells) if (cells[key] !== null) n++;
  return n;
}
