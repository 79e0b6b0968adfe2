/**
 * Checks on the identifiers partners send: pure functions, shared by forms, the API and imports.
 */

const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ'; // 23 letters: no I, O, S

/** The check letter a UPN's last 12 characters imply (DfE's modulus 23 algorithm). */
export function upnCheckLetter(rest12: string): string | undefined {
  if (!/^\d{11}[0-9A-HJ-NP-RT-Z]$/.test(rest12)) return undefined;
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    const ch = rest12[i]!;
    const value = /\d/.test(ch) ? Number(ch) : UPN_LETTERS.indexOf(ch);
    sum += value * (i + 2);
  }
  return UPN_LETTERS[sum % 23];
}

/**
 * A 13-character Unique Pupil Number: a check letter then 12 digits, or (a temporary UPN) a
 * check letter, 11 digits and a letter. Returns a plain-English problem, or undefined if valid.
 */
export function upnProblem(upn: string): string | undefined {
  if (!/^[A-Z][0-9]{11}[0-9A-Z]$/.test(upn)) {
    return 'must be 13 characters: a capital letter, 11 digits, then a digit or a letter';
  }
  const expected = upnCheckLetter(upn.slice(1));
  if (!expected) return 'has a letter that UPNs never use (I, O or S) at the end';
  if (expected !== upn[0]) return `has the wrong check letter (the digits imply ${expected})`;
  return undefined;
}

/** A 10-digit NHS number with its modulus 11 check digit. Spaces are allowed and removed. */
export function nhsNumberProblem(value: string): string | undefined {
  const digits = value.replace(/\s/g, '');
  if (!/^\d{10}$/.test(digits)) return 'must be 10 digits';
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return 'is not a valid NHS number (it fails the check digit)';
  if ((check === 11 ? 0 : check) !== Number(digits[9])) return 'is not a valid NHS number (it fails the check digit)';
  return undefined;
}

export function normaliseNhsNumber(value: string): string {
  return value.replace(/\s/g, '');
}

/** A UK postcode, loosely: outward and inward parts. Returns it in capitals with one space. */
export function normalisePostcode(value: string): string | undefined {
  const compact = value.replace(/\s+/g, '').toUpperCase();
  const m = /^([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})$/.exec(compact);
  return m ? `${m[1]} ${m[2]}` : undefined;
}

/** Makes a valid UPN from 11 digits and a final digit: for synthetic data and tests. */
export function makeUpn(twelveDigits: string): string {
  const letter = upnCheckLetter(twelveDigits);
  if (!letter) throw new Error(`cannot make a UPN from ${twelveDigits}`);
  return letter + twelveDigits;
}

/** Makes a valid NHS number from 9 digits, or undefined when no check digit exists. */
export function makeNhsNumber(nineDigits: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nineDigits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return undefined;
  return nineDigits + String(check === 11 ? 0 : check);
}
