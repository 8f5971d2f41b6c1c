/**
 * Records parsed by this build, kept on disk until the shard files are written: the parse workers
 * hand each record's JSON to the main thread, which appends it here (one temporary file, written
 * in order) and reads it back by id when it writes the shards. Holding 100,000 records in memory
 * would take gigabytes; writing one file per report is slow on most disks.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const FLUSH_BYTES = 4 * 1024 * 1024;

export class RecordSpool {
  private readonly dir = mkdtempSync(join(tmpdir(), 'build-data-spool-'));
  private readonly fd = openSync(join(this.dir, 'records.jsonl'), 'w+');
  private readonly at = new Map<string, { offset: number; length: number }>();
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private written = 0;

  /** Keeps one record's JSON (a later add for the same id replaces it). */
  add(id: string, json: string): void {
    const bytes = Buffer.from(`${json}\n`, 'utf8');
    this.at.set(id, { offset: this.written + this.pendingBytes, length: bytes.length });
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    if (this.pendingBytes >= FLUSH_BYTES) this.flush();
  }

  has(id: string): boolean {
    return this.at.has(id);
  }

  /** The record line (JSON and newline) kept for this id, or null. */
  line(id: string): Buffer | null {
    const where = this.at.get(id);
    if (!where) return null;
    this.flush();
    const out = Buffer.allocUnsafe(where.length);
    let read = 0;
    while (read < where.length) read += readSync(this.fd, out, read, where.length - read, where.offset + read);
    return out;
  }

  private flush(): void {
    if (this.pendingBytes === 0) return;
    const chunk = Buffer.concat(this.pending, this.pendingBytes);
    let done = 0;
    while (done < chunk.length) done += writeSync(this.fd, chunk, done, chunk.length - done, this.written + done);
    this.written += chunk.length;
    this.pending = [];
    this.pendingBytes = 0;
  }

  /** Deletes the temporary file. */
  close(): void {
    closeSync(this.fd);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
