/**
 * What every import format shares: its columns, the header check, a row checker that turns raw
 * fields into typed values or plain-English rejections, and duplicate detection by natural key.
 */
import {
  nhsNumberProblem,
  normaliseNhsNumber,
  normalisePostcode,
  upnProblem,
} from '../../../platform/identifiers/identifiers.js';
import type { CodeList } from './codes.js';
import { detach, parseDate, ULN, URN, type DateValue } from './values.js';

export type DatasetName =
  | 'schools'
  | 'localities'
  | 'school-census'
  | 'attendance'
  | 'suspensions-exclusions'
  | 'camhs-referrals'
  | 'health-checks'
  | 'social-care'
  | 'ap-placements'
  | 'post-16-activity';

/** One reason a row cannot load. `column` is empty when the problem is the whole row. */
export interface Rejection {
  readonly line: number;
  readonly column: string;
  readonly value: string;
  readonly reason: string;
}

export interface ColumnSpec {
  readonly name: string;
  /**
   * Required columns must be in the header. A column is optional when leaving it out only means
   * "unknown" for every row; it is required when a blank in it means something (a blank
   * treatment_start_date means "still waiting"), or when rows cannot be checked without it.
   */
  readonly required: boolean;
}

export interface ImportRecord {
  /** The line the row starts on, for reports at later stages (linking, loading). */
  readonly line: number;
}

export interface DatasetFormat<R extends ImportRecord> {
  readonly name: DatasetName;
  readonly title: string;
  readonly columns: readonly ColumnSpec[];
  /** Groups of optional columns of which the header must have at least one. */
  readonly oneOf?: readonly (readonly string[])[];
  /** The columns that identify a record: re-imports replace by it, and a file may not repeat it. */
  readonly naturalKey: readonly string[];
  /** The natural key in words, for duplicate rejections: "the same pupil, school, date and session". */
  readonly sameKey: string;
  keyOf(record: R): string;
  /** Checks one row through the checker; returns undefined when it rejected something. */
  validateRow(row: RowChecker): R | undefined;
}

/** Columns from space-separated names: the required ones, then the optional ones. */
export function columns(required: string, optional = ''): ColumnSpec[] {
  const names = (s: string) => s.split(/\s+/).filter(Boolean);
  return [
    ...names(required).map((name) => ({ name, required: true })),
    ...names(optional).map((name) => ({ name, required: false })),
  ];
}

const LABELS: Record<string, string> = {
  upn: 'UPN',
  urn: 'URN',
  uln: 'ULN',
  ap_urn: 'AP URN',
  commissioner_urn: 'commissioner URN',
  nhs_number: 'NHS number',
  icb_code: 'ICB code',
  ncy: 'national curriculum year',
  sen_provision: 'SEN provision',
  primary_need: 'primary need',
  secondary_need: 'secondary need',
  fsm_eligible: 'fsm_eligible',
  la_child_id: 'local authority child id',
};

/** How a column is named in a sentence. */
export function labelOf(column: string): string {
  return LABELS[column] ?? column.replace(/_/g, ' ');
}

const MAX_REPORTED_VALUE = 200;

function shown(value: string): string {
  return value.length > MAX_REPORTED_VALUE ? `${value.slice(0, MAX_REPORTED_VALUE)}…` : value;
}

export function sentence(list: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (list.length <= 1) return list.join('');
  return `${list.slice(0, -1).join(', ')} ${conjunction} ${list.at(-1)}`;
}

/**
 * Valid identifiers seen so far (UPNs, URNs), each kept once, detached from the text it was read
 * from. Records then share one string per pupil and school, and the attendance rollup's lookups
 * by them hit V8's cached hashes and compare pointers. Bounded: cleared when full.
 */
class Interned {
  private map = new Map<string, string>();
  // Rows often repeat the previous row's value (a pupil's AM and PM sessions, a school's pupils).
  private lastValue = '';
  private lastKept = '';
  constructor(private readonly limit: number) {}
  get(value: string): string | undefined {
    if (value === this.lastValue) return this.lastKept;
    const kept = this.map.get(value);
    if (kept !== undefined) {
      this.lastValue = value;
      this.lastKept = kept;
    }
    return kept;
  }
  add(value: string): string {
    if (this.map.size >= this.limit) this.map = new Map();
    const kept = detach(value);
    this.map.set(kept, kept);
    return kept;
  }
}

export const REQUIRED = true;

/**
 * Reads one row at a time (reused across rows: no allocation per row beyond the record). Value
 * methods return null when the field is empty ("unknown") or was rejected; `failed` says whether
 * anything in the row was rejected, `rejected(column)` whether that column was.
 */
export class RowChecker {
  private fields: readonly string[] = [];
  private out: Rejection[] = [];
  private failedColumns: string[] = [];
  line = 0;
  private readonly upns = new Interned(1_000_000);
  private readonly urns = new Interned(100_000);
  private lastDateValue = '';
  private lastDate: DateValue | null = null;

  constructor(private readonly index: ReadonlyMap<string, number>) {}

  get failed(): boolean {
    return this.failedColumns.length > 0;
  }

  begin(fields: readonly string[], line: number, out: Rejection[]): void {
    this.fields = fields;
    this.line = line;
    this.out = out;
    if (this.failedColumns.length > 0) this.failedColumns = [];
  }

  /** Whether the file has this column. */
  hasColumn(column: string): boolean {
    return this.index.has(column);
  }

  rejected(column: string): boolean {
    return this.failedColumns.includes(column);
  }

  /** The value as given, trimmed; '' when empty or when the file has no such column. */
  value(column: string): string {
    const i = this.index.get(column);
    if (i === undefined) return '';
    const v = this.fields[i];
    if (v === undefined) return '';
    // Most values need no trimming: test the ends before calling trim.
    const n = v.length;
    return n === 0 || (v.charCodeAt(0) > 32 && v.charCodeAt(n - 1) > 32) ? v : v.trim();
  }

  reject(column: string, reason: string, value = this.value(column)): void {
    this.out.push({ line: this.line, column, value: shown(value), reason });
    this.failedColumns.push(column);
  }

  /** Rejects the row as a whole (column ''). */
  rejectRow(reason: string, value: string): void {
    this.out.push({ line: this.line, column: '', value: shown(value), reason });
    this.failedColumns.push('');
  }

  private problem(column: string, value: string, problem: string): null {
    this.reject(column, `${labelOf(column)} ${shown(value)} ${problem}`, value);
    return null;
  }

  private empty(column: string, required: boolean): null {
    if (required) this.reject(column, `${labelOf(column)} is missing, and every row needs one`, '');
    return null;
  }

  text(column: string, required = false, maxLength = 100): string | null {
    const v = this.value(column);
    if (v === '') return this.empty(column, required);
    if (v.length > maxLength) return this.problem(column, v, `is longer than ${maxLength} characters`);
    return v;
  }

  date(column: string, required = false): DateValue | null {
    const v = this.value(column);
    if (v === '') return this.empty(column, required);
    if (v === this.lastDateValue) return this.lastDate;
    const parsed = parseDate(v);
    if (typeof parsed === 'string') return this.problem(column, v, parsed);
    this.lastDateValue = v;
    this.lastDate = parsed;
    return parsed;
  }

  code<C extends string>(column: string, list: CodeList<C>, required = false): C | null {
    const v = this.value(column);
    if (v === '') return this.empty(column, required);
    const code = list.lookup(v);
    if (code !== undefined) return code;
    const options = list.entries.length <= 15 ? `: use ${sentence(list.entries.map((e) => e.code), 'or')}` : '';
    return this.problem(column, v, `is not a ${list.noun}${options}`);
  }

  /** A valid UPN, as one shared string per pupil. */
  upn(column: string, required = false): string | null {
    const v = this.value(column);
    if (v === '') return this.empty(column, required);
    const known = this.upns.get(v);
    if (known !== undefined) return known;
    const problem = upnProblem(v);
    return problem ? this.problem(column, v, problem) : this.upns.add(v);
  }

  nhsNumber(column: string, required = false): string | null {
    const v = this.value(column);
    if (v === '') return this.empty(column, required);
    const problem = nhsNumberProblem(v);
    return problem ? this.problem(column, v, problem) : normaliseNhsNumber(v);
  }

  /** A 6-digit URN, as one shared string per school. */
  urn(column: string, required = false): string | null {
    const v = this.value(column);
    if (v === '') return this.empty(column, required);
    const known = this.urns.get(v);
    if (known !== undefined) return known;
    return URN.test(v) ? this.urns.add(v) : this.problem(column, v, 'is not a URN: a school URN is 6 digits');
  }

  uln(column: string, required = false): string | null {
    const v = this.value(column);
    if (v === '') return this.empty(column, required);
    return ULN.test(v) ? v : this.problem(column, v, 'is not a ULN: a Unique Learner Number is 10 digits');
  }

  postcode(column: string, required = false): string | null {
    const v = this.value(column);
    if (v === '') return this.empty(column, required);
    return normalisePostcode(v) ?? this.problem(column, v, 'is not a UK postcode');
  }

  wholeNumber(column: string, min: number, max: number, required = false): number | null {
    const v = this.value(column);
    if (v === '') return this.empty(column, required);
    if (!/^\d{1,9}$/.test(v)) return this.problem(column, v, 'is not a whole number');
    const n = Number(v);
    if (n < min || n > max) return this.problem(column, v, `is not between ${min} and ${max}`);
    return n;
  }

  boolean(column: string, required = false): boolean | null {
    const v = this.value(column);
    if (v === '') return this.empty(column, required);
    const lower = v.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    return this.problem(column, v, 'is not true or false');
  }

  /** Rejects `later` when it is before `earlier` (both already parsed; nulls are skipped). */
  notBefore(later: string, laterDate: DateValue | null, earlier: string, earlierDate: DateValue | null): void {
    if (laterDate && earlierDate && laterDate.day < earlierDate.day) {
      this.reject(later, `${labelOf(later)} ${laterDate.iso} is before ${labelOf(earlier)} ${earlierDate.iso}`);
    }
  }
}

export type HeaderCheck<R extends ImportRecord> =
  | {
      readonly ok: true;
      readonly warnings: string[];
      /** Validates one row's fields; returns undefined after pushing its rejections. */
      readonly validate: (fields: readonly string[], line: number, rejections: Rejection[]) => R | undefined;
      /** Where each of the format's columns is in the file (absent optional columns are missing). */
      readonly positions: ReadonlyMap<string, number>;
      /** The number of columns in the header. */
      readonly width: number;
    }
  | { readonly ok: false; readonly errors: string[]; readonly warnings: string[] };

/**
 * Checks a file's header against a format, before any row is read. Missing required columns and
 * repeated columns are errors (the file is refused); unknown columns are warnings and ignored.
 */
export function checkHeader<R extends ImportRecord>(format: DatasetFormat<R>, header: readonly string[]): HeaderCheck<R> {
  const errors: string[] = [];
  const warnings: string[] = [];
  const known = new Set(format.columns.map((c) => c.name));
  const positions = new Map<string, number[]>();
  const unnamed: number[] = [];
  header.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    if (name === '') unnamed.push(i + 1);
    else positions.set(name, [...(positions.get(name) ?? []), i + 1]);
  });
  for (const [name, at] of positions) {
    if (at.length > 1) errors.push(`Column ${name} appears ${at.length} times (columns ${sentence(at.map(String))}): keep one.`);
    if (!known.has(name)) warnings.push(`Column ${name} is not part of the ${format.name} format, so it is ignored.`);
  }
  if (unnamed.length > 0) {
    warnings.push(
      unnamed.length === 1
        ? `Column ${unnamed[0]} has no name, so it is ignored.`
        : `Columns ${sentence(unnamed.map(String))} have no name, so they are ignored.`,
    );
  }
  const missing = format.columns.filter((c) => c.required && !positions.has(c.name)).map((c) => c.name);
  if (missing.length > 0) {
    errors.unshift(
      missing.length === 1
        ? `The file has no ${missing[0]} column, which the ${format.name} format requires.`
        : `The file has no ${sentence(missing)} columns, which the ${format.name} format requires.`,
    );
  }
  for (const group of format.oneOf ?? []) {
    if (!group.some((name) => positions.has(name))) {
      errors.push(`The file needs a ${group.join(' or a ')} column.`);
    }
  }
  if (errors.length > 0) return { ok: false, errors, warnings };

  const index = new Map<string, number>();
  for (const column of format.columns) {
    const at = positions.get(column.name);
    if (at) index.set(column.name, at[0]! - 1);
  }
  const width = header.length;
  const checker = new RowChecker(index);
  const validate = (fields: readonly string[], line: number, rejections: Rejection[]): R | undefined => {
    checker.begin(fields, line, rejections);
    if (fields.length !== width && !(fields.length > width && fields.slice(width).every((f) => f.trim() === ''))) {
      checker.rejectRow(
        `the row has ${fields.length} ${fields.length === 1 ? 'value' : 'values'}, but the header has ${width} columns`,
        fields.join(','),
      );
      return undefined;
    }
    const record = format.validateRow(checker);
    return checker.failed ? undefined : record;
  };
  return { ok: true, warnings, validate, positions: index, width };
}

/** The rejection for a record the CSV reader could not split into fields. */
export function malformedRejection(line: number, reason: string): Rejection {
  return { line, column: '', value: '', reason: `the row ${reason}` };
}

/** A 32-bit FNV-1a hash: tells a repeated row from a conflicting one without keeping the row. */
function fingerprint(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Finds rows of one file that repeat a natural key. Memory grows with the rows of the file: use
 * it for every dataset but attendance, whose rollup finds repeats in pupil-week space.
 */
export class DuplicateRows<R extends ImportRecord> {
  private readonly seen = new Map<string, { line: number; print: number }>();

  constructor(private readonly format: DatasetFormat<R>) {}

  /** A rejection when the record's natural key came earlier in the file; otherwise remembers it. */
  check(record: R): Rejection | undefined {
    const key = this.format.keyOf(record);
    const print = fingerprint(JSON.stringify({ ...record, line: 0 }));
    const earlier = this.seen.get(key);
    if (!earlier) {
      this.seen.set(key, { line: record.line, print });
      return undefined;
    }
    const column = this.format.naturalKey.join(', ');
    const reason =
      earlier.print === print
        ? `this row repeats line ${earlier.line}`
        : `this row is for ${this.format.sameKey} as line ${earlier.line}, with different values: keep the right one`;
    return { line: record.line, column, value: key.split('|').join(', '), reason };
  }
}
