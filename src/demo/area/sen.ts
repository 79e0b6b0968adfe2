/**
 * Special educational needs: who holds an EHC plan, where they are educated and why; who is on
 * SEN Support; and how that changes between the six censuses. Headline shares are quotas
 * (apportion + weighted sampling), so the area hits them at every scale, not just on average.
 */
import {
  ASD, NSA, NEEDS, PLACEMENTS, PLAN_NEEDS_BY_PLACEMENT, PLANS_BY_AGE, SEMH, SLCN, SUPPORT_BY_AGE, SUPPORT_NEEDS,
  TARGETS, mixWeights, placementBand, placementWeights, type Placement,
} from './calibration.js';
import type { People } from './people.js';
import { apportion, cumulative, stream, weightedSample, type Random } from './random.js';

export const N = 0;
export const K = 1;
export const E = 2;
export const PROVISION_CODES = ['N', 'K', 'E'] as const;
export const NONE = 255;
export const CENSUSES = 6;

export interface Sen {
  /** Provision on the reference day, then from census `change` on (NONE: no change). */
  sen0: Uint8Array;
  sen1: Uint8Array;
  change: Uint8Array;
  need: Uint8Array;
  need2: Uint8Array;
  /** For plan holders: index into PLACEMENTS. */
  placement: Uint8Array;
  /** Not on SEN Support yet, but will be: the children whose early checks should show it. */
  emerging: Uint8Array;
}

export function senAt(sen: Sen, p: number, census: number): number {
  return census >= sen.change[p]! ? sen.sen1[p]! : sen.sen0[p]!;
}

/** Whether a person is ever on SEN Support or holds a plan in the two years. */
export function everSen(sen: Sen, p: number): boolean {
  return sen.sen0[p] !== N || (sen.change[p] !== NONE && sen.sen1[p] !== N);
}

export const PLACEMENT_INDEX = Object.fromEntries(PLACEMENTS.map((p, i) => [p, i])) as Record<Placement, number>;

const PLAN_NEED_CUM = Object.fromEntries(
  PLACEMENTS.map((p) => [p, cumulative(mixWeights(PLAN_NEEDS_BY_PLACEMENT[p]))]),
) as Record<Placement, Float64Array>;

function byAge(people: People): number[][] {
  const lists: number[][] = Array.from({ length: 28 }, () => []);
  for (let p = 0; p < people.n; p++) lists[people.ageRef[p]! + 2]!.push(p);
  return lists;
}

function secondNeed(r: Random, cum: Float64Array, primary: number): number {
  for (let tries = 0; tries < 8; tries++) {
    const n = r.index(cum);
    if (n !== primary && n !== NSA) return n;
  }
  return NONE;
}

/** Plan holders, their placement and primary need: step 1 of SEN. */
export function assignPlans(people: People, scale: number, seed: number): Sen {
  const n = people.n;
  const sen: Sen = {
    sen0: new Uint8Array(n), sen1: new Uint8Array(n), change: new Uint8Array(n).fill(NONE), need: new Uint8Array(n).fill(NONE),
    need2: new Uint8Array(n).fill(NONE), placement: new Uint8Array(n).fill(NONE), emerging: new Uint8Array(n),
  };
  const r = stream(seed, 'plans');
  const ages = Object.keys(PLANS_BY_AGE).map(Number);
  const counts = apportion(Math.round(TARGETS.ehcPlans * scale), ages.map((a) => PLANS_BY_AGE[a]!));
  const lists = byAge(people);
  const bands: number[][] = Array.from({ length: 6 }, () => []);
  ages.forEach((age, k) => {
    const list = lists[age + 2]!;
    const chosen = weightedSample(r, list.length, counts[k]!, (i) => (people.sex[list[i]!] === 1 ? 2.4 : 1) * (people.fsm[list[i]!] ? 1.4 : 1));
    for (const i of chosen) {
      sen.sen0[list[i]!] = E;
      bands[placementBand(age)]!.push(list[i]!);
    }
  });
  for (const holders of bands) {
    if (!holders.length) continue;
    r.shuffle(holders);
    const weights = placementWeights(people.ageRef[holders[0]!]!);
    const parts = apportion(holders.length, PLACEMENTS.map((p) => weights[p]));
    let at = 0;
    parts.forEach((count, k) => {
      for (let c = 0; c < count; c++) sen.placement[holders[at++]!] = k;
    });
  }
  // Make the mainstream share exact by moving school-age plans between mainstream and special.
  const holders = Array.from({ length: n }, (_, p) => p).filter((p) => sen.sen0[p] === E);
  const mainstream = PLACEMENT_INDEX.mainstream;
  const special = PLACEMENT_INDEX.special;
  let excess = holders.filter((p) => sen.placement[p] === mainstream).length - Math.round(TARGETS.mainstreamShareOfPlans * holders.length);
  for (const p of r.shuffle(holders.slice())) {
    if (excess === 0) break;
    const age = people.ageRef[p]!;
    if (age < 4 || age > 15) continue;
    if (excess > 0 && sen.placement[p] === mainstream) {
      sen.placement[p] = special;
      excess--;
    } else if (excess < 0 && sen.placement[p] === special) {
      sen.placement[p] = mainstream;
      excess++;
    }
  }
  // Primary needs by placement, then the autism share made exact within mainstream plans.
  for (let k = 0; k < PLACEMENTS.length; k++) {
    const group = r.shuffle(holders.filter((p) => sen.placement[p] === k));
    const parts = apportion(group.length, mixWeights(PLAN_NEEDS_BY_PLACEMENT[PLACEMENTS[k]!]));
    let at = 0;
    parts.forEach((count, need) => {
      for (let c = 0; c < count; c++) sen.need[group[at++]!] = need;
    });
  }
  let asdExcess = holders.filter((p) => sen.need[p] === ASD).length - Math.round(TARGETS.asdShareOfPlans * holders.length);
  for (const p of r.shuffle(holders.filter((q) => sen.placement[q] === mainstream))) {
    if (asdExcess === 0) break;
    if (asdExcess > 0 && sen.need[p] === ASD) {
      sen.need[p] = SLCN;
      asdExcess--;
    } else if (asdExcess < 0 && (sen.need[p] === SLCN || sen.need[p] === SEMH)) {
      sen.need[p] = ASD;
      asdExcess++;
    }
  }
  for (const p of holders) {
    if (r.chance(0.35)) sen.need2[p] = secondNeed(r, PLAN_NEED_CUM[PLACEMENTS[sen.placement[p]!]!], sen.need[p]!);
  }
  return sen;
}

const SUPPORT_WEIGHTS = mixWeights(SUPPORT_NEEDS);
const ageTilted = (age: number, ap: boolean): Float64Array => {
  const w = SUPPORT_WEIGHTS.slice();
  const tilt = (code: (typeof NEEDS)[number], f: number) => (w[NEEDS.indexOf(code)]! *= f);
  if (age <= 6) {
    tilt('SLCN', 2.2);
    tilt('SPLD', 0.2);
    tilt('MLD', 0.6);
    tilt('SEMH', 0.6);
  } else if (age <= 10) tilt('SPLD', 1.2);
  else {
    tilt('SEMH', 1.35);
    tilt('SLCN', 0.5);
    tilt('SPLD', 1.25);
    tilt('MLD', 1.1);
  }
  if (ap) tilt('SEMH', 6);
  return cumulative(w);
};
const SUPPORT_CUM_BY_AGE = Array.from({ length: 19 }, (_, age) => ageTilted(age, false));
const SUPPORT_CUM_AP = ageTilted(14, true);

export function supportNeed(r: Random, age: number, ap: boolean): number {
  return r.index(ap ? SUPPORT_CUM_AP : SUPPORT_CUM_BY_AGE[Math.max(0, Math.min(18, age))]!);
}

/**
 * SEN Support: 13.6% of pupils on roll at the start of the first year, weighted by year group,
 * sex, free school meals, and (heavily) for pupils on an AP roll. Step 2, once rolls exist.
 */
export function assignSupport(people: People, sen: Sen, onRoll: (p: number) => 'school' | 'ap' | 'special' | undefined, seed: number): void {
  const r = stream(seed, 'support');
  const pupils: number[] = [];
  const candidates: number[] = [];
  for (let p = 0; p < people.n; p++) {
    const where = onRoll(p);
    if (!where) continue;
    pupils.push(p);
    if (sen.sen0[p] !== E && where !== 'special') candidates.push(p);
  }
  const count = Math.round(TARGETS.senSupportRateOfPupils * pupils.length);
  const chosen = weightedSample(r, candidates.length, count, (i) => {
    const p = candidates[i]!;
    return (SUPPORT_BY_AGE[people.ageRef[p]!] ?? 0) * (people.sex[p] === 1 ? 1.6 : 1) * (people.fsm[p] ? 1.8 : 1) * (onRoll(p) === 'ap' ? 6 : 1);
  });
  for (const i of chosen) {
    const p = candidates[i]!;
    sen.sen0[p] = K;
    sen.need[p] = supportNeed(r, people.ageRef[p]!, onRoll(p) === 'ap');
    if (r.chance(0.2)) sen.need2[p] = secondNeed(r, SUPPORT_CUM_BY_AGE[Math.min(18, people.ageRef[p]!)]!, sen.need[p]!);
  }
}

/**
 * Changes between censuses: new plans (mostly from SEN Support), support ended, needs newly
 * identified (the "emerging" children), plans ceased as young people leave education. Step 3.
 */
export function assignTransitions(people: People, sen: Sen, onRollEither: (p: number) => boolean, seed: number): void {
  const r = stream(seed, 'transitions');
  const mainstreamCum = PLAN_NEED_CUM.mainstream;
  for (let p = 0; p < people.n; p++) {
    const age = people.ageRef[p]!;
    const at = r.int(1, CENSUSES - 1);
    const u = r.next();
    if (sen.sen0[p] === K) {
      if (u < 0.12) {
        sen.sen1[p] = E;
        sen.change[p] = at;
        sen.placement[p] = PLACEMENT_INDEX.mainstream;
        if (sen.need[p] === NSA) sen.need[p] = r.index(mainstreamCum);
        // A secondary need is never the primary one (data-formats.md rejects such a row).
        if (sen.need2[p] === sen.need[p]) sen.need2[p] = NONE;
      } else if (u < 0.2) {
        sen.sen1[p] = N;
        sen.change[p] = at;
      }
    } else if (sen.sen0[p] === E) {
      if (u < (age >= 16 ? 0.25 : 0.01)) {
        sen.sen1[p] = N;
        sen.change[p] = at;
      }
    } else if (onRollEither(p) && age >= 2 && age <= 17) {
      const young = age >= 3 && age <= 5;
      if (u < (young ? 0.065 : 0.04)) {
        sen.sen1[p] = K;
        // A child who starts school in the second year is first assessed there.
        sen.change[p] = age === 3 ? r.int(3, CENSUSES - 1) : at;
        sen.need[p] = supportNeed(r, age + 1, false);
        if (young) sen.emerging[p] = 1;
      } else if (age <= 3 && u < (young ? 0.071 : 0.046)) {
        sen.sen1[p] = E;
        sen.change[p] = r.int(3, CENSUSES - 1);
        sen.placement[p] = PLACEMENT_INDEX.mainstream;
        sen.need[p] = r.index(PLAN_NEED_CUM['early-years']);
        sen.emerging[p] = 1;
      }
    }
  }
}

export function placementOf(sen: Sen, p: number): Placement | undefined {
  const k = sen.placement[p]!;
  return k === NONE ? undefined : PLACEMENTS[k];
}
