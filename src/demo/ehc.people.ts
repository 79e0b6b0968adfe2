/**
 * Invented children and their families for the demo casework: names, dates of birth, where
 * they live, their setting, identifiers that pass the real checks (UPN check letter, NHS
 * number modulus 11) and family members with their contact preferences.
 */
import { addDays, addMonths, type IsoDate } from '../features/ehc/clock/index.js';
import { makeNhsNumber, makeUpn } from '../platform/identifiers/identifiers.js';
import { BOYS, GIRLS, GRANDPARENTS, LAST_NAMES, MEN, STREETS, WOMEN, dramaMobile, exampleEmail } from './ehc.names.js';
import { LOCALITIES, LOCALITY_NAMES, SETTINGS, phaseForAge, settingsFor, type DemoSetting, type Locality } from './ehc.places.js';
import { NEEDS, type Need } from './ehc.text.js';
import type { Rng } from './prng.js';

export interface PlannedFamilyMember {
  name: string;
  relationship: 'mother' | 'father' | 'carer' | 'grandparent' | 'young-person';
  email: string | null;
  phone: string | null;
  contactPreference: 'email' | 'phone' | 'post' | 'text';
  language: string | null;
  needsInterpreter: boolean;
  mainContact: boolean;
}

export interface PlannedChild {
  givenName: string;
  familyName: string;
  dateOfBirth: IsoDate;
  gender: 'female' | 'male';
  locality: Locality;
  address: string;
  postcode: string;
  setting: DemoSetting;
  upn: string;
  nhsNumber: string;
  need: Need;
  family: PlannedFamilyMember[];
}

const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

/** Age in whole years on a date. */
export function ageOn(dateOfBirth: IsoDate, on: IsoDate): number {
  let age = Number(on.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  if (on.slice(5) < dateOfBirth.slice(5)) age -= 1;
  return age;
}

/**
 * The national curriculum year on a date: Year 1 for a child who turned 5 by 31 August before
 * the school year began (England's school year starts 1 September). Reception is 0.
 */
export function schoolYearOn(dateOfBirth: IsoDate, on: IsoDate): number {
  const startYear = on.slice(5) >= '09-01' ? Number(on.slice(0, 4)) : Number(on.slice(0, 4)) - 1;
  return ageOn(dateOfBirth, `${startYear}-08-31`) - 4;
}

/** A date of birth for a child in a given school year on `today` (Year 10 = 14 on 31 August). */
export function dateOfBirthInYear(r: Rng, year: number, today: IsoDate): IsoDate {
  const startYear = today.slice(5) >= '09-01' ? Number(today.slice(0, 4)) : Number(today.slice(0, 4)) - 1;
  const earliest = `${startYear - year - 5}-09-01`;
  return addDays(earliest, r.int(0, 364));
}

/** The Year 10 young person whose first annual review is coming up: the Preparing for Adulthood journey. */
export const DEMO_PFA_CHILD = { givenName: 'Ethan', familyName: 'Carruthers' } as const;

/** Makes children one by one, never repeating a full name or an identifier. */
export function childMaker(r: Rng, today: IsoDate) {
  const usedNames = new Set<string>(['Mia Parker', 'Leo Whitfield', `${DEMO_PFA_CHILD.givenName} ${DEMO_PFA_CHILD.familyName}`]);
  let serial = 0;
  let phone = 100;

  function identifiers(setting: DemoSetting, dateOfBirth: IsoDate): { upn: string; nhsNumber: string } {
    serial += 1;
    // LA 942 (Cumberland), the setting's invented number, a year, a serial: 12 digits.
    const upn = makeUpn(`942${setting.urn.slice(3)}${String(Number(dateOfBirth.slice(2, 4)) + 4).padStart(2, '0').slice(-2)}${String(serial).padStart(4, '0')}`.slice(0, 12));
    // 999 000 0000 to 999 999 9999 is the NHS's range for test numbers, never issued to a person.
    let n = serial * 7;
    let nhs: string | undefined;
    while (!(nhs = makeNhsNumber(`999${String(n).padStart(6, '0')}`))) n += 1;
    return { upn, nhsNumber: nhs };
  }

  function family(familyName: string, age: number): PlannedFamilyMember[] {
    const lead = r.weighted([['mother', 70], ['father', 18], ['carer', 6], ['grandparent', 6]] as const);
    const first = lead === 'mother' ? r.pick(WOMEN) : lead === 'father' ? r.pick(MEN) : lead === 'grandparent' ? r.pick(GRANDPARENTS) : r.pick([...WOMEN, ...MEN]);
    const last = r.chance(0.2) ? r.pick(LAST_NAMES) : familyName;
    const language = r.chance(0.08) ? r.pick(['Polish', 'Urdu', 'Arabic', 'Romanian']) : null;
    const email = r.chance(0.9) ? exampleEmail(first, last) : null;
    const members: PlannedFamilyMember[] = [{
      name: `${first} ${last}`,
      relationship: lead,
      email,
      phone: dramaMobile(phone++),
      contactPreference: r.weighted([['email', email ? 60 : 0], ['text', 20], ['phone', 15], ['post', 5]] as const),
      language,
      needsInterpreter: language !== null && r.chance(0.6),
      mainContact: true,
    }];
    if (lead === 'mother' && r.chance(0.45)) {
      const dad = r.pick(MEN);
      members.push({ name: `${dad} ${familyName}`, relationship: 'father', email: exampleEmail(dad, familyName), phone: dramaMobile(phone++), contactPreference: 'email', language, needsInterpreter: false, mainContact: false });
    }
    return members.concat(age >= 16 && r.chance(0.4) ? [{ name: '', relationship: 'young-person', email: null, phone: dramaMobile(phone++), contactPreference: 'text', language: null, needsInterpreter: false, mainContact: false }] : []);
  }

  /** A child aged `minAge` to `maxAge` today, or with the given date of birth. */
  return function make(opts: { minAge?: number; maxAge?: number; dateOfBirth?: IsoDate; locality?: Locality; name?: { givenName: string; familyName: string } } = {}): PlannedChild {
    const gender = opts.name ? 'male' : r.chance(0.3) ? 'female' : 'male'; // about 7 in 10 children with plans are boys
    let givenName: string;
    let familyName: string;
    if (opts.name) ({ givenName, familyName } = opts.name);
    else {
      do {
        givenName = gender === 'female' ? r.pick(GIRLS) : r.pick(BOYS);
        familyName = r.pick(LAST_NAMES);
      } while (usedNames.has(`${givenName} ${familyName}`));
      usedNames.add(`${givenName} ${familyName}`);
    }
    const dateOfBirth = opts.dateOfBirth ?? addDays(addMonths(today, -12 * r.int(opts.minAge ?? 2, opts.maxAge ?? 19)), -r.int(1, 364));
    const age = ageOn(dateOfBirth, today);
    const locality = opts.locality ?? r.weighted(LOCALITY_NAMES.map((l) => [l, LOCALITIES[l].weight] as const));
    const [town, district] = r.pick<readonly [string, string]>(LOCALITIES[locality].towns);
    const need = r.weighted(NEEDS);
    const special = (need === 'SLD' || need === 'PD') ? r.chance(0.7) : r.chance(0.06);
    const phase = age >= 11 && age < 16 && need === 'SEMH' && r.chance(0.25) ? 'ap' : special && age >= 3 ? 'special' : phaseForAge(age);
    const setting = r.pick(phase === 'ap' ? SETTINGS.filter((s) => s.phase === 'ap') : settingsFor(locality, phase));
    const named = family(familyName, age).map((m) => (m.relationship === 'young-person' ? { ...m, name: `${givenName} ${familyName}` } : m));
    return {
      givenName,
      familyName,
      dateOfBirth,
      gender,
      locality,
      address: `${r.int(1, 120)} ${r.pick(STREETS)}, ${town}`,
      postcode: `${district} ${r.int(1, 9)}${r.pick([...INWARD_LETTERS])}${r.pick([...INWARD_LETTERS])}`,
      setting,
      ...identifiers(setting, dateOfBirth),
      need,
      family: named,
    };
  };
}
