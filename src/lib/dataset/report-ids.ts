/**
 * Report ids from file names. An id names a report in addresses (/agency/<id>/, #y-<id>) and in
 * file names, so it is made safe for both; it is unique in the build, and stable: it depends only
 * on the file's own name unless another file's name would give the same id. Pure.
 *
 * The id is the file's base name (its name without the extension). Characters that break an
 * address or a file name (/ \ ? # % : * " < > | and control characters) become `_`, and so do
 * leading dots (`..`, a hidden file), trailing dots and spaces (dropped by Windows) and a whole
 * name Windows reserves (con, nul, com1…). A name with nothing before its extension (`.txt`)
 * gives its whole name (`_txt`). Chinese characters and other letters are kept as they are.
 *
 * Two files whose names would give the same id (x.txt and x.pdf; a/x.txt and b/x.txt) are told
 * apart: each gets its extension appended (x-txt, x-pdf); files that still share an id get the
 * numbers 2, 3, … in code-point order of their paths (so in any build order), except that a file
 * whose own base name is that id (x-txt.html) keeps it.
 * Every file whose id is not its plain base name is noted, with why.
 */

export type IdNote = 'unsafe_name' | 'shared_name';

export interface IdNoteEntry {
  /** The file's path, as given. */
  file: string;
  id: string;
  note: IdNote;
}

/** The ids, in the order of the files given, with the files whose id is not their base name. */
export type ReportIds = string[] & { notes: IdNoteEntry[] };

/** A path's file name without its extension (the last `.` and what follows, if anything does). */
export function baseName(file: string): string {
  const name = file.slice(file.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot >= 0 && dot < name.length - 1 ? name.slice(0, dot) : name;
}

/** The extension of a path's file name, lower case, without its dot; '' when it has none. */
function extensionOf(file: string): string {
  return (file.match(/\.([^./]+)$/)?.[1] ?? '').toLowerCase();
}

// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f/\\?#%:*"<>|]/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** `text` made safe for an address and a file name (see the module comment); never empty, `.` or `..`. */
export function safeId(text: string): string {
  let id = text
    .replace(UNSAFE_CHARS, '_')
    .replace(/^[.\s]+/, (m) => '_'.repeat(m.length))
    .replace(/[.\s]+$/, (m) => '_'.repeat(m.length));
  if (id === '') id = '_';
  if (WINDOWS_RESERVED.test(id)) id = `${id}_`;
  return id;
}

/** The id a file would have if no other file shared it; `unsafe` when that is not its plain base name. */
function ownId(file: string): { id: string; unsafe: boolean } {
  const base = baseName(file);
  // `.txt`: no base name; the whole name (safe) rather than an empty id.
  const plain = base === '' ? file.slice(file.lastIndexOf('/') + 1) : base;
  const id = safeId(plain);
  return { id, unsafe: id !== base };
}

const codePointOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The report id of each file (see the module comment), with `notes` naming the files whose id is not their base name. */
export function assignIds(files: readonly string[]): ReportIds {
  const own = files.map(ownId);
  const count = new Map<string, number>();
  for (const { id } of own) count.set(id, (count.get(id) ?? 0) + 1);
  const ids = own.map(({ id }, i) => ((count.get(id) ?? 0) > 1 ? safeId(`${id}-${extensionOf(files[i] as string) || 'file'}`) : id));
  // Ids taken without a number: an id a file gets by number never takes one of these.
  const taken = new Set(ids);
  const byId = new Map<string, number[]>();
  ids.forEach((id, i) => {
    const list = byId.get(id);
    if (list) list.push(i);
    else byId.set(id, [i]);
  });
  for (const [id, list] of byId) {
    if (list.length < 2) continue;
    // A file whose own base name this is keeps it; the others are numbered in code-point order of
    // their paths (the first of them keeping the id when no file owns it): the same in any order given.
    const owns = (i: number) => (count.get((own[i] as { id: string }).id) ?? 0) === 1;
    list.sort((a, b) => Number(owns(b)) - Number(owns(a)) || codePointOrder(files[a] as string, files[b] as string));
    let n = 2;
    for (const i of list.slice(1)) {
      while (taken.has(`${id}-${n}`)) n++;
      ids[i] = `${id}-${n}`;
      taken.add(ids[i]);
    }
  }
  const notes: IdNoteEntry[] = [];
  files.forEach((file, i) => {
    const id = ids[i] as string;
    if (id !== (own[i] as { id: string }).id) notes.push({ file, id, note: 'shared_name' });
    else if ((own[i] as { unsafe: boolean }).unsafe) notes.push({ file, id, note: 'unsafe_name' });
  });
  notes.sort((a, b) => codePointOrder(a.file, b.file));
  return Object.assign(ids, { notes });
}
