/**
 * Reads an attendance file straight into its pupil-week rollup: the importer's hot path for the
 * largest file (15.8 million rows a school year at scale 1).
 *
 * Correct by construction: a row takes the fast path only when it is in canonical form and every
 * value in it has already been accepted by the general validator on an earlier row (the same UPN
 * with the same check letter, the same URN for that pupil, the same date, a code known to be in
 * force on that date). The fast path then reads the fields in place, without making strings or
 * hashing them. Every other row (the first of each pupil, anything unusual, anything wrong, any
 * repeat) goes the general way: `checkHeader(attendance).validate` and `AttendanceRollup.add`, so
 * its rejections are exactly theirs. A property test checks that both ways give the same result.
 */
import { CsvError } from '../csv/csv-error.js';
import { readCsvInto, splitLine, type CsvReadOptions, type CsvSink } from '../csv/csv-reader.js';
import { attendance, type AttendanceRecord } from './attendance.js';
import { AttendanceRollup, rollupCodeNumber, type RollupPair } from './attendance.rollup.js';
import { registerCode, REGISTER_CODES_CHANGED } from './codes.js';
import { checkHeader, malformedRejection, type Rejection } from './dataset.js';
import { NumberTable } from './number-table.js';
import { parseDate, weekdayOf, type DateValue } from './values.js';

export interface AttendanceReadOptions extends Pick<CsvReadOptions, 'maxRecordLength'> {
  /** Each rejection as it is found, in file order (default: collected into the result). */
  readonly onRejection?: (rejection: Rejection) => void;
  /** After each chunk read: bytes so far. */
  readonly onProgress?: (bytesRead: number) => void;
  /** The rollup to add to (default: a new one). */
  readonly rollup?: AttendanceRollup;
  /**
   * After each chunk of the file: the caller may take the finished pupils' weeks
   * (`rollup.finishedWeeks()`) and write them while the rest is read. Reading waits for it.
   */
  readonly afterChunk?: (rollup: AttendanceRollup) => Promise<void> | void;
}

export type AttendanceRead =
  | {
      readonly ok: true;
      readonly warnings: string[];
      readonly rollup: AttendanceRollup;
      /** Data rows read: blank rows (every field empty) are not counted. */
      readonly rowsRead: number;
      readonly rowsLoaded: number;
      readonly rowsRejected: number;
      readonly blankRows: number;
      /** Rows that took the fast path (for benchmarks and tests). */
      readonly rowsFast: number;
      /** Collected when no onRejection was given. */
      readonly rejections: Rejection[];
    }
  | { readonly ok: false; readonly errors: string[]; readonly warnings: string[] };

const changedOn = (parseDate(REGISTER_CODES_CHANGED) as DateValue).day;

interface Pupil {
  /** The check letter, as a character code. */
  readonly letter: number;
  readonly upn: string;
  schools: School | undefined;
}

interface School {
  readonly urn: number;
  readonly pair: RollupPair;
  readonly next: School | undefined;
}

/** The UPN's last 12 characters as a number (the check letter is compared apart), or -1. */
function upnKey(text: string, start: number): number {
  const first = text.charCodeAt(start);
  if (first < 65 || first > 90) return -1;
  let key = 0;
  for (let i = start + 1; i < start + 12; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    key = key * 10 + d;
  }
  const last = text.charCodeAt(start + 12) - 48;
  if (last < 0 || last > 42) return -1; // 0-9 then A-Z
  return key * 43 + last;
}

function digits(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

class AttendanceSink implements CsvSink {
  readonly rollup: AttendanceRollup;
  readonly rejections: Rejection[] = [];
  warnings: string[] = [];
  headerErrors: string[] | undefined;
  rowsRead = 0;
  rowsFast = 0;
  rowsLoaded = 0;
  rowsRejected = 0;
  blankRows = 0;

  private validate: ((fields: readonly string[], line: number, out: Rejection[]) => AttendanceRecord | undefined) | undefined;
  private width = 0;
  /** Field positions of upn, urn, date, session, code. */
  private readonly at = new Int32Array(5);
  private readonly bounds = new Int32Array(64);
  private readonly pending: Rejection[] = [];
  private readonly emit: (rejection: Rejection) => void;

  /** UPN key → index into `pupilList`. */
  private readonly pupils = new NumberTable(65_536);
  private readonly pupilList: Pupil[] = [];
  /** An ISO date as yyyymmdd → its day number when it is a real weekday, else -1. */
  private readonly dates = new Map<number, number>();
  /** A code's characters as c0 * 128 + c1 → its rollup number; 0 when not a code as written; negative when withdrawn. */
  private readonly codes = new Map<number, number>();
  /** The columns are upn,urn,date,session,code and nothing else: `canonicalRow` applies. */
  private canonical = false;
  /** The UPN, comma, URN and comma the last canonical row started with, and their school. */
  private lastPrefix = '';
  private lastSchool: School | undefined;
  private lastDateKey = -1;
  private lastDay = -1;

  constructor(private readonly options: AttendanceReadOptions) {
    this.rollup = options.rollup ?? new AttendanceRollup();
    this.emit = options.onRejection ?? ((r) => this.rejections.push(r));
  }

  line(text: string, start: number, end: number, line: number): void {
    if (!this.validate) {
      this.header(splitLine(text, start, end));
      return;
    }
    if (this.canonical ? this.canonicalRow(text, start, end, line) : this.fast(text, start, end, line)) return;
    this.slow(splitLine(text, start, end), line);
  }

  record(fields: string[], line: number): void {
    if (!this.validate) this.header(fields);
    else this.slow(fields, line);
  }

  malformed(line: number, reason: string): void {
    if (!this.validate) {
      throw new CsvError('malformed-header', `The header row (line ${line}) ${reason}.`, line);
    }
    this.rowsRead++;
    this.rowsRejected++;
    this.emit(malformedRejection(line, reason));
  }

  get hasHeader(): boolean {
    return this.validate !== undefined;
  }

  progress(bytesRead: number): void {
    this.options.onProgress?.(bytesRead);
  }

  private header(fields: string[]): void {
    if (fields.every((f) => f === '')) return; // a blank record before the header
    const check = checkHeader(attendance, fields);
    this.warnings = check.warnings;
    if (!check.ok) {
      this.headerErrors = check.errors;
      throw new HeaderRefused();
    }
    this.validate = check.validate;
    this.width = check.width;
    ['upn', 'urn', 'date', 'session', 'code'].forEach((c, i) => (this.at[i] = check.positions.get(c)!));
    this.canonical = this.width === 5 && [0, 1, 2, 3, 4].every((i) => this.at[i] === i);
  }

  /**
   * The fast path for the columns in data-formats.md's order, every value at its fixed width
   * (`A123456789012,123456,2026-03-16,AM,/`): fields found by position rather than searched for,
   * and the pupil and school of the row before reused when the row starts with the same UPN and
   * URN (files come sorted by pupil). Anything else goes the general fast way (`fast`), and from
   * there the slow way; the property test checks all three agree.
   */
  private canonicalRow(text: string, start: number, end: number, line: number): boolean {
    const length = end - start;
    if (
      (length !== 36 && length !== 37) ||
      text.charCodeAt(start + 13) !== 44 ||
      text.charCodeAt(start + 20) !== 44 ||
      text.charCodeAt(start + 31) !== 44 ||
      text.charCodeAt(start + 34) !== 44
    ) {
      return this.fast(text, start, end, line);
    }
    let school = this.lastSchool;
    if (school === undefined || !text.startsWith(this.lastPrefix, start)) {
      const key = upnKey(text, start);
      if (key < 0) return false;
      const index = this.pupils.get(key);
      if (index < 0) return false;
      const pupil = this.pupilList[index]!;
      if (pupil.letter !== text.charCodeAt(start)) return false;
      const urn = digits(text, start + 14, start + 20);
      school = pupil.schools;
      while (school && school.urn !== urn) school = school.next;
      if (!school) return false;
      this.lastSchool = school;
      this.lastPrefix = text.slice(start, start + 21);
    }
    // date: yyyy-mm-dd
    const s = start + 21;
    if (text.charCodeAt(s + 4) !== 45 || text.charCodeAt(s + 7) !== 45) return false;
    const y = digits(text, s, s + 4);
    const m = digits(text, s + 5, s + 7);
    const d = digits(text, s + 8, s + 10);
    if (y < 0 || m < 0 || d < 0) return false;
    const dateKey = y * 10000 + m * 100 + d;
    let day: number;
    if (dateKey === this.lastDateKey) day = this.lastDay;
    else {
      let known = this.dates.get(dateKey);
      if (known === undefined) {
        const parsed = parseDate(text.slice(s, s + 10));
        known = typeof parsed === 'string' || weekdayOf(parsed.day) >= 5 ? -1 : parsed.day;
        this.dates.set(dateKey, known);
      }
      day = known;
      this.lastDateKey = dateKey;
      this.lastDay = day;
    }
    if (day < 0) return false;
    // session: AM or PM
    if (text.charCodeAt(start + 33) !== 77) return false;
    const ap = text.charCodeAt(start + 32);
    if (ap !== 65 && ap !== 80) return false;
    // code
    const c = start + 35;
    const codeKey = text.charCodeAt(c) * 128 + (length === 37 ? text.charCodeAt(c + 1) : 0);
    let code = this.codes.get(codeKey);
    if (code === undefined) {
      const value = text.slice(c, end);
      const entry = registerCode(value);
      code = !entry || entry.code !== value ? 0 : entry.withdrawn ? -rollupCodeNumber(value) : rollupCodeNumber(value);
      this.codes.set(codeKey, code);
    }
    if (code === 0 || (code < 0 && day >= changedOn)) return false;
    const session = weekdayOf(day) * 2 + (ap === 80 ? 1 : 0);
    if (!this.rollup.addSession(school.pair, day, session, Math.abs(code), line)) return false;
    this.rowsRead++;
    this.rowsFast++;
    this.rowsLoaded++;
    return true;
  }

  /** Adds a row in place when it is canonical and known good; false sends it the slow way. */
  private fast(text: string, start: number, end: number, line: number): boolean {
    const width = this.width;
    if (width > 32) return false;
    const b = this.bounds;
    // bounds[2i], bounds[2i + 1]: where field i starts and ends.
    let from = start;
    for (let f = 0; f < width - 1; f++) {
      const comma = text.indexOf(',', from);
      if (comma === -1 || comma >= end) return false;
      b[2 * f] = from;
      b[2 * f + 1] = comma;
      from = comma + 1;
    }
    const extra = text.indexOf(',', from);
    if (extra !== -1 && extra < end) return false;
    b[2 * width - 2] = from;
    b[2 * width - 1] = end;
    const at = this.at;

    // upn
    let s = b[2 * at[0]!]!;
    if (b[2 * at[0]! + 1]! - s !== 13) return false;
    const key = upnKey(text, s);
    if (key < 0) return false;
    const index = this.pupils.get(key);
    if (index < 0) return false;
    const pupil = this.pupilList[index]!;
    if (pupil.letter !== text.charCodeAt(s)) return false;
    // urn
    s = b[2 * at[1]!]!;
    if (b[2 * at[1]! + 1]! - s !== 6) return false;
    const urn = digits(text, s, s + 6);
    let school = pupil.schools;
    while (school && school.urn !== urn) school = school.next;
    if (!school) return false;
    // date: yyyy-mm-dd
    s = b[2 * at[2]!]!;
    if (b[2 * at[2]! + 1]! - s !== 10 || text.charCodeAt(s + 4) !== 45 || text.charCodeAt(s + 7) !== 45) return false;
    const y = digits(text, s, s + 4);
    const m = digits(text, s + 5, s + 7);
    const d = digits(text, s + 8, s + 10);
    if (y < 0 || m < 0 || d < 0) return false;
    const dateKey = y * 10000 + m * 100 + d;
    let day = this.dates.get(dateKey);
    if (day === undefined) {
      const parsed = parseDate(text.slice(s, s + 10));
      day = typeof parsed === 'string' || weekdayOf(parsed.day) >= 5 ? -1 : parsed.day;
      this.dates.set(dateKey, day);
    }
    if (day < 0) return false;
    // session: AM or PM
    s = b[2 * at[3]!]!;
    if (b[2 * at[3]! + 1]! - s !== 2 || text.charCodeAt(s + 1) !== 77) return false;
    const ap = text.charCodeAt(s);
    if (ap !== 65 && ap !== 80) return false;
    // code
    s = b[2 * at[4]!]!;
    const length = b[2 * at[4]! + 1]! - s;
    if (length < 1 || length > 2) return false;
    const codeKey = text.charCodeAt(s) * 128 + (length === 2 ? text.charCodeAt(s + 1) : 0);
    let code = this.codes.get(codeKey);
    if (code === undefined) {
      const value = text.slice(s, s + length);
      const entry = registerCode(value);
      code = !entry || entry.code !== value ? 0 : entry.withdrawn ? -rollupCodeNumber(value) : rollupCodeNumber(value);
      this.codes.set(codeKey, code);
    }
    if (code === 0 || (code < 0 && day >= changedOn)) return false;
    const session = weekdayOf(day) * 2 + (ap === 80 ? 1 : 0);
    if (!this.rollup.addSession(school.pair, day, session, Math.abs(code), line)) return false;
    this.rowsRead++;
    this.rowsFast++;
    this.rowsLoaded++;
    return true;
  }

  /** The general way: validate, add (which names repeats), then learn the row's values. */
  private slow(fields: string[], line: number): void {
    if (fields[0] === '' && fields.every((f) => f === '')) {
      this.blankRows++;
      return;
    }
    this.rowsRead++;
    const record = this.validate!(fields, line, this.pending);
    if (!record) {
      this.rowsRejected++;
      for (const r of this.pending) this.emit(r);
      this.pending.length = 0;
      return;
    }
    const repeat = this.rollup.add(record);
    if (repeat) {
      this.rowsRejected++;
      this.emit(repeat);
      return;
    }
    this.rowsLoaded++;
    this.learn(record);
  }

  /** Remembers an accepted row's UPN and URN so later rows of this pupil can take the fast path. */
  private learn(record: AttendanceRecord): void {
    const key = upnKey(record.upn, 0);
    if (key < 0) return;
    const index = this.pupils.get(key);
    let pupil = index < 0 ? undefined : this.pupilList[index];
    if (!pupil) {
      pupil = { letter: record.upn.charCodeAt(0), upn: record.upn, schools: undefined };
      this.pupils.set(key, this.pupilList.length);
      this.pupilList.push(pupil);
    }
    if (pupil.upn !== record.upn) return; // the same digits with another check letter: never fast
    const urn = Number(record.urn);
    for (let school = pupil.schools; school; school = school.next) if (school.urn === urn) return;
    pupil.schools = { urn, pair: this.rollup.locate(record.upn, record.urn), next: pupil.schools };
  }
}

class HeaderRefused extends Error {}

/**
 * Reads an attendance CSV into pupil-week rollups, validating every row as data-formats.md says.
 * Throws CsvError when the file is not CSV; returns ok: false when its header is refused.
 */
export async function readAttendance(
  source: AsyncIterable<Uint8Array | string>,
  options: AttendanceReadOptions = {},
): Promise<AttendanceRead> {
  const sink = new AttendanceSink(options);
  try {
    const afterChunk = options.afterChunk;
    await readCsvInto(source, sink, {
      ...(options.maxRecordLength !== undefined ? { maxRecordLength: options.maxRecordLength } : {}),
      ...(afterChunk ? { afterChunk: () => afterChunk(sink.rollup) } : {}),
    });
    sink.rollup.close();
  } catch (error) {
    if (error instanceof HeaderRefused) return { ok: false, errors: sink.headerErrors!, warnings: sink.warnings };
    throw error;
  }
  if (!sink.hasHeader) throw new CsvError('empty', 'The file is empty.'); // nothing but empty fields
  return {
    ok: true,
    warnings: sink.warnings,
    rollup: sink.rollup,
    rowsRead: sink.rowsRead,
    rowsLoaded: sink.rowsLoaded,
    rowsRejected: sink.rowsRejected,
    blankRows: sink.blankRows,
    rowsFast: sink.rowsFast,
    rejections: sink.rejections,
  };
}
