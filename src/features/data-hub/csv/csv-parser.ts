/**
 * The RFC 4180 state machine of the CSV reader (csv-reader.ts): decoded text in, records out to
 * a sink. Lines without a quote take a fast path (indexOf for the newline; the sink splits on
 * commas, or reads fields in place); only records with a quote are walked character by
 * character. Line numbers are physical: a record's is the line it starts on.
 */
import { CsvError } from './csv-error.js';

export const DEFAULT_MAX_RECORD_LENGTH = 1024 * 1024;

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

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
