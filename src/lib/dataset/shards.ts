/**
 * Where a report's full record lies: `reports/<shard>.jsonl` (layout.ts), where the shard is the
 * first three hex digits of the 32-bit FNV-1a hash of the id's UTF-8 bytes. A few thousand files
 * whatever the number of reports; a rebuild rewrites only the shards of the reports it changed.
 * Each line is one record, lines in id order.
 */

const utf8 = new TextEncoder();

/** The 32-bit FNV-1a hash of an id's UTF-8 bytes. */
export function idHash(id: string): number {
  let hash = 0x811c9dc5;
  // ASCII ids (the usual file names) are hashed straight from their characters, others from their UTF-8 bytes.
  let ascii = true;
  for (let i = 0; i < id.length && ascii; i++) ascii = id.charCodeAt(i) < 0x80;
  if (ascii) {
    for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193) >>> 0;
  } else {
    for (const byte of utf8.encode(id)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  }
  return hash;
}

/** The shard of a report id: three lower-case hex digits, 000–fff. */
export function reportShard(id: string): string {
  return (idHash(id) >>> 20).toString(16).padStart(3, '0');
}

/** A shard file name (e.g. `0a3.jsonl`) → its shard, or null for a name that is not one. */
export function shardOfFileName(name: string): string | null {
  return /^([0-9a-f]{3})\.jsonl$/.exec(name)?.[1] ?? null;
}

const ID_AT_START = /^\{"schema_version":\d+,"id":("(?:[^"\\]|\\.)*")/;

/** The id of one record line, read from its start (records are written schema_version first, then id). */
export function idOfRecordLine(line: string): string | null {
  const quoted = ID_AT_START.exec(line)?.[1];
  return quoted === undefined ? null : (JSON.parse(quoted) as string);
}

/** The lines of a shard file (each a JSON record), without the empty last one. */
export function shardLines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}
