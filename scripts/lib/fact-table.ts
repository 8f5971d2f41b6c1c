/**
 * Every fact row the build holds (FACT_FIELDS: text fields, then numbers), kept as columns: the
 * text fields in one array each, the numbers row after row in one Float64Array (NaN for null).
 * A summary holds its row number. At 100,000 reports, 100,000 arrays of 75 values made most of
 * the main thread's heap, and much of a warm rebuild went on collecting garbage around them.
 * The numbers go to the build cache as bytes (`numberBytes`, `addFromBytes`), never as JSON.
 * They live in shared memory: the facts.json worker and the overview read them where they are,
 * through a row's start (`NumberRows`), never copied row by row (100,000 rows are 50 MB).
 */
import { endianness } from 'node:os';
import { FACT_FIELDS, FACT_NUMBER_FIELDS, FACT_TEXT_FIELDS } from '../../src/lib/facts.ts';

export type FactValue = string | number | null;

const TEXTS = FACT_TEXT_FIELDS.length;
const NUMBERS = FACT_NUMBER_FIELDS.length;
/** The cache stores float64s little-endian: on such a machine they are the table's own bytes, copied as they are. */
const NATIVE_BYTES = endianness() === 'LE';
/** Bytes a row's numbers take in the cache: each a little-endian float64. */
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

const sharedNumbers = (length: number) => new Float64Array(new SharedArrayBuffer(length * 8));

export class FactTable {
  private readonly texts: FactValue[][] = FACT_TEXT_FIELDS.map(() => []);
  private numbers = sharedNumbers(1024 * NUMBERS);
  /** The same memory as bytes. */
  private numberMemory = new Uint8Array(this.numbers.buffer);
  private count = 0;

  /** Adds a row given as its values in FACT_FIELDS order; returns its row number. */
  add(values: readonly FactValue[]): number {
    const row = this.nextRow();
    for (let i = 0; i < TEXTS; i++) (this.texts[i] as FactValue[]).push(values[i] ?? null);
    const at = row * NUMBERS;
    for (let i = 0; i < NUMBERS; i++) this.numbers[at + i] = kept(values[TEXTS + i]);
    return row;
  }

  /** Adds a row from its text values and its numbers as bytes (FACT_NUMBER_BYTES from `offset`, see numberBytes). */
  addFromBytes(texts: readonly FactValue[], bytes: Buffer, offset: number): number {
    const row = this.nextRow();
    for (let i = 0; i < TEXTS; i++) (this.texts[i] as FactValue[]).push(texts[i] ?? null);
    if (NATIVE_BYTES) {
      bytes.copy(this.numberMemory, row * FACT_NUMBER_BYTES, offset, offset + FACT_NUMBER_BYTES);
    } else {
      for (let i = 0; i < NUMBERS; i++) this.numbers[row * NUMBERS + i] = bytes.readDoubleLE(offset + i * 8);
    }
    return row;
  }

  /** A row's text values, in FACT_TEXT_FIELDS order. */
  textsOf(row: number): FactValue[] {
    return this.texts.map((column) => column[row] ?? null);
  }

  /** A row's numbers as the bytes addFromBytes reads (on a little-endian machine a view of the table's memory: a row never changes once added). */
  numberBytes(row: number): Buffer {
    if (NATIVE_BYTES) return Buffer.from(this.numbers.buffer, row * FACT_NUMBER_BYTES, FACT_NUMBER_BYTES);
    const out = Buffer.alloc(FACT_NUMBER_BYTES);
    for (let i = 0; i < NUMBERS; i++) out.writeDoubleLE(this.numbers[row * NUMBERS + i] as number, i * 8);
    return out;
  }

  /** A row's values in FACT_FIELDS order (null where there is none). */
  valuesOf(row: number): FactValue[] {
    const values: FactValue[] = this.textsOf(row);
    for (let i = 0; i < NUMBERS; i++) values.push(valueOf(this.numbers[row * NUMBERS + i] as number));
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
    return rows.map((row) => valueOf(this.numbers[row * NUMBERS + i] as number));
  }

  /** These rows' numbers from number field `first` on, in the table's memory. */
  private rowsFrom(rows: readonly number[], first: number): NumberRows {
    const starts = new Int32Array(rows.length);
    rows.forEach((row, k) => (starts[k] = row * NUMBERS + first));
    return { values: this.numbers, starts };
  }

  private nextRow(): number {
    if ((this.count + 1) * NUMBERS > this.numbers.length) {
      const grown = sharedNumbers(this.numbers.length * 2);
      grown.set(this.numbers);
      this.numbers = grown;
      this.numberMemory = new Uint8Array(grown.buffer);
    }
    return this.count++;
  }
}

/** Bytes of facts.json, written into chunks of 1 MiB each its own ArrayBuffer (a worker hands them over without copying). */
class ChunkedBytes {
  private static readonly CHUNK = 1 << 20;
  readonly chunks: Buffer[] = [];
  private chunk = Buffer.allocUnsafeSlow(ChunkedBytes.CHUNK);
  private at = 0;

  /** Room for `bytes` more in the current chunk, starting a new one if need be. */
  private room(bytes: number): void {
    if (this.at + bytes <= this.chunk.length) return;
    this.chunks.push(this.chunk.subarray(0, this.at));
    this.chunk = Buffer.allocUnsafeSlow(Math.max(ChunkedBytes.CHUNK, bytes));
    this.at = 0;
  }

  byte(value: number): void {
    this.room(1);
    this.chunk[this.at++] = value;
  }

  text(value: string): void {
    this.room(Buffer.byteLength(value, 'utf8'));
    this.at += this.chunk.write(value, this.at, 'utf8');
  }

  /** A number as JSON writes it: its String (JSON.stringify of a finite number), null for NaN. Whole numbers digit by digit, no string made. */
  number(value: number): void {
    if (value !== value) return this.text('null');
    if (!(value >= 0 && value < 1e15 && Math.floor(value) === value)) return this.text(String(value));
    let digits = 1;
    for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) digits++;
    this.room(digits);
    let rest = value;
    for (let i = this.at + digits - 1; i >= this.at; i--) {
      this.chunk[i] = 48 + (rest % 10);
      rest = Math.floor(rest / 10);
    }
    this.at += digits;
  }

  done(): Buffer[] {
    if (this.at > 0) this.chunks.push(this.chunk.subarray(0, this.at));
    this.at = 0;
    return this.chunks;
  }
}

const COMMA = 44;
const OPEN = 91;
const CLOSE = 93;

/**
 * facts.json as UTF-8 bytes, in chunks: `{"schema_version":…,"count":…,"columns":{…}}`, every
 * field of FACT_FIELDS in order, each a column of the rows given (texts from textColumns, numbers
 * from numberRows): the bytes JSON.stringify gives of that object. The number columns are written
 * from the table's memory straight to bytes: made as 6 million boxed values, or as strings, they
 * took a worker 2.5 s at 100,000 reports, most of it collecting garbage.
 */
export function factsJson(schemaVersion: number, texts: Readonly<Record<string, FactValue[]>>, numbers: NumberRows, count: number): Buffer[] {
  const { values, starts } = numbers;
  const out = new ChunkedBytes();
  out.text(`{"schema_version":${JSON.stringify(schemaVersion)},"count":${JSON.stringify(count)},"columns":{`);
  FACT_FIELDS.forEach((field, f) => {
    out.text(`${f > 0 ? ',' : ''}${JSON.stringify(field)}:`);
    const i = FACT_NUMBER_FIELDS.indexOf(field as (typeof FACT_NUMBER_FIELDS)[number]);
    if (i < 0) return out.text(JSON.stringify(texts[field] ?? new Array<FactValue>(count).fill(null)));
    out.byte(OPEN);
    for (let k = 0; k < count; k++) {
      if (k > 0) out.byte(COMMA);
      out.number(values[(starts[k] as number) + i] as number);
    }
    out.byte(CLOSE);
  });
  out.text('}}');
  return out.done();
}
