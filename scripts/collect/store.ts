/**
 * The reports folder and data/sources.csv as the collector sees them: which addresses are
 * collected already (their file still has the recorded sha256), which bytes are saved already,
 * which base names are taken; and saving a file with its row, written as the run goes so a
 * stopped run keeps what it saved.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync, type Dirent } from 'node:fs';
import { dirname, join } from 'node:path';
import { extensionFor, uniqueBaseName } from '../../src/lib/collect/names.ts';
import { lastPathSegment } from '../../src/lib/collect/urls.ts';
import { parseSources, sourceProblemText, sourcesCsv, type SourceRow } from '../../src/lib/dataset/sources.ts';
import type { Fetched } from './fetcher.ts';

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** A short hash of an address, to make a name unique. */
export const hash8 = (address: string) => sha256(new TextEncoder().encode(address)).slice(0, 8);

const stem = (file: string) => file.replace(/\.[^./]+$/, '');

/** Where a file was found: its address, the list page it was on, the link's text. */
export interface Found {
  address: string;
  listPage: string | null;
  text: string;
}

export type SaveOutcome = { kind: 'saved'; id: string; file: string } | { kind: 'unchanged' } | { kind: 'same_content'; id: string };

export class ReportStore {
  private readonly byAddress = new Map<string, SourceRow>();
  /** The first row holding each sha256 (the report kept). */
  private readonly byHash = new Map<string, SourceRow>();
  /** Base name → the address it was given to ('' for a file saved by hand). */
  private readonly names = new Map<string, string>();
  /** Problems in sources.csv as read (its bad rows are ignored). */
  readonly problems: string[];

  constructor(
    private readonly reportsDir: string,
    private readonly sourcesFile: string,
  ) {
    const { rows, problems } = parseSources(existsSync(sourcesFile) ? readFileSync(sourcesFile, 'utf8') : '');
    this.problems = problems.map(sourceProblemText);
    if (existsSync(reportsDir)) {
      for (const entry of readdirSync(reportsDir, { recursive: true, withFileTypes: true }) as Dirent[]) {
        if (entry.isFile()) this.names.set(stem(join(entry.parentPath, entry.name).slice(reportsDir.length + 1).replace(/\\/g, '/')), '');
      }
    }
    for (const row of rows) this.remember(row);
  }

  private remember(row: SourceRow) {
    this.byAddress.set(row.address, row);
    if (row.sha256 && !this.byHash.has(row.sha256)) this.byHash.set(row.sha256, row);
    if (row.file) this.names.set(stem(row.file), row.address);
  }

  /** The row's file holds the bytes the row recorded. */
  private intact(row: SourceRow | undefined): row is SourceRow {
    if (!row?.file || !row.sha256) return false;
    const path = join(this.reportsDir, row.file);
    return existsSync(path) && sha256(readFileSync(path)) === row.sha256;
  }

  /** The row of an address already collected (its file still as recorded), or null. */
  collected(address: string): SourceRow | null {
    const row = this.byAddress.get(address);
    return this.intact(row) ? row : null;
  }

  /**
   * Saves fetched bytes as `<base>.<ext>` and records the row; when those bytes are saved already
   * (under this address: unchanged; under another: same content), only records the address.
   */
  save(found: Found, fetched: Fetched, base: (hash8: string) => string, now: Date): SaveOutcome {
    const hash = sha256(fetched.bytes);
    const row: SourceRow = {
      id: '',
      file: null,
      address: found.address,
      final_address: fetched.finalAddress,
      list_page: found.listPage,
      link_text: found.text || null,
      fetched_at: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      http_status: fetched.status,
      content_type: fetched.contentType,
      bytes: fetched.bytes.byteLength,
      sha256: hash,
      etag: fetched.etag,
      last_modified: fetched.lastModified,
    };
    const previous = this.byAddress.get(found.address);
    if (previous?.sha256 === hash && this.intact(previous)) return { kind: 'unchanged' };
    const same = this.byHash.get(hash);
    if (this.intact(same)) {
      this.append({ ...row, id: same.id, file: same.file });
      return { kind: 'same_content', id: same.id };
    }
    // The address keeps its name when its bytes change (--refresh); a new address gets a free one.
    const name =
      previous?.file && this.names.get(stem(previous.file)) === found.address
        ? stem(previous.file)
        : uniqueBaseName(base(hash8(found.address)), hash8(found.address), (b) => this.names.has(b) && this.names.get(b) !== found.address);
    const file = `${name}.${extensionFor(fetched.bytes, fetched.contentType, lastPathSegment(fetched.finalAddress))}`;
    const path = join(this.reportsDir, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(`${path}.part`, fetched.bytes);
    renameSync(`${path}.part`, path);
    this.append({ ...row, id: name, file });
    return { kind: 'saved', id: name, file };
  }

  private append(row: SourceRow) {
    mkdirSync(dirname(this.sourcesFile), { recursive: true });
    const text = existsSync(this.sourcesFile) ? readFileSync(this.sourcesFile, 'utf8') : '';
    if (text.trim() === '') writeFileSync(this.sourcesFile, sourcesCsv([row], true));
    else appendFileSync(this.sourcesFile, (text.endsWith('\n') ? '' : '\n') + sourcesCsv([row], false));
    this.remember(row);
  }
}
