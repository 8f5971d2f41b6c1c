/**
 * The reports folder's files with their sizes, modification and change times and inode numbers,
 * which tell the cache what changed.
 *
 * Only regular files are listed to be read. Whatever else a folder holds (a link to nothing, links
 * that lead round in a circle, a sub-folder that cannot be read, a named pipe, a socket or a
 * device, never opened) is listed in `problems` with why, and the listing goes on. A name that is
 * not valid UTF-8 (a Chinese name saved in GBK on Windows and copied as bytes) is shown decoded as
 * GB18030 and marked (`年报(gb18030).txt`), and its bytes are kept to open the file with.
 */
import { lstatSync, readdirSync, readlinkSync, statSync, type Stats } from 'node:fs';
import { InputError, messageOf } from './input-error.ts';

/**
 * Why an entry of the folder is not read (a reason of the build report's `not_used`). A folder
 * reached twice (a link back up, or to a folder read already) is read once and noted, and is
 * not a fault: links that lead round in a circle (ELOOP) to no file at all are.
 */
export type ListingProblemReason = 'not_a_file' | 'broken_link' | 'link_loop' | 'folder_linked_twice' | 'unreadable_folder' | 'unreadable';

export interface ListingProblem {
  /** Path relative to the folder, as `rels` gives paths. */
  rel: string;
  reason: ListingProblemReason;
  detail: string;
}

/** How a name that is not valid UTF-8 is shown: decoded as GB18030, or (when it is not that either) its bytes escaped. */
export type NameEncoding = 'gb18030' | 'bytes';

export interface Listing {
  /** Paths relative to the folder, / separators, in code-point order (a name that is not UTF-8 shown as described above). */
  rels: string[];
  sizes: Float64Array;
  mtimes: Float64Array;
  /** Change times (ms): any write, `touch` or rename of a file moves its ctime, which tools cannot set (utimes sets the mtime only). */
  ctimes: Float64Array;
  inodes: Float64Array;
  /** For a file whose path is not valid UTF-8 (by its index in `rels`): the path's bytes relative to the folder. */
  raw: Map<number, Uint8Array>;
  /** Files whose path is not valid UTF-8, and how it is shown, in code-point order. */
  names: { rel: string; encoding: NameEncoding }[];
  /** Entries not read, with why, in code-point order. */
  problems: ListingProblem[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true });

/** `name` with `mark` before its extension (`年报.txt` → `年报(gb18030).txt`), or at its end. */
function marked(name: string, mark: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)}${mark}${name.slice(dot)}` : `${name}${mark}`;
}

/** A readable, stable name for a name's bytes: the name when it is UTF-8; else decoded as GB18030, or escaped, and marked. */
export function displayName(bytes: Uint8Array): { name: string; encoding: NameEncoding | null } {
  try {
    return { name: utf8.decode(bytes), encoding: null };
  } catch {
    // not UTF-8
  }
  try {
    return { name: marked(gb18030.decode(bytes), '(gb18030)'), encoding: 'gb18030' };
  } catch {
    const escaped = [...bytes].map((b) => (b < 0x80 ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`)).join('');
    return { name: marked(escaped, '(bytes)'), encoding: 'bytes' };
  }
}

const codePointOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const SLASH = Buffer.from('/');

/** What a thing that is neither a file nor a folder is. */
function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

const codeOf = (cause: unknown) => (cause as NodeJS.ErrnoException | null)?.code ?? '';

/** A folder to list: the path to open, its path relative to the top as shown, and as bytes when some part is not UTF-8. */
interface Folder {
  path: string | Buffer;
  rel: string;
  raw: Buffer | null;
}

/**
 * Every regular file under `dir` (folders followed, symbolic links too, each folder once), as
 * paths relative to it with / separators in code-point order, with their sizes, times and inode
 * numbers; and every entry that is not read, with why. Each name is stat'ed once, which also tells a
 * folder: at 100,000 files, listing with file types and then stat'ing each path made by join()
 * took ~0.8 s of a core, this ~0.6 s. Throws (with a message saying so) only when `dir` itself
 * cannot be read (an InputError).
 */
export function listWithStats(dir: string): Listing {
  const found: { rel: string; size: number; mtimeMs: number; ctimeMs: number; ino: number; raw: Buffer | null; encoding: NameEncoding | null }[] = [];
  const problems: ListingProblem[] = [];
  const top = dir.replace(/\/+$/, '') || '/';
  const topBytes = Buffer.from(top === '/' ? '' : top);
  const seen = new Set<string>();

  /** Folders reached by a symbolic link: read after every folder reached without one, so that a folder is listed where it is. */
  const linked: { folder: Folder; holding: Set<string>; encoding: NameEncoding | null; key: string }[] = [];
  const walk = (folder: Folder, holding: Set<string>, encoding: NameEncoding | null) => {
    let entries: Name[];
    try {
      entries = readNames(folder);
    } catch (cause) {
      const code = codeOf(cause);
      if (folder.rel === '') throw new InputError(`cannot read the reports folder ${dir}: ${messageOf(cause)}`, { cause });
      const reason = code === 'EACCES' || code === 'EPERM' ? 'unreadable_folder' : 'unreadable';
      problems.push({ rel: folder.rel, reason, detail: `folder cannot be read (${code || messageOf(cause)}): check its permissions` });
      return;
    }
    for (const entry of entries) {
      const rel = folder.rel ? `${folder.rel}/${entry.name}` : entry.name;
      // Bytes of the path relative to the top, when it or a folder above is not UTF-8.
      const raw = entry.bytes ? Buffer.concat(folder.rel ? [folder.raw ?? Buffer.from(folder.rel), SLASH, entry.bytes] : [entry.bytes]) : null;
      const path: string | Buffer = raw ? Buffer.concat([topBytes, SLASH, raw]) : `${folder.path as string}/${entry.name}`;
      const nameEncoding = entry.encoding ?? encoding;
      let stats: Stats | undefined;
      try {
        stats = statSync(path, { throwIfNoEntry: false });
      } catch (cause) {
        const code = codeOf(cause);
        if (code === 'ELOOP') problems.push({ rel, reason: 'link_loop', detail: 'symbolic links that lead round in a circle (ELOOP): remove or fix the link' });
        else problems.push({ rel, reason: 'unreadable', detail: `cannot be read (${code || messageOf(cause)}): check its permissions` });
        continue;
      }
      if (!stats) {
        // Gone since the folder was read, or a link to nothing.
        const link = lstatIfLink(path);
        if (link !== null) problems.push({ rel, reason: 'broken_link', detail: `a symbolic link to ${link}, which does not exist: remove the link or restore its target` });
        continue;
      }
      if (stats.isFile()) {
        found.push({ rel, size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino, raw, encoding: nameEncoding });
      } else if (stats.isDirectory()) {
        const key = `${stats.dev}:${stats.ino}`;
        const next = { folder: { path: raw ? path : (path as string), rel, raw }, holding: new Set(holding).add(key), encoding: nameEncoding, key };
        if (holding.has(key)) {
          problems.push({ rel, reason: 'folder_linked_twice', detail: 'a link to a folder that holds it (read once, where it is)' });
        } else if (entry.link) {
          linked.push(next);
        } else if (seen.has(key)) {
          problems.push({ rel, reason: 'folder_linked_twice', detail: 'a link to a folder read already under another name (read once)' });
        } else {
          seen.add(key);
          walk(next.folder, next.holding, next.encoding);
        }
      } else {
        problems.push({ rel, reason: 'not_a_file', detail: `${kindOf(stats)}, not a file: only regular files are read` });
      }
    }
  };
  const topStats = statOrThrow(dir);
  const topKey = `${topStats.dev}:${topStats.ino}`;
  seen.add(topKey);
  walk({ path: top, rel: '', raw: null }, new Set([topKey]), null);
  for (let i = 0; i < linked.length; i++) {
    const { folder, holding, encoding, key } = linked[i] as (typeof linked)[number];
    if (seen.has(key)) problems.push({ rel: folder.rel, reason: 'folder_linked_twice', detail: 'a link to a folder read already under another name (read once, there)' });
    else {
      seen.add(key);
      walk(folder, holding, encoding);
    }
  }

  found.sort((a, b) => codePointOrder(a.rel, b.rel));
  // Two paths shown alike (a GBK name shown as a UTF-8 name beside it happens to be): the one not UTF-8 gets a number.
  if (found.some((f, i) => i > 0 && f.rel === found[i - 1]?.rel)) {
    const shown = new Set(found.map((f) => f.rel));
    found.forEach((f, i) => {
      const other = found[i - 1];
      if (!other || other.rel !== f.rel) return;
      const renamed = f.encoding || !other.encoding ? f : other;
      let n = 2;
      while (shown.has(marked(renamed.rel, `~${n}`))) n++;
      renamed.rel = marked(renamed.rel, `~${n}`);
      shown.add(renamed.rel);
    });
    found.sort((a, b) => codePointOrder(a.rel, b.rel));
  }
  problems.sort((a, b) => codePointOrder(a.rel, b.rel));
  const sizes = new Float64Array(found.length);
  const mtimes = new Float64Array(found.length);
  const ctimes = new Float64Array(found.length);
  const inodes = new Float64Array(found.length);
  const raw = new Map<number, Uint8Array>();
  const names: Listing['names'] = [];
  found.forEach((f, i) => {
    sizes[i] = f.size;
    mtimes[i] = f.mtimeMs;
    ctimes[i] = f.ctimeMs;
    inodes[i] = f.ino;
    if (f.raw) raw.set(i, f.raw);
    if (f.encoding) names.push({ rel: f.rel, encoding: f.encoding });
  });
  return { rels: found.map((f) => f.rel), sizes, mtimes, ctimes, inodes, raw, names, problems };
}

/** A name in a folder: as shown, its bytes when it must be opened by them, and whether it is a symbolic link. */
interface Name {
  name: string;
  bytes: Buffer | null;
  encoding: NameEncoding | null;
  link: boolean;
}

/** A folder's names, in code-point order of how they are shown; as bytes where a name is not UTF-8. */
function readNames(folder: Folder): Name[] {
  let entries: Name[];
  // Names are read as strings, unless some name (or the folder's own path) is not UTF-8: Node
  // shows each byte it cannot decode as U+FFFD, and such a name could not be opened again.
  const names = folder.raw ? null : readdirSync(folder.path as string, { withFileTypes: true });
  if (names && !names.some((d) => d.name.includes('\uFFFD'))) {
    entries = names.map((d) => ({ name: d.name, bytes: null, encoding: null, link: d.isSymbolicLink() }));
  } else {
    entries = readdirSync(folder.path, { encoding: 'buffer', withFileTypes: true }).map((d) => {
      const { name, encoding } = displayName(d.name);
      // A UTF-8 name in a folder whose path is not: opened by bytes all the same.
      return { name, bytes: encoding || folder.raw ? d.name : null, encoding, link: d.isSymbolicLink() };
    });
  }
  return entries.sort((a, b) => codePointOrder(a.name, b.name));
}

function statOrThrow(dir: string): Stats {
  try {
    return statSync(dir);
  } catch (cause) {
    throw new InputError(`cannot read the reports folder ${dir}: ${messageOf(cause)}`, { cause });
  }
}

/** Where a symbolic link at `path` points, or null when `path` is not a link (or is gone). */
function lstatIfLink(path: string | Buffer): string | null {
  try {
    if (!lstatSync(path).isSymbolicLink()) return null;
    return displayName(readlinkSync(path, { encoding: 'buffer' })).name;
  } catch {
    return null;
  }
}

/** The path to open listed file i: the folder's path and the file's, as bytes when its name is not UTF-8. */
export function listedPath(dir: string, listing: Pick<Listing, 'rels' | 'raw'>, i: number): string | Buffer {
  const raw = listing.raw.get(i);
  const top = dir.replace(/\/+$/, '');
  if (!raw) return `${top}/${listing.rels[i] as string}`;
  return Buffer.concat([Buffer.from(top), SLASH, raw]);
}
