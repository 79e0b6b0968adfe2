/**
 * What every import format shares: its columns, the header check, and duplicate detection by
 * natural key. Rows are read through a RowChecker (row-checker.ts).
 */
import { RowChecker, sentence, type Rejection } from './row-checker.js';

export { labelOf, REQUIRED, RowChecker, sentence, type Rejection } from './row-checker.js';

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
