/**
 * Every fact row the build holds (FACT_FIELDS: text fields, then numbers), kept as columns: the
 * text fields in one array each, the numbers of a row as 75 float64s in one shared memory (NaN
 * for null), where `starts` says each row's place. A summary holds its row number. At 100,000
 * reports, 100,000 arrays of 75 values made most of the main thread's heap, and much of a warm
 * rebuild went on collecting garbage around them.
 * The numbers go to the build cache as bytes, never as JSON, and a warm build's table is made
 * over the memory the cache's data file was read into (see cache.ts): a cached row's numbers are
 * read where they lie, never copied (copying 60 MB of rows into a growing table took over a
 * second at 100,000 reports, most of it the kernel giving the new pages). The facts.json worker
 * and the overview read them in place too, through a row's start (`NumberRows`).
 */
import { endianness } from 'node:os';
import { FACT_FIELDS, FACT_NUMBER_FIELDS, FACT_TEXT_FIELDS } from '../../src/lib/facts.ts';

export type FactValue = string | number | null;

const TEXTS = FACT_TEXT_FIELDS.length;
const NUMBERS = FACT_NUMBER_FIELDS.length;
/** The cache stores float64s little-endian: on such a machine they are the table's own bytes. */
const NATIVE_BYTES = endianness() === 'LE';
/** Bytes a row's numbers take, in the table and in the cache: each a little-endian float64, the first at a multiple of 8. */
export const FACT_NUMBER_BYTES = NUMBERS * 8;

/** A number as the table keeps it: what JSON would keep (null for NaN and ±Infinity, 0 for -0) is what comes back. */
const kept = (value: FactValue | undefined): number => (typeof value === 'number' && Number.isFinite(value) ? value + 0 : NaN);
/** A kept number as a fact value: null for NaN. */
const valueOf = (kept: number): number | null => (kept === kept ? kept : null);

/** Numbers of some rows where they lie: row k's number field i is `values[starts[k] + i]` (NaN for null). */
export interface NumberRows {
  values: Float64Array;
  starts: Int32Array;
}

export class FactTable {
  private readonly texts: FactValue[][] = FACT_TEXT_FIELDS.map(() => []);
  private memory: SharedArrayBuffer;
  private numbers: Float64Array;
  /** Where each row's numbers start in `numbers`, by row number. */
  private starts = new Int32Array(1024);
  /** The first float64 of `numbers` no row uses, nor the bytes the table was made over. */
  private end: number;
  private count = 0;
  /** Bytes of the memory the table was made over that hold cached rows; 0 once the table has grown into memory of its own. */
  private cached: number;

  /**
   * An empty table; or one over `memory` whose first `taken` bytes hold other things and rows'
   * numbers that addCached will name, the rest free for rows added.
   */
  constructor(memory?: SharedArrayBuffer, taken = 0) {
    this.memory = memory ?? new SharedArrayBuffer(1024 * FACT_NUMBER_BYTES);
    this.numbers = new Float64Array(this.memory, 0, Math.floor(this.memory.byteLength / 8));
    this.end = Math.ceil(taken / 8);
    this.cached = taken;
    if (this.end > this.numbers.length) throw new Error(`FactTable: ${taken} bytes taken of ${this.memory.byteLength}`);
  }

  /** Adds a row given as its values in FACT_FIELDS order; returns its row number. */
  add(values: readonly FactValue[]): number {
    const row = this.nextRow();
    for (let i = 0; i < TEXTS; i++) (this.texts[i] as FactValue[]).push(values[i] ?? null);
    if (this.end + NUMBERS > this.numbers.length) this.grow();
    const at = this.end;
    for (let i = 0; i < NUMBERS; i++) this.numbers[at + i] = kept(values[TEXTS + i]);
    this.starts[row] = at;
    this.end += NUMBERS;
    return row;
  }

  /**
   * Adds a row from its text values and its numbers already in the table's memory, as the cache
   * stores them (FACT_NUMBER_BYTES at byte `offset`, a multiple of 8, within the bytes taken).
   */
  addCached(texts: readonly FactValue[], offset: number): number {
    if (offset % 8 !== 0 || offset + FACT_NUMBER_BYTES > this.cached) throw new Error(`FactTable: no cached row at byte ${offset}`);
    const row = this.nextRow();
    for (let i = 0; i < TEXTS; i++) (this.texts[i] as FactValue[]).push(texts[i] ?? null);
    if (!NATIVE_BYTES) Buffer.from(this.memory, offset, FACT_NUMBER_BYTES).swap64();
    this.starts[row] = offset / 8;
    return row;
  }

  /** How many rows can be added before the table grows (growing copies every row's numbers into new memory). */
  roomForRows(): number {
    return Math.floor((this.numbers.length - this.end) / NUMBERS);
  }

  /** A row's text values, in FACT_TEXT_FIELDS order. */
  textsOf(row: number): FactValue[] {
    return this.texts.map((column) => column[row] ?? null);
  }

  /** A row's numbers as the cache stores them (on a little-endian machine a view of the table's memory: a row never changes once added). */
  numberBytes(row: number): Buffer {
    const bytes = Buffer.from(this.memory, (this.starts[row] as number) * 8, FACT_NUMBER_BYTES);
    return NATIVE_BYTES ? bytes : Buffer.from(bytes).swap64();
  }

  /** A row's values in FACT_FIELDS order (null where there is none). */
  valuesOf(row: number): FactValue[] {
    const values: FactValue[] = this.textsOf(row);
    const at = this.starts[row] as number;
    for (let i = 0; i < NUMBERS; i++) values.push(valueOf(this.numbers[at + i] as number));
    return values;
  }

  /**
   * The numbers of these rows but the year (TOTAL_FIELDS in overview.ts: every number field after
   * the first): what the overview sums. Valid until a row is added.
   */
  summedRows(rows: readonly number[]): NumberRows {
    return this.rowsFrom(rows, 1);
  }

  /** The text columns of these rows, in this order. */
  textColumns(rows: readonly number[]): Record<string, FactValue[]> {
    const columns: Record<string, FactValue[]> = {};
    FACT_TEXT_FIELDS.forEach((field, i) => {
      const source = this.texts[i] as FactValue[];
      columns[field] = rows.map((row) => source[row] ?? null);
    });
    return columns;
  }

  /** The numbers of these rows, in this order. Valid until a row is added. */
  numberRows(rows: readonly number[]): NumberRows {
    return this.rowsFrom(rows, 0);
  }

  /** One number column for these rows, in this order (null where there is none). */
  numberColumn(rows: readonly number[], field: (typeof FACT_NUMBER_FIELDS)[number]): FactValue[] {
    const i = FACT_NUMBER_FIELDS.indexOf(field);
    return rows.map((row) => valueOf(this.numbers[(this.starts[row] as number) + i] as number));
  }

  /** These rows' numbers from number field `first` on, in the table's memory. */
  private rowsFrom(rows: readonly number[], first: number): NumberRows {
    const starts = new Int32Array(rows.length);
    rows.forEach((row, k) => (starts[k] = (this.starts[row] as number) + first));
    return { values: this.numbers, starts };
  }

  private nextRow(): number {
    if (this.count === this.starts.length) {
      const grown = new Int32Array(this.starts.length * 2);
      grown.set(this.starts);
      this.starts = grown;
    }
    return this.count++;
  }

  /** Room for more rows: a memory of twice the rows, each row's numbers copied in, packed. */
  private grow(): void {
    const memory = new SharedArrayBuffer(Math.max(1024, 2 * (this.count + 1)) * FACT_NUMBER_BYTES);
    const numbers = new Float64Array(memory);
    // count rows are numbered so far; the row being added has no numbers yet.
    const rows = this.count - 1;
    for (let row = 0; row < rows; row++) {
      const at = this.starts[row] as number;
      numbers.set(this.numbers.subarray(at, at + NUMBERS), row * NUMBERS);
      this.starts[row] = row * NUMBERS;
    }
    this.memory = memory;
    this.numbers = numbers;
    this.end = rows * NUMBERS;
    this.cached = 0;
  }
}

/** Bytes of facts.json, written into chunks (each its own ArrayBuffer: a worker hands them over without copying). */
class ChunkedBytes {
  readonly chunks: Buffer[] = [];
  /** The chunk being filled (made when first needed). */
  private chunk: Buffer | null = null;
  private at = 0;

  constructor(private readonly chunkBytes = 1 << 20) {}

  /** The current chunk, with room for `bytes` more: a new one if need be. */
  private room(bytes: number): Buffer {
    if (this.chunk && this.at + bytes <= this.chunk.length) return this.chunk;
    this.close();
    this.chunk = Buffer.allocUnsafeSlow(Math.max(this.chunkBytes, bytes));
    return this.chunk;
  }

  /** Ends the current chunk (if any): the next bytes go to a new one. */
  private close(): void {
    if (this.chunk && this.at > 0) this.chunks.push(this.chunk.subarray(0, this.at));
    this.chunk = null;
    this.at = 0;
  }

  byte(value: number): void {
    const chunk = this.room(1);
    chunk[this.at++] = value;
  }

  text(value: string): void {
    // room() first, on its own: it may start a new chunk and set `at` to 0, which `this.at += …` would read before.
    const chunk = this.room(Buffer.byteLength(value, 'utf8'));
    this.at += chunk.write(value, this.at, 'utf8');
  }

  /** A number as JSON writes it: its String (JSON.stringify of a finite number), null for NaN. Whole numbers below 2^31 digit by digit, no string made. */
  number(value: number): void {
    if (value !== value) return this.text('null');
    if (!(value >= 0 && value < 2147483648 && (value | 0) === value)) return this.text(String(value));
    const digits = value < 10 ? 1 : value < 100 ? 2 : value < 1000 ? 3 : value < 10000 ? 4 : value < 100000 ? 5 : value < 1000000 ? 6 : value < 10000000 ? 7 : value < 100000000 ? 8 : value < 1000000000 ? 9 : 10;
    const chunk = this.room(digits);
    let rest = value;
    for (let i = this.at + digits - 1; i >= this.at; i--) {
      const next = (rest / 10) | 0;
      chunk[i] = 48 + rest - next * 10;
      rest = next;
    }
    this.at += digits;
  }

  /** Bytes of their own (an ArrayBuffer no other chunk shares), taken as a chunk, not copied. */
  take(bytes: Uint8Array): void {
    this.close();
    this.chunks.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }

  /** Another's bytes, after these (its chunks become these'). */
  append(other: ChunkedBytes): void {
    this.close();
    this.chunks.push(...other.done());
  }

  done(): Buffer[] {
    this.close();
    return this.chunks;
  }
}

/**
 * The JSON of each text column (FactTable.textColumns), as UTF-8 bytes each in an ArrayBuffer of
 * its own, for facts.json: made on the thread that has the columns and handed to the facts.json
 * worker without a copy (1.2 million strings at 100,000 reports took ~0.1 s to send and longer
 * to receive, and as long again to write there).
 */
export function textColumnsJson(texts: Readonly<Record<string, FactValue[]>>, count: number): Record<string, Uint8Array> {
  const utf8 = new TextEncoder();
  return Object.fromEntries(FACT_TEXT_FIELDS.map((field) => [field, utf8.encode(JSON.stringify(texts[field] ?? new Array<FactValue>(count).fill(null)))]));
}

const COMMA = 44;
const OPEN = 91;
const CLOSE = 93;

/**
 * facts.json as UTF-8 bytes, in chunks: `{"schema_version":…,"count":…,"columns":{…}}`, every
 * field of FACT_FIELDS in order, each a column of the rows given (texts as textColumnsJson gives
 * them, taken as chunks; numbers from numberRows): the bytes JSON.stringify gives of that object.
 * The number columns are written from the table's memory straight to bytes (made as 6 million
 * boxed values, or as strings, they took a worker 2.5 s at 100,000 reports, most of it collecting
 * garbage), all in one pass over the rows, each column to bytes of its own: a row's numbers lie
 * together, and a pass per column (75 over 60 MB, a cache miss a number) took 1.4 s at 100,000
 * reports.
 */
export function factsJson(schemaVersion: number, textsJson: Readonly<Record<string, Uint8Array>>, numbers: NumberRows, count: number): Buffer[] {
  const { values, starts } = numbers;
  const columns = FACT_NUMBER_FIELDS.map(() => new ChunkedBytes(1 << 16));
  for (let k = 0; k < count; k++) {
    const at = starts[k] as number;
    for (let i = 0; i < NUMBERS; i++) {
      const column = columns[i] as ChunkedBytes;
      if (k > 0) column.byte(COMMA);
      column.number(values[at + i] as number);
    }
  }
  const out = new ChunkedBytes();
  out.text(`{"schema_version":${JSON.stringify(schemaVersion)},"count":${JSON.stringify(count)},"columns":{`);
  FACT_FIELDS.forEach((field, f) => {
    out.text(`${f > 0 ? ',' : ''}${JSON.stringify(field)}:`);
    const i = FACT_NUMBER_FIELDS.indexOf(field as (typeof FACT_NUMBER_FIELDS)[number]);
    if (i < 0) {
      const text = textsJson[field];
      if (!text) throw new Error(`facts.json: no JSON given for the text column ${field}`);
      return out.take(text);
    }
    out.byte(OPEN);
    out.append(columns[i] as ChunkedBytes);
    out.byte(CLOSE);
  });
  out.text('}}');
  return out.done();
}
