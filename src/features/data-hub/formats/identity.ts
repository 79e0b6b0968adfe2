/**
 * The identity columns of health and care datasets. Records link to a child by UPN, else NHS
 * number, else exact forename, surname and date of birth: a row with none of these could never
 * be linked, not even by a person, so it is rejected here.
 */
import type { RowChecker } from './dataset.js';
import type { DateValue } from './values.js';

export interface Identity {
  readonly nhsNumber: string | null;
  readonly forename: string | null;
  readonly surname: string | null;
  readonly dateOfBirth: string | null;
}

export function readIdentity(
  row: RowChecker,
  what: string,
  upn: string | null = null,
): Identity & { readonly birth: DateValue | null } {
  const nhsNumber = row.nhsNumber('nhs_number');
  const forename = row.text('forename');
  const surname = row.text('surname');
  const birth = row.date('date_of_birth');
  const anyRejected = ['upn', 'nhs_number', 'forename', 'surname', 'date_of_birth'].some((c) => row.rejected(c));
  if (!anyRejected && upn === null && nhsNumber === null && !(forename && surname && birth)) {
    row.reject(
      'nhs_number',
      `${what} cannot be linked to a child: give ${row.hasColumn('upn') ? 'a UPN, ' : ''}an NHS number, or forename, surname and date of birth`,
      '',
    );
  }
  return { nhsNumber, forename, surname, dateOfBirth: birth?.iso ?? null, birth };
}
