/**
 * Who is on which school's roll, and when. A roll is a list of segments per school year: a pupil
 * on roll at a school from one pupil day (an index into the year's days) to before another. The
 * start-of-year roll comes from age, plan placement and quotas; events (exclusions, elective home
 * education, children missing education) then cut segments short or add new ones.
 */
import { dayIndexOnOrAfter, dayOf, SCHOOL_YEARS } from './calendar.js';
import { EHE_RATE_OF_SCHOOL_AGE, onRollRate, type Placement } from './calibration.js';
import type { People } from './people.js';
import { cumulative, stream, weightedSample, type Random } from './random.js';
import type { School, SchoolKind } from './schools.js';
import { E, K, placementOf, type Sen } from './sen.js';

export interface Segment {
  person: number;
  school: number;
  /** First pupil day on roll and the one after the last (indices into the year's days). */
  first: number;
  end: number;
}

export interface Rolls {
  /** Per year, each person's school at the start of the year (or on joining), -1 none. */
  main: Int32Array[];
  segments: Segment[][];
  /** Electively home educated on the reference day (not on any roll). */
  ehe: Uint8Array;
  /** Left a roll during a year for elective home education (1) or went missing (2). */
  left: Uint8Array[];
}

/** Pupils in Years 11, 13 and 14 leave after the last Friday in June. */
const LEAVING_DAYS = [dayOf('2025-06-27'), dayOf('2026-06-26')];

export function leavingIndex(year: number): number {
  return dayIndexOnOrAfter(SCHOOL_YEARS[year]!, LEAVING_DAYS[year]! + 1);
}

type Choice = 'nursery' | 'primary' | 'secondary' | 'sixth' | 'special' | 'ap';

/** Picks schools by size within a locality (or the area, when the locality has none of a kind). */
export class SchoolPicker {
  private cache = new Map<string, { schools: School[]; cum: Float64Array }>();
  constructor(private readonly schools: readonly School[]) {}

  pick(r: Random, choice: Choice, locality: number): number {
    const key = `${choice}:${locality}`;
    let entry = this.cache.get(key);
    if (!entry) {
      const kind: SchoolKind = choice === 'nursery' ? 'primary' : choice === 'sixth' ? 'secondary' : choice;
      const fits = (s: School) => s.kind === kind && (choice !== 'nursery' || s.hasNursery) && (choice !== 'sixth' || s.hasSixthForm);
      const all = this.schools.filter(fits);
      const local = all.filter((s) => s.locality === locality);
      const list = local.length ? local : all;
      entry = { schools: list, cum: cumulative(list.map((s) => s.size)) };
      this.cache.set(key, entry);
    }
    return entry.schools[r.index(entry.cum)]!.index;
  }
}

/** The school a pupil of this academic age goes to in mainstream. */
function mainstreamChoice(age: number): Choice {
  if (age <= 3) return 'nursery';
  if (age <= 10) return 'primary';
  if (age <= 15) return 'secondary';
  return 'sixth';
}

function segmentsFor(main: Int32Array, people: People, year: number): Segment[] {
  const days = SCHOOL_YEARS[year]!.days.length;
  const out: Segment[] = [];
  for (let p = 0; p < main.length; p++) {
    if (main[p]! < 0) continue;
    const age = people.ageRef[p]! + year;
    out.push({ person: p, school: main[p]!, first: 0, end: age === 15 || age >= 17 ? leavingIndex(year) : days });
  }
  return out;
}

/** The start-of-year roll for 2024/25. */
export function assignFirstYear(people: People, sen: Sen, schools: readonly School[], picker: SchoolPicker, scale: number, seed: number): Rolls {
  const r = stream(seed, 'roll', 0);
  const n = people.n;
  const main = new Int32Array(n).fill(-1);
  const ehe = new Uint8Array(n);
  const byAge: number[][] = Array.from({ length: 28 }, () => []);
  for (let p = 0; p < n; p++) byAge[people.ageRef[p]! + 2]!.push(p);

  const place = (p: number, placement: Placement | undefined) => {
    const age = people.ageRef[p]!;
    const loc = people.locality[p]!;
    if (placement === 'special') main[p] = picker.pick(r, 'special', loc);
    else if (placement === 'ap') main[p] = picker.pick(r, 'ap', loc);
    else main[p] = picker.pick(r, mainstreamChoice(age), loc);
  };
  for (let age = 2; age <= 18; age++) {
    const list = byAge[age + 2]!;
    let placed = 0;
    for (const p of list) {
      if (sen.sen0[p] !== E) continue;
      const placement = placementOf(sen, p);
      if (placement === 'mainstream' || placement === 'special' || placement === 'ap') {
        if (age === 18 && placement !== 'special') continue;
        place(p, placement);
        placed++;
      }
    }
    const target = Math.round(list.length * onRollRate(age));
    const others = r.shuffle(list.filter((p) => sen.sen0[p] !== E));
    for (let k = 0; k < target - placed && k < others.length; k++) place(others[k]!, undefined);
  }
  // Some secondary-age pupils without a plan are on an AP roll all year.
  const secondary = byAge.slice(13, 18).flat().filter((p) => main[p]! >= 0 && schools[main[p]!]!.kind === 'secondary' && sen.sen0[p] !== E);
  for (const i of weightedSample(r, secondary.length, Math.round(60 * scale), (i) => (people.sex[secondary[i]!] === 1 ? 2 : 1) * (people.fsm[secondary[i]!] ? 2 : 1))) {
    const p = secondary[i]!;
    main[p] = picker.pick(r, 'ap', people.locality[p]!);
  }
  // Elective home education on the reference day: 1.3% of ages 5-15, plans included.
  const schoolAge = byAge.slice(7, 18).flat();
  let eheCount = Math.round(EHE_RATE_OF_SCHOOL_AGE * schoolAge.length);
  for (const p of schoolAge) {
    if (sen.sen0[p] === E && placementOf(sen, p) === 'ehe') {
      ehe[p] = 1;
      eheCount--;
    }
  }
  for (const p of r.shuffle(schoolAge.filter((q) => main[q]! < 0 && sen.sen0[q] !== E))) {
    if (eheCount-- <= 0) break;
    ehe[p] = 1;
  }
  return { main: [main, new Int32Array(n).fill(-1)], segments: [segmentsFor(main, people, 0), []], ehe, left: [new Uint8Array(n), new Uint8Array(n)] };
}

/** Where each pupil's last segment of a year left them. */
export function lastSchools(rolls: Rolls, year: number, n: number): Int32Array {
  const last = new Int32Array(n).fill(-1);
  const lastEnd = new Int32Array(n).fill(-1);
  for (const s of rolls.segments[year]!) {
    if (s.end > lastEnd[s.person]!) {
      lastEnd[s.person] = s.end;
      last[s.person] = s.school;
    }
  }
  return last;
}

/** The start-of-year roll for 2025/26: everyone a year older, moving up, on or off. */
export function assignSecondYear(people: People, sen: Sen, schools: readonly School[], picker: SchoolPicker, rolls: Rolls, seed: number): void {
  const r = stream(seed, 'roll', 1);
  const n = people.n;
  const last = lastSchools(rolls, 0, n);
  const main = rolls.main[1]!;
  for (let p = 0; p < n; p++) {
    const age = people.ageRef[p]! + 1;
    const loc = people.locality[p]!;
    const was = last[p]!;
    const plan = sen.sen0[p] === E || sen.sen1[p] === E;
    if (was < 0) {
      if (rolls.ehe[p] || rolls.left[0]![p] === 1) {
        if (age <= 15 && r.chance(0.08)) main[p] = picker.pick(r, mainstreamChoice(age), loc);
      } else if (age === 2 && r.chance(onRollRate(2))) main[p] = picker.pick(r, 'nursery', loc);
      else if (age === 3 && r.chance(onRollRate(3))) main[p] = picker.pick(r, 'nursery', loc);
      else if (age === 4 && r.chance(onRollRate(4))) {
        main[p] = plan && placementOf(sen, p) === 'early-years' && r.chance(0.25) ? picker.pick(r, 'special', loc) : picker.pick(r, 'primary', loc);
      }
      continue;
    }
    const kind = schools[was]!.kind;
    if (kind === 'primary') main[p] = age === 11 ? picker.pick(r, 'secondary', loc) : was;
    else if (kind === 'secondary') {
      if (age <= 15) main[p] = was;
      else if (age === 16) {
        const stay = sen.sen0[p] === E ? 0.42 : sen.sen0[p] === K ? 0.38 : 0.5;
        if (schools[was]!.hasSixthForm && r.chance(stay)) main[p] = was;
      } else if (age === 17 && r.chance(0.93)) main[p] = was;
    } else if (kind === 'special') {
      if (age <= 17 || (age === 18 && r.chance(0.6))) main[p] = was;
    } else if (kind === 'ap' && age <= 15) {
      main[p] = plan || r.chance(0.6) ? was : picker.pick(r, mainstreamChoice(age), loc);
    }
  }
  rolls.segments[1] = segmentsFor(main, people, 1);
}
