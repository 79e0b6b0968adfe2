/** For tests: runs CSV text through the reader, a format's header check, validation and duplicate check. */
import { Readable } from 'node:stream';
import { openCsv } from '../csv/csv-reader.js';
import { checkHeader, DuplicateRows, malformedRejection, type DatasetFormat, type ImportRecord, type Rejection } from './dataset.js';

export interface Checked<R> {
  readonly headerErrors: string[];
  readonly warnings: string[];
  readonly records: R[];
  readonly rejections: Rejection[];
}

export async function checkCsv<R extends ImportRecord>(format: DatasetFormat<R>, text: string): Promise<Checked<R>> {
  const csv = await openCsv(Readable.from([Buffer.from(text)]));
  const header = checkHeader(format, csv.header);
  if (!header.ok) return { headerErrors: header.errors, warnings: header.warnings, records: [], rejections: [] };
  const duplicates = new DuplicateRows(format);
  const records: R[] = [];
  const rejections: Rejection[] = [];
  for await (const batch of csv.batches) {
    for (const bad of batch.malformed) rejections.push(malformedRejection(bad.line, bad.reason));
    batch.rows.forEach((fields, i) => {
      const record = header.validate(fields, batch.lines[i]!, rejections);
      if (!record) return;
      const duplicate = duplicates.check(record);
      if (duplicate) rejections.push(duplicate);
      else records.push(record);
    });
  }
  return { headerErrors: [], warnings: header.warnings, records, rejections };
}

/** The reasons given for one line. */
export function reasonsFor(checked: Checked<unknown>, line: number): string[] {
  return checked.rejections.filter((r) => r.line === line).map((r) => r.reason);
}
