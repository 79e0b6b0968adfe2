/** Why a file cannot be read as CSV at all: the whole file is refused, naming the line where known. */
export type CsvErrorCode =
  | 'empty' // no bytes, or only a byte-order mark, blank lines or empty fields
  | 'binary' // NUL bytes, a spreadsheet, PDF or archive, UTF-16 text
  | 'encoding' // bytes that are not UTF-8
  | 'record-too-long' // one record (a line, or a quoted field running over lines) over the limit
  | 'unclosed-quote' // the file ends inside a quoted field
  | 'malformed-header' // the header row's quoting is broken
  | 'line-endings'; // carriage returns alone (classic Mac) end the lines

export class CsvError extends Error {
  override readonly name = 'CsvError';
  constructor(
    readonly code: CsvErrorCode,
    message: string,
    /** The 1-based physical line the problem is on, where known. */
    readonly line?: number,
  ) {
    super(message);
  }
}
