/**
 * Identifiers for synthetic people. Each is unique by construction: the n-th person draws the
 * n-th value of a bijection (an affine map modulo a power of ten), skipping values without a
 * check digit. NHS numbers come from the 999 range NHS England keeps for testing (enough for
 * about 900,000 people, scale 11), then from the unissued 900-998 range, so none is a patient's.
 * UPNs start with 942 (Cumberland's LA code), as a real UPN starts with its LA's code.
 */
import { makeNhsNumber, makeUpn } from '../../platform/identifiers/identifiers.js';

export function upnFromNumber(upnNumber: number): string {
  return makeUpn(`942${String(upnNumber).padStart(9, '0')}`);
}

/** Allocates UPN numbers (9 digits after the LA code). */
export class UpnAllocator {
  private next = 0;
  constructor(private readonly offset: number) {}
  allocate(): number {
    const j = this.next++;
    return Number((BigInt(j) * 7_654_321n + BigInt(this.offset)) % 1_000_000_000n);
  }
}

/** Allocates 9-digit NHS number stems whose check digit exists. */
export class NhsAllocator {
  private next = 0;
  constructor(private readonly offset: number) {}
  allocate(): number {
    for (;;) {
      const j = this.next++;
      const stem =
        j < 1_000_000
          ? 999_000_000 + Number((BigInt(j) * 7_919n + BigInt(this.offset)) % 1_000_000n)
          : 900_000_000 + Number((BigInt(j - 1_000_000) * 7_000_003n + BigInt(this.offset)) % 99_000_000n);
      if (makeNhsNumber(String(stem)) !== undefined) return stem;
    }
  }
}

export function nhsFromStem(stem: number): string {
  return makeNhsNumber(String(stem))!;
}

/** The ILR's ULN check (DerivedData_01): 10 - (sum of the first nine digits weighted 10..2, mod 11). */
export function ulnCheckDigit(nine: string): number | undefined {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nine[i]) * (10 - i);
  const r = sum % 11;
  return r === 0 ? undefined : 10 - r;
}

/** Allocates 9-digit ULN stems (first digit 1-9) whose check digit exists. */
export class UlnAllocator {
  private next = 0;
  constructor(private readonly offset: number) {}
  allocate(): number {
    for (;;) {
      const j = this.next++;
      const stem = 100_000_000 + Number((BigInt(j) * 8_765_431n + BigInt(this.offset)) % 900_000_000n);
      if (ulnCheckDigit(String(stem)) !== undefined) return stem;
    }
  }
}

export function ulnFromStem(stem: number): string {
  const nine = String(stem);
  return nine + String(ulnCheckDigit(nine));
}

/** The council's own child id: CUM and 7 digits. */
export function laChildId(person: number, offset: number): string {
  return `CUM${String((person * 3_141_593 + offset) % 10_000_000).padStart(7, '0')}`;
}
