/**
 * What happens to pupils during a year: suspensions and permanent exclusions, AP placements,
 * reduced timetables, elective home education and children missing education. Each event both
 * makes rows of its own dataset and shapes the attendance register (E for excluded sessions, B or
 * K on AP days, C2 on a reduced timetable) and the rolls (an excluded pupil moves to an AP roll).
 */
import { CENSUS_DAYS, dayOf, SCHOOL_YEARS, weekdayOf } from './calendar.js';
import { ASD, EXCLUSIONS, NEED_INDEX, PERMANENT_REASONS, SEMH, SOCIAL_CARE, SUSPENSION_REASONS } from './calibration.js';
import type { People } from './people.js';
import { cumulative, stream, weightedSample, type Random } from './random.js';
import { leavingIndex, type Rolls, type SchoolPicker, type Segment } from './rolls.js';
import type { School } from './schools.js';
import { E, K, N, senAt, type Sen } from './sen.js';
import { STORIES } from './stories.js';

export interface Suspension {
  person: number;
  school: number;
  year: number;
  /** Day index in the year and session (0 AM, 1 PM) it starts. */
  index: number;
  session: number;
  /** Length in sessions; 0 for a permanent exclusion. */
  sessions: number;
  reason: string;
  permanent: boolean;
}

/** Sessions [from, to) of a year (day index * 2 + session) that carry a code, on the week's slots in `slots` (0: all). */
export interface Override {
  person: number;
  school: number;
  from: number;
  to: number;
  code: string;
  slots: number;
}

export interface Placement {
  person: number;
  year: number;
  apSchool: number;
  commissioner: 'school' | 'la';
  commissionerSchool: number;
  start: number;
  plannedEnd: number;
  /** -1 while it continues at the end of the window. */
  end: number;
  sessionsPerWeek: number;
  reason: string;
  outcome: string;
}

export interface Deregistration {
  person: number;
  year: number;
  /** The first day off roll. */
  day: number;
  kind: 'ehe' | 'cme';
  /** For a child missing education: the day found (-1 if not by the end of the window). */
  found: number;
}

export interface Events {
  suspensions: Suspension[];
  overrides: Override[][];
  placements: Placement[];
  deregistrations: Deregistration[];
}

export interface EventContext {
  people: People;
  sen: Sen;
  schools: readonly School[];
  rolls: Rolls;
  picker: SchoolPicker;
  scale: number;
  seed: number;
}

export function censusIndexAt(day: number): number {
  let c = 0;
  for (let i = 0; i < CENSUS_DAYS.length; i++) if (CENSUS_DAYS[i]! <= day) c = i;
  return c;
}

function poisson(r: Random, lambda: number): number {
  if (lambda <= 0) return 0;
  if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * r.normal()));
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = r.next();
  while (p > limit) {
    k++;
    p *= r.next();
  }
  return k;
}

const SESSION_LENGTHS = [1, 2, 3, 4, 6, 8, 10, 15, 20];
const SESSION_CUM = cumulative([10, 42, 6, 18, 10, 4, 6, 2, 2]);
const REASONS = Object.keys(SUSPENSION_REASONS);
const REASON_CUM = cumulative(Object.values(SUSPENSION_REASONS));
const PERM_REASONS = Object.keys(PERMANENT_REASONS);
const PERM_CUM = cumulative(Object.values(PERMANENT_REASONS));
/** The week's PM slots (bits 1, 3, 5, 7, 9): Monday AM is bit 0. */
export const PM_SLOTS = 0b1010101010;

export function slotOf(day: number, session: number): number {
  return (weekdayOf(day) - 1) * 2 + session;
}

/** Contiguous sessions of the week, from a random slot: an AP timetable. */
function weekPattern(r: Random, sessions: number): number {
  if (sessions >= 10) return 0;
  const start = r.int(0, 9);
  let mask = 0;
  for (let k = 0; k < sessions; k++) mask |= 1 << ((start + k) % 10);
  return mask;
}

function personFactor(people: People, sen: Sen, p: number, census: number, het: number): number {
  const provision = senAt(sen, p, census);
  const semh = sen.need[p] === SEMH;
  const senF = provision === K ? (semh ? 4.5 : 3) : provision === E ? (semh ? 3.5 : 2.3) : 0.7;
  return (people.sex[p] === 1 ? 1.6 : 0.45) * senF * (people.fsm[p] ? 2 : 0.75) * het;
}

export function emptyEvents(): Events {
  return { suspensions: [], overrides: [[], []], placements: [], deregistrations: [] };
}

/** Suspensions, permanent exclusions and what follows them, for one school year. */
export function buildExclusions(ctx: EventContext, events: Events, year: number): void {
  const { people, sen, schools, rolls, picker } = ctx;
  const r = stream(ctx.seed, 'exclusions', year);
  const days = SCHOOL_YEARS[year]!.days;
  const census = year * 3;
  const het = hetFactors(ctx);
  const segments = rolls.segments[year]!.slice();
  const kinds = ['primary', 'secondary', 'special', 'ap'] as const;
  const lambda = new Float64Array(segments.length);
  for (const kind of kinds) {
    let raw = 0;
    let exposure = 0;
    segments.forEach((s, i) => {
      const school = schools[s.school]!;
      if (school.kind !== kind) return;
      const fraction = (s.end - s.first) / days.length;
      const age = people.ageRef[s.person]! + year;
      const ageF = kind === 'secondary' ? ([0.7, 0.9, 1.1, 1.25, 1.05][age - 11] ?? 0.3) : 1;
      lambda[i] = personFactor(people, sen, s.person, census, het[s.person]!) * ageF * school.exclusionFactor * fraction;
      raw += lambda[i]!;
      exposure += fraction;
    });
    const norm = raw > 0 ? (EXCLUSIONS.suspensionsPer100[kind] / 100) * exposure / raw : 0;
    segments.forEach((s, i) => {
      if (schools[s.school]!.kind === kind) lambda[i] = lambda[i]! * norm;
    });
  }
  const story = STORIES.suspensionRise;
  const storyOn = year >= SCHOOL_YEARS.findIndex((y) => y.end >= dayOf(story.from));
  const storyProvision = story.provision === 'K' ? K : E;
  const storyNeed = NEED_INDEX[story.primaryNeed];
  const suspendedCount = new Map<Segment, Suspension[]>();
  segments.forEach((s, i) => {
    let l = lambda[i]!;
    if (storyOn && schools[s.school]!.kind === story.phase && senAt(sen, s.person, census) === storyProvision && sen.need[s.person] === storyNeed) l *= story.multiplier;
    const count = poisson(r, l);
    if (!count) return;
    const list: Suspension[] = [];
    let next = s.first;
    const starts = Array.from({ length: count }, () => r.int(s.first, Math.max(s.first, s.end - 1))).sort((a, b) => a - b);
    for (const start of starts) {
      const index = Math.max(start, next);
      if (index >= s.end) break;
      const sessions = SESSION_LENGTHS[r.index(SESSION_CUM)]!;
      const session = sessions % 2 === 1 && r.chance(0.4) ? 1 : 0;
      const susp: Suspension = { person: s.person, school: s.school, year, index, session, sessions, reason: REASONS[r.index(REASON_CUM)]!, permanent: false };
      list.push(susp);
      events.suspensions.push(susp);
      const from = index * 2 + session;
      events.overrides[year]!.push({ person: s.person, school: s.school, from, to: from + sessions, code: 'E', slots: 0 });
      next = index + Math.ceil((sessions + session) / 2) + 1;
    }
    if (list.length) suspendedCount.set(s, list);
  });

  // Permanent exclusions: from pupils already suspended, most often the most suspended.
  for (const kind of kinds) {
    const pool = [...suspendedCount.entries()].filter(([s]) => schools[s.school]!.kind === kind);
    const exposure = segments.filter((s) => schools[s.school]!.kind === kind).reduce((a, s) => a + (s.end - s.first) / days.length, 0);
    const count = Math.round((EXCLUSIONS.permanentPer100[kind] / 100) * exposure);
    let made = 0;
    for (const i of weightedSample(r, pool.length, pool.length, (i) => pool[i]![1].length ** 2)) {
      if (made >= count) break;
      const [segment, list] = pool[i]!;
      const lastSusp = list[list.length - 1]!;
      // Some days after the last suspension, and early enough to leave a roll to move to.
      const after = lastSusp.index + Math.ceil((lastSusp.sessions + lastSusp.session) / 2);
      const day = Math.min(after + r.int(1, 15), segment.end - 11);
      if (day <= after) continue;
      made++;
      events.suspensions.push({ person: segment.person, school: segment.school, year, index: day, session: 0, sessions: 0, reason: PERM_REASONS[r.index(PERM_CUM)]!, permanent: true });
      events.overrides[year]!.push({ person: segment.person, school: segment.school, from: day * 2, to: (day + 5) * 2, code: 'E', slots: 0 });
      const oldEnd = segment.end;
      segment.end = day + 5;
      const ap = picker.pick(r, 'ap', people.locality[segment.person]!);
      rolls.segments[year]!.push({ person: segment.person, school: ap, first: day + 5, end: oldEnd });
      events.placements.push({
        person: segment.person, year, apSchool: ap, commissioner: 'la', commissionerSchool: -1, start: days[day + 5]!,
        plannedEnd: days[Math.min(days.length - 1, day + 5 + 60)]!, end: -1, sessionsPerWeek: 10, reason: 'awaiting-place', outcome: '',
      });
    }
  }
}

/** A persistent propensity to be suspended, per person (the same pupils in both years). */
function hetFactors(ctx: EventContext): Float32Array {
  const cached = hetCache.get(ctx.people);
  if (cached) return cached;
  const r = stream(ctx.seed, 'suspension-propensity');
  const het = new Float32Array(ctx.people.n);
  for (let p = 0; p < het.length; p++) het[p] = r.gamma(0.45) / 0.45;
  hetCache.set(ctx.people, het);
  return het;
}
const hetCache = new WeakMap<People, Float32Array>();

const AP_WEEKS = [6, 8, 12, 24];
const AP_WEEKS_CUM = cumulative([40, 20, 30, 10]);
const AP_SESSIONS = [2, 3, 4, 5, 6, 8, 10];
const AP_SESSIONS_CUM = cumulative([20, 20, 15, 20, 10, 7, 8]);

/** AP placements commissioned by schools and by the council (not those after a permanent exclusion). */
export function buildPlacements(ctx: EventContext, events: Events, year: number): void {
  const { people, sen, schools, rolls, picker } = ctx;
  const r = stream(ctx.seed, 'placements', year);
  const days = SCHOOL_YEARS[year]!.days;
  const lastYear = year === SCHOOL_YEARS.length - 1;
  const byPerson = segmentsByPerson(rolls.segments[year]!);
  const bySegment = new Map<Segment, number>();
  for (const s of events.suspensions) {
    if (s.year !== year || s.permanent) continue;
    const seg = byPerson.get(s.person)?.find((g) => g.school === s.school && s.index >= g.first && s.index < g.end);
    if (seg) bySegment.set(seg, (bySegment.get(seg) ?? 0) + 1);
  }
  const census = year * 3;
  const candidates: { seg: Segment; commissioner: 'school' | 'la'; reason: string }[] = [];
  for (const seg of rolls.segments[year]!) {
    const school = schools[seg.school]!;
    if (school.kind !== 'primary' && school.kind !== 'secondary') continue;
    if (seg.end - seg.first < 30) continue;
    const suspensions = bySegment.get(seg) ?? 0;
    const provision = senAt(sen, seg.person, census);
    const need = sen.need[seg.person];
    const age = people.ageRef[seg.person]! + year;
    if (suspensions >= 2 && r.chance(school.kind === 'secondary' ? 0.25 : 0.1)) candidates.push({ seg, commissioner: 'school', reason: r.chance(0.7) ? 'suspension' : 'behaviour-support' });
    else if (school.kind === 'secondary' && provision !== N && need === SEMH && r.chance(0.012)) candidates.push({ seg, commissioner: 'school', reason: 'behaviour-support' });
    else if (provision !== N && (need === SEMH || need === ASD) && age >= 7 && r.chance(provision === E ? 0.015 : 0.01)) candidates.push({ seg, commissioner: 'la', reason: 'medical' });
    else if (provision === E && r.chance(0.006)) candidates.push({ seg, commissioner: 'la', reason: 'sen' });
  }
  for (const { seg, commissioner, reason } of candidates) {
    const first = r.int(seg.first + 5, Math.max(seg.first + 5, seg.end - 20));
    if (first >= seg.end - 10) continue;
    const weeks = reason === 'medical' ? 12 : reason === 'sen' ? r.int(8, 20) : AP_WEEKS[r.index(AP_WEEKS_CUM)]!;
    const plannedEnd = first + weeks * 5;
    const actual = Math.round(plannedEnd + r.normal() * 7 + (r.chance(0.15) ? weeks * 2.5 : 0));
    const sessionsPerWeek = reason === 'sen' ? 10 : reason === 'medical' ? r.int(3, 5) : AP_SESSIONS[r.index(AP_SESSIONS_CUM)]!;
    const ap = picker.pick(r, 'ap', people.locality[seg.person]!);
    const endIndex = Math.min(seg.end, Math.max(first + 10, actual));
    const continues = lastYear && actual >= days.length && seg.end === days.length;
    const age = people.ageRef[seg.person]! + year;
    let outcome = '';
    if (!continues) {
      if (endIndex >= seg.end && (age === 15 || age >= 17) && seg.end === leavingIndex(year)) outcome = 'post-16';
      else if (reason === 'sen') outcome = 'special-school';
      else {
        const u = r.next();
        outcome = u < 0.66 ? 'reintegrated' : u < 0.76 ? 'new-school' : u < 0.8 && senAt(sen, seg.person, census) === E ? 'special-school' : u < 0.84 ? 'ehe' : u < 0.88 ? 'reintegrated' : 'other';
      }
    }
    events.placements.push({
      person: seg.person, year, apSchool: ap, commissioner, commissionerSchool: commissioner === 'school' ? seg.school : -1,
      start: days[first]!, plannedEnd: days[Math.min(days.length - 1, plannedEnd)]!,
      end: continues ? -1 : days[Math.min(days.length - 1, endIndex)]!, sessionsPerWeek, reason, outcome,
    });
    events.overrides[year]!.push({ person: seg.person, school: seg.school, from: first * 2, to: endIndex * 2, code: commissioner === 'school' ? 'B' : 'K', slots: weekPattern(r, sessionsPerWeek) });
    // Where the placement leads: another school, a special school, or home education.
    if (continues || endIndex >= seg.end) continue;
    const oldEnd = seg.end;
    if (outcome === 'new-school' || outcome === 'special-school') {
      seg.end = endIndex;
      const choice = outcome === 'special-school' ? 'special' : schools[seg.school]!.kind === 'primary' ? 'primary' : 'secondary';
      rolls.segments[year]!.push({ person: seg.person, school: picker.pick(r, choice, people.locality[seg.person]!), first: endIndex, end: oldEnd });
    } else if (outcome === 'ehe') {
      seg.end = endIndex;
      rolls.left[year]![seg.person] = 1;
      events.deregistrations.push({ person: seg.person, year, day: days[endIndex]!, kind: 'ehe', found: -1 });
    }
  }
}

/** Reduced timetables (C2 in the afternoons), mostly for pupils with SEMH or autism. */
export function buildReducedTimetables(ctx: EventContext, events: Events, year: number): void {
  const { sen, schools, rolls } = ctx;
  const r = stream(ctx.seed, 'reduced-timetables', year);
  for (const seg of rolls.segments[year]!) {
    const kind = schools[seg.school]!.kind;
    const provision = senAt(sen, seg.person, year * 3);
    if (provision === N || seg.end - seg.first < 30) continue;
    const need = sen.need[seg.person];
    const p = kind === 'special' ? 0.06 : kind === 'ap' ? 0.1 : need === SEMH || need === ASD ? 0.025 : 0.004;
    if (!r.chance(p)) continue;
    const first = r.int(seg.first, seg.end - 20);
    const end = Math.min(seg.end, first + r.int(4, 12) * 5);
    events.overrides[year]!.push({ person: seg.person, school: seg.school, from: first * 2, to: end * 2, code: 'C2', slots: PM_SLOTS });
  }
}

/** Children taken off roll for elective home education, and children missing education. */
export function buildDeregistrations(ctx: EventContext, events: Events, year: number): void {
  const { people, sen, schools, rolls, picker } = ctx;
  const r = stream(ctx.seed, 'deregistrations', year);
  const days = SCHOOL_YEARS[year]!.days;
  const pool = rolls.segments[year]!.filter((s) => {
    const age = people.ageRef[s.person]! + year;
    return age >= 5 && age <= 15 && s.end - s.first > 40 && schools[s.school]!.kind !== 'special';
  });
  const census = year * 3;
  const ehe = weightedSample(r, pool.length, Math.round((SOCIAL_CARE.eheDeregistrationsPerYearPer1000 / 1000) * pool.length), (i) => {
    const p = pool[i]!.person;
    const provision = senAt(sen, p, census);
    return (provision === N ? 1 : 2) * (sen.need[p] === ASD || sen.need[p] === SEMH ? 1.5 : 1);
  });
  const taken = new Set<number>();
  for (const i of ehe) {
    const seg = pool[i]!;
    taken.add(i);
    const day = r.int(seg.first + 10, seg.end - 10);
    seg.end = day;
    rolls.left[year]![seg.person] = 1;
    events.deregistrations.push({ person: seg.person, year, day: days[day]!, kind: 'ehe', found: -1 });
  }
  const cme = weightedSample(r, pool.length, Math.round((SOCIAL_CARE.cmePerYearPer1000 / 1000) * pool.length), (i) => (taken.has(i) ? 0 : people.fsm[pool[i]!.person] ? 3 : 1));
  for (const i of cme) {
    const seg = pool[i]!;
    const stop = r.int(seg.first + 10, seg.end - 25);
    // Ten school days of unexplained absence, then off roll and reported missing.
    events.overrides[year]!.push({ person: seg.person, school: seg.school, from: stop * 2, to: (stop + 10) * 2, code: 'O', slots: 0 });
    const oldEnd = seg.end;
    seg.end = stop + 10;
    rolls.left[year]![seg.person] = 2;
    const removed = days[stop + 10]!;
    const lastDay = SCHOOL_YEARS[SCHOOL_YEARS.length - 1]!.end;
    const foundAfter = r.chance(0.85) ? r.int(10, 90) : -1;
    const found = foundAfter < 0 || removed + foundAfter > lastDay ? -1 : removed + foundAfter;
    events.deregistrations.push({ person: seg.person, year, day: removed, kind: 'cme', found });
    if (found >= 0 && r.chance(0.7)) {
      let back = stop + 10;
      while (back < days.length && days[back]! <= found) back++;
      if (back < oldEnd) {
        rolls.segments[year]!.push({ person: seg.person, school: picker.pick(r, schools[seg.school]!.kind === 'primary' ? 'primary' : 'secondary', people.locality[seg.person]!), first: back, end: oldEnd });
        rolls.left[year]![seg.person] = 0;
      }
    }
  }
}

/** After both years' rolls are known: how each post-exclusion AP placement ended. */
export function settlePlacements(ctx: EventContext, events: Events): void {
  const { schools, rolls } = ctx;
  const second = segmentsByPerson(rolls.segments[1]!);
  for (const pl of events.placements) {
    if (pl.reason !== 'awaiting-place' || pl.year !== 0) continue;
    const next = second.get(pl.person) ?? [];
    const stillAp = next.find((s) => s.school === pl.apSchool);
    if (stillAp) {
      if (stillAp.end < SCHOOL_YEARS[1]!.days.length) {
        pl.end = SCHOOL_YEARS[1]!.days[stillAp.end - 1]!;
        pl.outcome = 'post-16';
      }
      continue;
    }
    pl.end = SCHOOL_YEARS[0]!.days[SCHOOL_YEARS[0]!.days.length - 1]!;
    pl.outcome = next.some((s) => schools[s.school]!.kind === 'special') ? 'special-school' : next.length ? 'new-school' : 'other';
  }
  for (const pl of events.placements) {
    if (pl.reason !== 'awaiting-place' || pl.year !== 1) continue;
    const seg = second.get(pl.person)?.find((s) => s.school === pl.apSchool);
    if (seg && seg.end < SCHOOL_YEARS[1]!.days.length) {
      pl.end = SCHOOL_YEARS[1]!.days[seg.end - 1]!;
      pl.outcome = 'post-16';
    }
  }
}

export function segmentsByPerson(segments: readonly Segment[]): Map<number, Segment[]> {
  const map = new Map<number, Segment[]>();
  for (const s of segments) {
    const list = map.get(s.person);
    if (list) list.push(s);
    else map.set(s.person, [s]);
  }
  return map;
}
