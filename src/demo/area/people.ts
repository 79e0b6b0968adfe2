/**
 * The synthetic people: everyone aged 0-25 on the reference day (31 August 2024) plus the babies
 * born in the two years, held column-wise in typed arrays (scale 10 is 770,000 people). Households
 * share a surname, a postcode and free school meals; no two people share forename, surname and
 * date of birth except the pairs planted on purpose (collisions.ts).
 */
import { dayOf } from './calendar.js';
import { LOCALITIES, inventPostcode, pickLocality } from './geography.js';
import { NhsAllocator, UlnAllocator, UpnAllocator } from './identity.js';
import { forenameOf, pickForename, pickSurname, SURNAMES } from './names.js';
import { apportion, cumulative, hashSeed, stream } from './random.js';
import { TARGETS } from './calibration.js';

export interface People {
  n: number;
  birth: Int32Array;
  /** 1 male, 2 female */
  sex: Uint8Array;
  fore: Uint16Array;
  sur: Uint16Array;
  locality: Uint8Array;
  postcode: Int32Array;
  postcodes: string[];
  fsm: Uint8Array;
  /** Age on 31 August 2024; -1 and -2 for babies born in the first and second year. */
  ageRef: Int8Array;
  /** The 9 digits after the LA code, or -1. */
  upnNumber: Int32Array;
  nhsStem: Int32Array;
  /** -1 under 12 on the reference day. */
  ulnStem: Int32Array;
}

/** Ages 0-3 (Cumberland's births are falling), the 14 school-age year groups, and 18-25. */
const YOUNG_WEIGHTS = [2380, 2420, 2450, 2480];
const SCHOOL_AGE_WEIGHTS = [0.955, 0.97, 0.985, 1.0, 1.01, 1.02, 1.03, 1.04, 1.045, 1.04, 1.035, 1.03, 1.0, 0.99];
const ADULT_WEIGHTS = [2900, 2750, 2650, 2600, 2550, 2550, 2500, 2524];
export const BIRTHS_PER_YEAR = 2360;

/** How many people of each age (index 0 is age -2, index 27 age 25) at this scale. */
export function cohortSizes(scale: number): number[] {
  const total = Math.round(TARGETS.population0to25 * scale);
  const schoolAge = Math.round(TARGETS.schoolAge * scale);
  const young = apportion(Math.round(YOUNG_WEIGHTS.reduce((a, b) => a + b, 0) * scale), YOUNG_WEIGHTS);
  const school = apportion(schoolAge, SCHOOL_AGE_WEIGHTS);
  const adults = apportion(total - schoolAge - young.reduce((a, b) => a + b, 0), ADULT_WEIGHTS);
  const births = Math.round(BIRTHS_PER_YEAR * scale);
  return [births, births, ...young, ...school, ...adults];
}

const HOUSEHOLD_SIZES = cumulative([0.42, 0.38, 0.15, 0.05]);

export function buildPeople(scale: number, seed: number): People {
  const sizes = cohortSizes(scale);
  const n = sizes.reduce((a, b) => a + b, 0);
  const people: People = {
    n,
    birth: new Int32Array(n),
    sex: new Uint8Array(n),
    fore: new Uint16Array(n),
    sur: new Uint16Array(n),
    locality: new Uint8Array(n),
    postcode: new Int32Array(n),
    postcodes: [],
    fsm: new Uint8Array(n),
    ageRef: new Int8Array(n),
    upnNumber: new Int32Array(n).fill(-1),
    nhsStem: new Int32Array(n),
    ulnStem: new Int32Array(n).fill(-1),
  };
  const r = stream(seed, 'people');
  let i = 0;
  for (let k = 0; k < sizes.length; k++) {
    const age = k - 2;
    // Born between 1 September (2023 - age) and 31 August (2024 - age).
    const first = dayOf(`${2023 - age}-09-01`);
    const last = dayOf(`${2024 - age}-08-31`);
    for (let c = 0; c < sizes[k]!; c++, i++) {
      people.ageRef[i] = age;
      people.birth[i] = r.int(first, last);
      people.sex[i] = r.chance(0.512) ? 1 : 2;
    }
  }

  // Households: a random grouping of people, sharing surname, postcode and free school meals.
  const order = r.shuffle(Int32Array.from({ length: n }, (_, j) => j));
  const seen = new Set<string>();
  let at = 0;
  while (at < n) {
    const size = Math.min(n - at, r.index(HOUSEHOLD_SIZES) + 1);
    const locality = pickLocality(r);
    const postcodeIndex = people.postcodes.push(inventPostcode(r, locality)) - 1;
    const surname = pickSurname(r);
    const fsm = r.chance(LOCALITIES[locality]!.fsmRate) ? 1 : 0;
    const used: number[] = [];
    for (let m = 0; m < size; m++) {
      const p = order[at + m]!;
      people.locality[p] = locality;
      people.postcode[p] = postcodeIndex;
      people.sur[p] = surname;
      people.fsm[p] = fsm;
      let fore = 0;
      let key = '';
      for (let attempt = 0; attempt < 40; attempt++) {
        fore = pickForename(r, people.sex[p]!);
        key = `${forenameOf(people.sex[p]!, fore)}|${SURNAMES[surname]}|${people.birth[p]}`;
        if (!seen.has(key) && !used.includes(fore * 4 + people.sex[p]!)) break;
      }
      // A common surname and a popular name can still clash after 40 tries: move the birthday
      // on a day at a time, within the year group.
      const first = dayOf(`${2023 - people.ageRef[p]!}-09-01`);
      const span = dayOf(`${2024 - people.ageRef[p]!}-08-31`) - first + 1;
      while (seen.has(key)) {
        people.birth[p] = first + ((people.birth[p]! - first + 1) % span);
        key = `${forenameOf(people.sex[p]!, fore)}|${SURNAMES[surname]}|${people.birth[p]}`;
      }
      seen.add(key);
      used.push(fore * 4 + people.sex[p]!);
      people.fore[p] = fore;
    }
    at += size;
  }

  const upns = new UpnAllocator(hashSeed(seed, 'upn') % 1_000_000_000);
  const nhs = new NhsAllocator(hashSeed(seed, 'nhs') % 1_000_000);
  const ulns = new UlnAllocator(hashSeed(seed, 'uln') % 900_000_000);
  for (let p = 0; p < n; p++) {
    people.nhsStem[p] = nhs.allocate();
    if (people.ageRef[p]! >= 1) people.upnNumber[p] = upns.allocate();
    if (people.ageRef[p]! >= 12) people.ulnStem[p] = ulns.allocate();
  }
  return people;
}

