/**
 * Reads one row's values for a format's validator, turning them into typed values or
 * plain-English rejections: "UPN A201001234567 has the wrong check letter (the digits imply U)".
 */
import {
  nhsNumberProblem,
  normaliseNhsNumber,
  normalisePostcode,
  upnProblem,
} from '../../../platform/identifiers/identifiers.js';
import type { CodeList } from './codes.js';
import { detach, parseDate, ULN, URN, type DateValue } from './values.js';

/** One reason a row cannot load. `column` is empty when the problem is the whole row. */
export interface Rejection {
  readonly line: number;
  readonly column: string;
  readonly value: string;
  readonly reason: string;
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

export function shown(value: string): string {
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
    // Most values need no trimming: test the ends (printable ASCII) before calling trim.
    const n = v.length;
    if (n === 0) return v;
    const first = v.charCodeAt(0);
    const last = v.charCodeAt(n - 1);
    return first > 32 && first < 127 && last > 32 && last < 127 ? v : v.trim();
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
