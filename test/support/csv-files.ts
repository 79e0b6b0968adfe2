import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A writer of small CSV files for import tests: each call writes lines joined with \n to a new file in one temporary folder and returns its path. */
export function csvFiles(prefix: string): (...lines: string[]) => string {
  const dir = mkdtempSync(path.join(tmpdir(), `${prefix}-`));
  let fileNo = 0;
  return (...lines) => {
    const file = path.join(dir, `file-${++fileNo}.csv`);
    writeFileSync(file, lines.join('\n') + '\n');
    return file;
  };
}

/** The school census's header (data-formats.md). */
export const CENSUS_HEADER = 'census_date,urn,upn,forename,surname,date_of_birth,gender,postcode,ncy,sen_provision,primary_need,secondary_need,fsm_eligible';

/** An ISO date `n` days after another. */
export const addDays = (iso: string, n: number): string => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
