/**
 * A streaming RFC 4180 reader: bytes in, batches of rows out, each row with the physical line it
 * starts on. Memory is bounded by one read chunk plus one record: a record longer than
 * `maxRecordLength` is an error naming its line, never an out-of-memory.
 *
 * Hand-rolled rather than PapaParse (docs/adr/0006-csv-parsing.md): it keeps line numbers,
 * bounds memory, refuses bytes that are not UTF-8 instead of replacing them, and lets the
 * attendance importer read fields in place (csv-parser.ts's CsvSink).
 */
import { isAscii } from 'node:buffer';
import fs from 'node:fs';
import { CsvError } from './csv-error.js';
import { CsvParser, DEFAULT_MAX_RECORD_LENGTH, splitLine, type CsvSink } from './csv-parser.js';
import { encodingMessage, firstInvalidUtf8, sniff, SNIFF_BYTES } from './sniff.js';

export { DEFAULT_MAX_RECORD_LENGTH, splitLine, type CsvSink } from './csv-parser.js';

export interface CsvReadOptions {
  /** Rows per batch (default 1,000). */
  readonly batchSize?: number;
  /** The longest record allowed, in characters (default 1 MiB). */
  readonly maxRecordLength?: number;
  /** Skip records whose every field is empty, such as `,,,` from a spreadsheet (default true). */
  readonly skipBlankRecords?: boolean;
}

/** A record that could be split into fields only by guessing: the importer rejects it. */
export interface CsvMalformedRecord {
  readonly line: number;
  readonly reason: string;
}

export interface CsvBatch {
  /** The fields of each record, in file order. */
  readonly rows: string[][];
  /** lines[i] is the 1-based physical line on which rows[i] starts. */
  readonly lines: number[];
  readonly malformed: CsvMalformedRecord[];
  /** Records skipped because every field was empty (blank lines are not counted). */
  blank: number;
  /** Bytes of the file consumed so far: for progress. */
  bytesRead: number;
}

export interface CsvFile {
  readonly header: string[];
  readonly headerLine: number;
  /** The records after the header. Iterate once. */
  readonly batches: AsyncIterable<CsvBatch>;
}

/**
 * 1,000 rows, not 10,000: with 10,000 the rows of a batch outlive V8's young-generation
 * collections, V8 starts allocating rows straight into the old generation ("pretenuring"), and
 * reading the attendance file took 3 to 4 times as long (ADR 0006).
 */
export const DEFAULT_BATCH_SIZE = 1_000;

const LF = 10;

function newBatch(): CsvBatch {
  return { rows: [], lines: [], malformed: [], blank: 0, bytesRead: 0 };
}

/** Collects records into batches of rows. */
export class BatchSink implements CsvSink {
  private batch = newBatch();
  private bytesRead = 0;
  private readonly ready: CsvBatch[] = [];

  constructor(
    private readonly batchSize = DEFAULT_BATCH_SIZE,
    private readonly skipBlank = true,
  ) {}

  line(text: string, start: number, end: number, line: number): void {
    // Measured faster than slice-and-split (ADR 0006).
    this.record(splitLine(text, start, end), line);
  }

  record(fields: string[], line: number): void {
    const batch = this.batch;
    if (this.skipBlank && fields[0] === '' && fields.every((f) => f === '')) {
      batch.blank++;
      return;
    }
    batch.rows.push(fields);
    batch.lines.push(line);
    if (batch.rows.length >= this.batchSize) this.finishBatch();
  }

  malformed(line: number, reason: string): void {
    this.batch.malformed.push({ line, reason });
  }

  progress(bytesRead: number, final: boolean): void {
    this.bytesRead = bytesRead;
    const b = this.batch;
    if (final && (b.rows.length > 0 || b.malformed.length > 0 || b.blank > 0)) this.finishBatch();
  }

  /** Batches completed so far; each is handed out once. */
  take(): CsvBatch[] {
    return this.ready.splice(0, this.ready.length);
  }

  private finishBatch(): void {
    this.batch.bytesRead = this.bytesRead;
    this.ready.push(this.batch);
    this.batch = newBatch();
  }
}

/**
 * Feeds a byte source through the parser into a sink, yielding after each chunk so a caller can
 * hand out what the sink has collected. Throws CsvError for files that are not CSV.
 */
async function* drive(
  source: AsyncIterable<Uint8Array | string>,
  sink: CsvSink,
  maxRecordLength: number,
): AsyncGenerator<void> {
  const parser = new CsvParser(sink, maxRecordLength);
  const decoder = new TextDecoder('utf-8', { fatal: true }); // strips a leading byte-order mark
  let bytesRead = 0;
  let head: Uint8Array | undefined = new Uint8Array(0);

  // Most files are ASCII throughout: while they are, a chunk is read as Latin-1 (the same
  // characters, several times faster than decoding UTF-8). From the first other byte on, the
  // UTF-8 decoder takes every chunk, so a character split across chunks is never cut.
  let ascii = true;
  const decode = (bytes: Uint8Array, final: boolean): string => {
    if (ascii && isAscii(bytes)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    ascii = false;
    try {
      return decoder.decode(bytes, { stream: !final });
    } catch {
      const bad = Math.max(0, firstInvalidUtf8(bytes, final));
      let line = parser.nextLine;
      for (let i = 0; i < bad; i++) if (bytes[i] === LF) line++;
      throw new CsvError('encoding', encodingMessage(line), line);
    }
  };

  for await (const raw of source) {
    let bytes: Uint8Array = typeof raw === 'string' ? Buffer.from(raw) : raw;
    bytesRead += bytes.length;
    if (head) {
      // Hold back the first kilobyte until it can be sniffed whole.
      bytes = head.length === 0 ? bytes : Buffer.concat([head, bytes]);
      if (bytes.length < SNIFF_BYTES) {
        head = bytes;
        continue;
      }
      sniff(bytes, false);
      head = undefined;
    }
    parser.feed(decode(bytes, false), false, bytesRead);
    yield;
  }
  let tail = '';
  if (head) {
    if (head.length === 0) throw new CsvError('empty', 'The file is empty.');
    sniff(head, true);
    tail = decode(head, false);
  }
  tail += decode(new Uint8Array(0), true);
  parser.feed(tail, true, bytesRead);
  if (parser.records === 0) throw new CsvError('empty', 'The file is empty.');
}

/** Every record of the file, the header included, in batches. Throws CsvError for files that are not CSV. */
export async function* readCsvBatches(
  source: AsyncIterable<Uint8Array | string>,
  options: CsvReadOptions = {},
): AsyncGenerator<CsvBatch> {
  const sink = new BatchSink(options.batchSize ?? DEFAULT_BATCH_SIZE, options.skipBlankRecords ?? true);
  for await (const _ of drive(source, sink, options.maxRecordLength ?? DEFAULT_MAX_RECORD_LENGTH)) {
    yield* sink.take();
  }
  yield* sink.take();
}

/**
 * Reads a whole file into a sink of your own: for a hot path that reads fields in place
 * (formats/attendance.fast.ts). Resolves when the file is read; throws CsvError as readCsvBatches.
 */
export async function readCsvInto(
  source: AsyncIterable<Uint8Array | string>,
  sink: CsvSink,
  options: Pick<CsvReadOptions, 'maxRecordLength'> & {
    /** After each chunk the sink has taken; reading waits for what it returns (backpressure). */
    readonly afterChunk?: () => Promise<void> | void;
  } = {},
): Promise<void> {
  for await (const _ of drive(source, sink, options.maxRecordLength ?? DEFAULT_MAX_RECORD_LENGTH)) {
    // the sink does the work; the caller may write what it has so far
    const pending = options.afterChunk?.();
    if (pending) await pending;
  }
}

/** Reads the header row, then hands out the rest in batches. */
export async function openCsv(source: AsyncIterable<Uint8Array | string>, options: CsvReadOptions = {}): Promise<CsvFile> {
  const iterator = readCsvBatches(source, options);
  let first: CsvBatch | undefined;
  for (;;) {
    const next = await iterator.next();
    if (next.done) break;
    if (next.value.rows.length > 0 || next.value.malformed.length > 0) {
      first = next.value;
      break;
    }
  }
  if (!first) throw new CsvError('empty', 'The file is empty.');
  const firstRowLine = first.lines[0] ?? Infinity;
  const firstBad = first.malformed[0];
  if (firstBad && firstBad.line < firstRowLine) {
    throw new CsvError('malformed-header', `The header row (line ${firstBad.line}) ${firstBad.reason}.`, firstBad.line);
  }
  const header = first.rows[0]!;
  const rest: CsvBatch = {
    rows: first.rows.slice(1),
    lines: first.lines.slice(1),
    malformed: first.malformed,
    blank: first.blank,
    bytesRead: first.bytesRead,
  };
  async function* batches(): AsyncGenerator<CsvBatch> {
    if (rest.rows.length > 0 || rest.malformed.length > 0 || rest.blank > 0) yield rest;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { header, headerLine: firstRowLine, batches: batches() };
}

/**
 * Opens a file in 64 KiB reads. Larger reads measured slower (ADR 0006): rows slice a chunk's
 * text, and big chunks are costlier for the garbage collector to keep and free.
 */
export function openCsvFile(path: string, options: CsvReadOptions = {}): Promise<CsvFile> {
  return openCsv(fs.createReadStream(path, { highWaterMark: 64 * 1024 }), options);
}
