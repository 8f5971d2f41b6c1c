/**
 * What the build report says of the reports folder's listing (list-files.ts): the entries not
 * read, the file names not shown as they are and the ids not their base name; and the refusal
 * to build from a folder with no files.
 */
import type { BuildReport, FileNameNote } from '../../src/lib/dataset/build-report.ts';
import type { ReportIds } from '../../src/lib/dataset/report-ids.ts';
import { InputError } from './input-error.ts';
import type { Listing } from './list-files.ts';

/** The listing's entries that are not read, as the build report's `not_used` lists them. */
export function listingNotUsed(listing: Pick<Listing, 'problems'>): BuildReport['not_used'] {
  return listing.problems.map((p) => ({ file: p.rel, reason: p.reason, detail: p.detail }));
}

/** Every file whose name is not shown as it is (not UTF-8) or whose id is not its base name, in code-point order. */
export function nameNotes(listing: Pick<Listing, 'rels' | 'names'>, ids: ReportIds): BuildReport['names'] {
  const idOf = new Map(listing.rels.map((rel, i) => [rel, ids[i] as string]));
  const notes: BuildReport['names'] = [
    ...listing.names.map((n) => ({ file: n.rel, id: idOf.get(n.rel) ?? '', note: (n.encoding === 'gb18030' ? 'name_gb18030' : 'name_bytes') as FileNameNote })),
    ...ids.notes.map((n) => ({ file: n.file, id: n.id, note: n.note })),
  ];
  return notes.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.note < b.note ? -1 : a.note > b.note ? 1 : 0));
}

/** The reports folder holds no file to read: building would replace the dataset with an empty one. */
export class EmptyReportsFolder extends InputError {
  constructor(dir: string, listing: Pick<Listing, 'problems'>) {
    const others = listing.problems.length > 0 ? ` (${listing.problems.length} entries that are not files: ${listing.problems.slice(0, 3).map((p) => p.rel).join(', ')}${listing.problems.length > 3 ? ', …' : ''})` : '';
    super(
      `the reports folder ${dir} holds no files to read${others}. Nothing was written. ` +
        'Put the reports in it, or give --allow-empty to build an empty dataset (it replaces the one in the output folder).',
    );
  }
}
