/** Writes CSV that the reader (and any spreadsheet) reads back exactly: RFC 4180 quoting. */

export interface CsvWriteOptions {
  /**
   * Prefix values that a spreadsheet would run as a formula (= + - @ tab CR at the start) with an
   * apostrophe. For reports people open in Excel, such as a rejection report of uploaded values.
   */
  readonly neutraliseFormulas?: boolean;
}

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA = /^[=+\-@\t\r]/;

export function csvField(value: string, options: CsvWriteOptions = {}): string {
  const v = options.neutraliseFormulas && FORMULA.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** One record, without a line ending. A record of one empty field is written `""`, not as a blank line. */
export function csvRow(fields: readonly string[], options: CsvWriteOptions = {}): string {
  if (fields.length === 1 && fields[0] === '') return '""';
  return fields.map((f) => csvField(f, options)).join(',');
}
