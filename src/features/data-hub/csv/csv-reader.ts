/**
 * A streaming RFC 4180 reader: bytes in, batches of rows out, each row with the physical line it
 * starts on. Memory is bounded by one read chunk plus one record: a record longer than
 * `maxRecordLength` is an error naming its line, never an out-of-memory.
 *
 * Hand-rolled rather than PapaParse (docs/adr/0006-csv-parsing.md): on the 15.8M-row attendance
 * file it reads rows in less than half PapaParse's time. Lines without a quote take a fast path
 * (indexOf for the newline and each comma); only records with a quote are walked character by
 * character.
 */
import fs from 'node:fs';
import { CsvError } from './csv-error.js';
import { encodingMessage, firstInvalidUtf8, sniff, SNIFF_BYTES } from './sniff.js';

export interface CsvReadOptions {
  /** Rows per batch (default 10,000). */
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

export const DEFAULT_BATCH_SIZE = 10_000;
export const DEFAULT_MAX_RECORD_LENGTH = 1024 * 1024;

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

function newBatch(): CsvBatch {
  return { rows: [], lines: [], malformed: [], blank: 0, bytesRead: 0 };
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  let i = text.indexOf('\n', from);
  while (i !== -1 && i < to) {
    count++;
    i = text.indexOf('\n', i + 1);
  }
  return count;
}

interface SlowRecord {
  fields: string[];
  /** Index just after the record's line ending. */
  end: number;
  newlines: number;
  problem: string | undefined;
}

/**
 * Where the parser puts records. A record without quotes is handed over as a range of the text
 * (no strings made), so a consumer can read fields in place; a record with quotes as its fields.
 */
export interface CsvSink {
  /** A record without quotes: `text.slice(start, end)` (line ending removed), fields split by commas. */
  line(text: string, start: number, end: number, line: number): void;
  /** A record with quotes, its fields unescaped. */
  record(fields: string[], line: number): void;
  malformed(line: number, reason: string): void;
  /** Called after each chunk and at the end, with the bytes read so far. */
  progress(bytesRead: number, final: boolean): void;
}

/** The fields of a record without quotes. */
export function splitLine(text: string, start: number, end: number): string[] {
  const fields: string[] = [];
  let from = start;
  for (;;) {
    const comma = text.indexOf(',', from);
    if (comma === -1 || comma >= end) break;
    fields.push(text.slice(from, comma));
    from = comma + 1;
  }
  fields.push(text.slice(from, end));
  return fields;
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

/** The incremental parser: text in (already decoded), records out to a sink. */
export class CsvParser {
  /** Unparsed text; always starts at a record boundary. */
  private text = '';
  /** The physical line on which `text` starts. */
  private line = 1;
  private headerChecked = false;
  /** Records seen, blank and malformed ones included. */
  records = 0;

  constructor(
    private readonly sink: CsvSink,
    private readonly maxRecordLength = DEFAULT_MAX_RECORD_LENGTH,
  ) {}

  /** The line the unparsed text starts on, plus the newlines in it: where the next byte lands. */
  get nextLine(): number {
    return this.line + countNewlines(this.text, 0, this.text.length);
  }

  feed(chunk: string, final: boolean, bytesRead: number): void {
    const sink = this.sink;
    const text = this.text.length === 0 ? chunk : this.text + chunk;
    if (!this.headerChecked) this.checkLineEndings(text, final);
    const n = text.length;
    const max = this.maxRecordLength;
    let pos = 0;
    let quote = text.indexOf('"');
    if (quote === -1) quote = n;
    while (pos < n) {
      let nl = text.indexOf('\n', pos);
      if (nl === -1) {
        if (!final) break;
        nl = n;
      }
      if (quote < pos) {
        quote = text.indexOf('"', pos);
        if (quote === -1) quote = n;
      }
      if (quote >= nl) {
        if (nl - pos > max) throw this.tooLong(this.line, false);
        let end = nl;
        if (end > pos && text.charCodeAt(end - 1) === CR) end--;
        if (end > pos) {
          this.records++;
          sink.line(text, pos, end, this.line);
        }
        this.line++;
        pos = nl + 1;
        continue;
      }
      const record = this.slow(text, pos, final);
      if (record === null) break;
      if (record.end - pos > max) throw this.tooLong(this.line, true);
      this.records++;
      if (record.problem) sink.malformed(this.line, record.problem);
      else sink.record(record.fields, this.line);
      this.line += record.newlines + 1;
      pos = record.end;
    }
    this.text = pos >= n ? '' : text.slice(pos);
    if (this.text.length > max) throw this.tooLong(this.line, this.text.includes('"'));
    sink.progress(bytesRead, final);
  }

  /** Classic Mac files end lines with CR alone: the whole file would be one line. */
  private checkLineEndings(text: string, final: boolean): void {
    const nl = text.indexOf('\n');
    const firstLine = nl === -1 ? text : text.slice(0, nl);
    const cr = firstLine.indexOf('\r');
    // A quoted header field may hold a carriage return; a quoteless first line may not.
    if (cr !== -1 && cr + 1 < firstLine.length && !firstLine.includes('"')) {
      throw new CsvError(
        'line-endings',
        'The file ends its lines with carriage returns alone (an old Mac format): save it as CSV UTF-8 with normal line endings and try again.',
        1,
      );
    }
    if (nl !== -1 || final) this.headerChecked = true;
  }

  private tooLong(line: number, quoted: boolean): CsvError {
    const max = this.maxRecordLength;
    const limit =
      max % (1024 * 1024) === 0
        ? `${max / (1024 * 1024)} MiB`
        : max % 1024 === 0
          ? `${max / 1024} KiB`
          : `${max.toLocaleString('en-GB')} characters`;
    const message = quoted
      ? `The record starting on line ${line} runs on for more than ${limit}: a quoted field there is probably missing its closing quote.`
      : `Line ${line} is longer than ${limit}: that is not a row of data (is this the right file?).`;
    return new CsvError('record-too-long', message, line);
  }

  /** Walks one record that has a quote in it. Returns null when the text ends before the record does. */
  private slow(text: string, pos: number, final: boolean): SlowRecord | null {
    const n = text.length;
    const fields: string[] = [];
    let i = pos;
    let newlines = 0;
    let problem: string | undefined;
    for (;;) {
      let value = '';
      if (i < n && text.charCodeAt(i) === QUOTE) {
        let j = i + 1;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q === -1) {
            if (!final) return null;
            throw new CsvError(
              'unclosed-quote',
              `The quoted field starting on line ${this.line + newlines} is never closed: the file ends inside it.`,
              this.line + newlines,
            );
          }
          if (q + 1 >= n && !final) return null; // the next character may be a second quote
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(j, q + 1);
            j = q + 2;
            continue;
          }
          value += text.slice(j, q);
          j = q + 1;
          break;
        }
        newlines += countNewlines(text, i, j);
        i = j;
        if (i >= n) {
          fields.push(value);
          return { fields, end: n, newlines, problem };
        }
        const c = text.charCodeAt(i);
        if (c === COMMA) {
          fields.push(value);
          i++;
          continue;
        }
        if (c === LF) {
          fields.push(value);
          return { fields, end: i + 1, newlines, problem };
        }
        if (c === CR) {
          if (i + 1 >= n) {
            if (!final) return null;
            fields.push(value);
            return { fields, end: n, newlines, problem };
          }
          if (text.charCodeAt(i + 1) === LF) {
            fields.push(value);
            return { fields, end: i + 2, newlines, problem };
          }
        }
        problem ??= 'has text after the closing quote of a field (a quote inside a quoted field must be doubled, as "")';
      }
      // An unquoted field, or the rest of a malformed quoted one: up to the next comma or newline.
      let k = i;
      while (k < n) {
        const c = text.charCodeAt(k);
        if (c === COMMA || c === LF) break;
        k++;
      }
      if (k >= n) {
        if (!final) return null;
        fields.push(value + text.slice(i, n));
        return { fields, end: n, newlines, problem };
      }
      if (text.charCodeAt(k) === COMMA) {
        fields.push(value + text.slice(i, k));
        i = k + 1;
        continue;
      }
      const end = k > i && text.charCodeAt(k - 1) === CR ? k - 1 : k;
      fields.push(value + text.slice(i, end));
      return { fields, end: k + 1, newlines, problem };
    }
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

  const decode = (bytes: Uint8Array, final: boolean): string => {
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
  options: Pick<CsvReadOptions, 'maxRecordLength'> = {},
): Promise<void> {
  for await (const _ of drive(source, sink, options.maxRecordLength ?? DEFAULT_MAX_RECORD_LENGTH)) {
    // the sink does the work
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
