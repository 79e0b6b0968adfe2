/**
 * The area's headline figures, computed from the model (no files, no database): what the
 * calibration targets are checked against, and what the manifest reports.
 */
import { CENSUS_DAYS, dayIndexOnOrAfter, isoOf, SCHOOL_YEARS } from './calendar.js';
import { NEEDS, PLACEMENTS, TARGETS, type Need, type Placement } from './calibration.js';
import { LOCALITIES, type LocalityName } from './geography.js';
import { E, K, N, placementOf, senAt } from './sen.js';
import type { Area } from './area.js';

export interface CensusSummary {
  date: string;
  pupils: number;
  ehcPlan: number;
  senSupport: number;
}

export interface AreaSummary {
  scale: number;
  seed: number;
  /** Everyone aged 0-25 on 31 August 2024, and the babies born in the two years after. */
  population0to25: number;
  schoolAge: number;
  birthsInWindow: number;
  /** Pupils on roll at the first census (3 October 2024), by SEN provision. */
  pupilsOnRoll: number;
  provision: { E: number; K: number; N: number };
  senSupportRateOfPupils: number;
  ehcPlanRateOfPupils: number;
  /** Plans held by anyone aged 0-25 on the reference day, in school or not. */
  ehcPlans: number;
  ehcPlanRateOfSchoolAge: number;
  plansByPlacement: Record<Placement, number>;
  mainstreamShareOfPlans: number;
  plansByNeed: Partial<Record<Need, number>>;
  asdShareOfPlans: number;
  supportByNeed: Partial<Record<Need, number>>;
  knownToSocialCare: { E: number; K: number; N: number };
  schools: { total: number; primary: number; secondary: number; special: number; ap: number; colleges: number; independentSpecial: number };
  byLocality: Record<LocalityName, { population: number; pupils: number; ehcPlan: number; senSupport: number; schools: number }>;
  censuses: CensusSummary[];
  collisions: number;
  targets: typeof TARGETS;
}

function count<T extends string>(keys: readonly T[]): Record<T, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<T, number>;
}

function onRollAt(area: Area, census: number): Int32Array {
  const year = Math.floor(census / 3);
  const index = dayIndexOnOrAfter(SCHOOL_YEARS[year]!, CENSUS_DAYS[census]!);
  const at = new Int32Array(area.people.n).fill(-1);
  for (const s of area.rolls.segments[year]!) {
    const kind = area.schools[s.school]!.kind;
    if (index >= s.first && index < s.end && kind !== 'college' && kind !== 'independent-special') at[s.person] = s.school;
  }
  return at;
}

export function summariseArea(area: Area): AreaSummary {
  const { people, sen, schools, social } = area;
  let population = 0;
  let schoolAge = 0;
  let births = 0;
  const plansByPlacement = count(PLACEMENTS);
  const plansByNeed: Partial<Record<Need, number>> = {};
  const supportByNeed: Partial<Record<Need, number>> = {};
  const provision = { E: 0, K: 0, N: 0 };
  const known = { E: 0, K: 0, N: 0 };
  const byLocality = Object.fromEntries(LOCALITIES.map((l) => [l.name, { population: 0, pupils: 0, ehcPlan: 0, senSupport: 0, schools: 0 }])) as AreaSummary['byLocality'];
  const first = onRollAt(area, 0);
  let plans = 0;
  for (let p = 0; p < people.n; p++) {
    const age = people.ageRef[p]!;
    const loc = byLocality[LOCALITIES[people.locality[p]!]!.name]!;
    if (age < 0) {
      births++;
      continue;
    }
    population++;
    loc.population++;
    if (age >= 4 && age <= 17) schoolAge++;
    const s0 = sen.sen0[p]!;
    if (s0 === E) {
      plans++;
      plansByPlacement[placementOf(sen, p)!]++;
      const need = NEEDS[sen.need[p]!]!;
      plansByNeed[need] = (plansByNeed[need] ?? 0) + 1;
    }
    if (social.knownAtReference[p]) known[s0 === E ? 'E' : s0 === K ? 'K' : 'N']++;
    if (first[p]! < 0) continue;
    const c0 = senAt(sen, p, 0);
    loc.pupils++;
    if (c0 === E) {
      provision.E++;
      loc.ehcPlan++;
    } else if (c0 === K) {
      provision.K++;
      loc.senSupport++;
      const need = NEEDS[sen.need[p]!]!;
      supportByNeed[need] = (supportByNeed[need] ?? 0) + 1;
    } else provision.N++;
  }
  const pupils = provision.E + provision.K + provision.N;
  for (const s of schools) if (s.kind === 'primary' || s.kind === 'secondary' || s.kind === 'special') byLocality[LOCALITIES[s.locality]!.name]!.schools++;
  const kindCount = (kind: string) => schools.filter((s) => s.kind === kind).length;
  const censuses = CENSUS_DAYS.map((day, c) => {
    const at = onRollAt(area, c);
    const summary: CensusSummary = { date: isoOf(day), pupils: 0, ehcPlan: 0, senSupport: 0 };
    for (let p = 0; p < people.n; p++) {
      if (at[p]! < 0) continue;
      summary.pupils++;
      const v = senAt(sen, p, c);
      if (v === E) summary.ehcPlan++;
      else if (v === K) summary.senSupport++;
      else if (v !== N) throw new Error('unknown provision');
    }
    return summary;
  });
  return {
    scale: area.scale,
    seed: area.seed,
    population0to25: population,
    schoolAge,
    birthsInWindow: births,
    pupilsOnRoll: pupils,
    provision,
    senSupportRateOfPupils: provision.K / pupils,
    ehcPlanRateOfPupils: provision.E / pupils,
    ehcPlans: plans,
    ehcPlanRateOfSchoolAge: plans / schoolAge,
    plansByPlacement,
    mainstreamShareOfPlans: plansByPlacement.mainstream / plans,
    plansByNeed,
    asdShareOfPlans: (plansByNeed.ASD ?? 0) / plans,
    supportByNeed,
    knownToSocialCare: known,
    schools: {
      total: kindCount('primary') + kindCount('secondary') + kindCount('special'),
      primary: kindCount('primary'),
      secondary: kindCount('secondary'),
      special: kindCount('special'),
      ap: kindCount('ap'),
      colleges: kindCount('college'),
      independentSpecial: kindCount('independent-special'),
    },
    byLocality,
    censuses,
    collisions: area.collisions.length,
    targets: TARGETS,
  };
}
