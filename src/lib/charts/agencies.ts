/**
 * Who an agency is across its years, for the like-with-like comparisons (aggregate.ts) on fact
 * rows without an `agency_id`: its name in its division (the province when no division code was
 * found). The agency pages are keyed by the permanent id (src/lib/dataset/agency-index.ts).
 */
export function agencyIdentity(id: string, name: string | null, divisionCode: string | null, province: string | null): string {
  return `${name ?? `#${id}`}|${divisionCode ?? province ?? ''}`;
}
