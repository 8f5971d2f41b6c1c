/**
 * Writes the shard files (reports/<shard>.jsonl: full records, one a line, in id order) while the
 * parse runs, so that no more than a few shards' records are ever held in memory: tasks arrive
 * sorted by shard, and a shard is written as soon as the last of its files has been processed,
 * with the records of its unchanged reports copied from the shard file the last build wrote.
 * Duplicates are only known once everything is parsed: a shard with a record whose agency and
 * year came before waits for `settle`, which then writes it and rewrites each shard whose file
 * does not hold exactly its used reports (see plan-shards.ts).
 */
import { shardFile } from '../../src/lib/dataset/layout.ts';
import { idOfRecordLine } from '../../src/lib/dataset/shards.ts';
import { forEachLine } from './byte-lines.ts';
import { writeSoon, type OutputWriter } from './effects.ts';
import { planShards } from './plan-shards.ts';

/** A record line: its JSON as bytes, with or without the final newline. */
type Line = Buffer;
const NEWLINE = Buffer.from('\n');

/** The lines of a shard file (each with its newline), by id. */
function linesById(bytes: Uint8Array): Map<string, Buffer> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Map<string, Buffer>();
  forEachLine(buffer, (start, end) => {
    // The id is at the start of the line: decode a prefix, the whole line only for a very long id.
    const id = idOfRecordLine(buffer.toString('utf8', start, Math.min(end, start + 512))) ?? idOfRecordLine(buffer.toString('utf8', start, end));
    if (id !== null) out.set(id, buffer.subarray(start, end + 1));
  });
  return out;
}

export class ShardAssembler {
  private readonly open = new Map<string, { pending: number; lines: Map<string, Line>; suspect: boolean }>();
  /** How many records of this run share each duplicate key (agency and year). */
  private readonly seen = new Map<string, number>();
  /** Finished shards holding a record that shares its agency and year with another: written once duplicates are settled. */
  private readonly held = new Map<string, Map<string, Line>>();
  /** Shard writes under way on the thread pool (writeSoon), so the parse is not held up by file creation; settle awaits them. */
  private writing: Promise<void>[] = [];
  /** The first of those writes that failed: raised by settle (caught here, so it is not an unhandled rejection meanwhile). */
  private writeFailure: unknown = null;

  /**
   * @param contents what each shard file on disk holds now (shard → ids), from the last build
   * @param unchanged ids of reports not parsed by this run whose record, if in its shard file, stays valid
   */
  constructor(
    private readonly writer: OutputWriter,
    private readonly contents: Map<string, Set<string>>,
    private readonly unchanged: ReadonlySet<string>,
  ) {}

  /** One more file of this shard will be processed. */
  expect(shard: string): void {
    const state = this.open.get(shard);
    if (state) state.pending++;
    else this.open.set(shard, { pending: 1, lines: new Map(), suspect: false });
  }

  /**
   * A file of this shard was processed: its record's JSON (no newline), or null when it is not a
   * report, and its duplicate key (duplicates.ts). A finished shard is written at once unless one of
   * its records shares agency and year with a record seen before: a duplicate may be dropped, so
   * that shard waits for `settle` rather than be written twice.
   */
  receive(shard: string, id: string, json: Buffer | null, duplicateKey: string | null = null): void {
    const state = this.open.get(shard);
    if (!state) throw new Error(`build-data bug: shard ${shard} got ${id} but expected nothing more`);
    if (json !== null) state.lines.set(id, json);
    if (duplicateKey !== null) {
      const count = (this.seen.get(duplicateKey) ?? 0) + 1;
      this.seen.set(duplicateKey, count);
      if (count > 1) state.suspect = true;
    }
    if (--state.pending === 0) {
      this.open.delete(shard);
      const lines = this.withUnchanged(shard, state.lines);
      if (state.suspect) this.held.set(shard, lines);
      else this.write(shard, lines);
    }
  }

  /** Adds the records of this shard's unchanged reports, from its file. */
  private withUnchanged(shard: string, lines: Map<string, Line>): Map<string, Line> {
    const before = this.contents.get(shard);
    if (!before || ![...before].some((id) => !lines.has(id) && this.unchanged.has(id))) return lines;
    const old = this.writer.read(shardFile(shard));
    if (old) for (const [id, line] of linesById(old)) if (!lines.has(id) && this.unchanged.has(id)) lines.set(id, line);
    return lines;
  }

  private write(shard: string, lines: ReadonlyMap<string, Line>): void {
    const ids = [...lines.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (ids.length === 0) {
      if (this.contents.delete(shard)) this.writer.remove(shardFile(shard));
      return;
    }
    // Lines from an old shard file end in a newline; new records do not.
    const parts = ids.flatMap((id) => {
      const line = lines.get(id) as Line;
      return line[line.length - 1] === 10 ? [line] : [line, NEWLINE];
    });
    // A shard is written at most once during the parse and once in settle, which awaits the
    // parse's writes before it reads any shard back: writes need no ordering.
    this.writing.push(writeSoon(this.writer, shardFile(shard), parts).catch((e: unknown) => void (this.writeFailure ??= e)));
    this.contents.set(shard, new Set(ids));
  }

  /**
   * Once the used reports are known: rewrites each shard whose file does not hold exactly them
   * (dropping duplicates, adding a report that is used now but was not written), removes shard
   * files no used report belongs to. `reparse` gives the JSON of reports found in no file.
   */
  async settle(usedIds: readonly string[], reparse: (ids: string[]) => Promise<Map<string, Buffer>>): Promise<void> {
    if (this.open.size > 0) throw new Error(`build-data bug: ${this.open.size} shards still waiting for files`);
    // Shard files written during the parse are read back below: let every write finish first.
    await this.finishWrites();
    // A held shard counts as holding nothing yet: the plan then lists it to be written.
    for (const shard of this.held.keys()) this.contents.set(shard, new Set());
    const plan = planShards(usedIds, this.contents);
    const found = new Map<string, Map<string, Line>>();
    for (const shard of plan.dirty) {
      const held = this.held.get(shard);
      const old = held || !this.contents.has(shard) ? null : this.writer.read(shardFile(shard));
      found.set(shard, held ?? (old ? linesById(old) : new Map()));
    }
    const missing = plan.dirty.flatMap((shard) => (plan.members.get(shard) as string[]).filter((id) => !found.get(shard)?.has(id)));
    const reparsed = missing.length > 0 ? await reparse(missing) : new Map<string, Buffer>();
    for (const shard of plan.dirty) {
      const lines = new Map<string, Line>();
      for (const id of plan.members.get(shard) as string[]) {
        const line = found.get(shard)?.get(id) ?? reparsed.get(id);
        if (line === undefined) throw new Error(`build-data bug: no record for used report ${id} (shard ${shard})`);
        lines.set(id, line);
      }
      this.write(shard, lines);
    }
    for (const shard of plan.stale) this.write(shard, new Map());
    this.held.clear();
    await this.finishWrites();
  }

  /** Waits for the shard writes under way; raises the first that failed. */
  private async finishWrites(): Promise<void> {
    await Promise.all(this.writing);
    this.writing = [];
    if (this.writeFailure) throw this.writeFailure;
  }

  /** Whether this report's record is in its shard file now. */
  holds(shard: string, id: string): boolean {
    return this.contents.get(shard)?.has(id) ?? false;
  }
}
