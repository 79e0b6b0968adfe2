/**
 * Session attendance: one row per pupil per AM/PM session on every pupil day on roll. Each
 * pupil-year has an absence propensity (phase, SEN, free school meals, year group, school, and a
 * persistent personal factor), calibrated per phase to the national absence rates; absences come
 * as spells (illness for a few days, a week's holiday) or single sessions (appointments, late
 * after registers close), coded in the national proportions. Events overwrite sessions (E, B, K,
 * C2), as do trips (V), work experience (W), study leave (S), a snow day (Y4) and part-time
 * nursery afternoons (X). This is the hot path: 15 million rows a year at scale 1.
 */
import { dayOf, SCHOOL_YEARS, type SchoolYear } from './calendar.js';
import { ABSENCE_CODES, ATTENDANCE } from './calibration.js';
import { ascii, type FileSink } from './csv.js';
import { censusIndexAt, slotOf, type Events, type Override } from './events.js';
import { upnFromNumber } from './identity.js';
import type { People } from './people.js';
import { cumulative, hashSeed, stream, type Random } from './random.js';
import type { Segment } from './rolls.js';
import type { School, SchoolKind } from './schools.js';
import { E, K, N, senAt, type Sen } from './sen.js';
import { STORIES } from './stories.js';

/** The register codes in force from 19 August 2024, by meaning (data-formats.md). */
export const ATTENDANCE_CODES = {
  present: ['/', '\\', 'L'],
  approved: ['P', 'K', 'B', 'V', 'W'],
  authorised: ['C', 'C1', 'C2', 'E', 'I', 'J1', 'M', 'R', 'S', 'T'],
  unauthorised: ['G', 'N', 'O', 'U'],
  notPossible: ['D', 'Q', 'X', 'Y1', 'Y2', 'Y3', 'Y4', 'Y5', 'Y6', 'Y7', 'Z', '#'],
} as const;

export const CODE_LIST: readonly string[] = Object.values(ATTENDANCE_CODES).flat();
/** Code ids are 1-based indices into CODE_LIST; 0 means no row. */
const ID = Object.fromEntries(CODE_LIST.map((c, i) => [c, i + 1])) as Record<string, number>;
const CODE_BYTES = CODE_LIST.map(ascii);
const AM_PRESENT = ID['/']!;
const PM_PRESENT = ID['\\']!;
const LATE = ID.L!;
const VISIT = ID.V!;
const SPORT = ID.P!;
const CLOSED = ID.Y4!;
const NOT_REQUIRED = ID.X!;
const TRANSPORT = ID.Y1!;
const STUDY = ID.S!;
const WORK = ID.W!;
const UNAUTH_LATE = ID.U!;
const IS_PRESENT = new Uint8Array(CODE_LIST.length + 1);
for (const c of ['/', '\\', 'L']) IS_PRESENT[ID[c]!] = 1;

type AttendanceKind = 'primary' | 'secondary' | 'special' | 'ap';
export function attendanceKind(kind: SchoolKind): AttendanceKind {
  return kind === 'special' || kind === 'ap' || kind === 'secondary' ? kind : 'primary';
}

// Absence codes split into whole-day spells [code, share, mean days] and single sessions [code, share].
const FULL: [string, number, number][] = Object.entries(ABSENCE_CODES)
  .filter(([, c]) => c.single < 1)
  .map(([code, c]) => [code, c.share * (1 - c.single), c.days]);
const HALF: [string, number][] = Object.entries(ABSENCE_CODES)
  .filter(([, c]) => c.single > 0)
  .map(([code, c]) => [code, c.share * c.single]);
const FULL_TOTAL = FULL.reduce((a, f) => a + f[1], 0);
const HALF_TOTAL = HALF.reduce((a, h) => a + h[1], 0);
const FULL_SHARE = FULL_TOTAL / (FULL_TOTAL + HALF_TOTAL);

/** High-absence pupils' unauthorised spells last longer (1 to 9 days, mean 5) and are more common. */
const HIGH_O_LENGTH = 5;

function spellMix(oFactor: number, oLength: number) {
  const weights = FULL.map(([code, w, len]) => (code === 'O' ? (w * oFactor) / oLength : w / len));
  const shares = FULL.map(([code, w]) => (code === 'O' ? w * oFactor : w));
  const shareTotal = shares.reduce((a, b) => a + b, 0);
  // Starts per day per unit of full-day absence: sum(share_c / len_c) / sum(share_c).
  return { cum: cumulative(weights), startsPerAbsence: weights.reduce((a, b) => a + b, 0) / shareTotal };
}
const NORMAL_MIX = spellMix(1, ABSENCE_CODES.O!.days);
const HIGH_MIX = spellMix(2.5, HIGH_O_LENGTH);
const FULL_IDS = FULL.map(([c]) => ID[c]!);
const HALF_CUM = cumulative(HALF.map((h) => h[1]));
const HALF_IDS = HALF.map(([c]) => ID[c]!);
const STORY_IDS = Object.keys(STORIES.senAttendanceFall.codes).map((c) => ID[c]!);
const STORY_CUM = cumulative(Object.values(STORIES.senAttendanceFall.codes));

/** Spell lengths in days, with the means ABSENCE_CODES gives (I 1.76, O 1.8, G 4). */
function spellLength(r: Random, code: string, high: boolean): number {
  const u = r.next();
  if (code === 'I') return u < 0.55 ? 1 : u < 0.8 ? 2 : u < 0.92 ? 3 : u < 0.97 ? 4 : 5;
  if (code === 'O') return high ? 1 + Math.floor(u * 9) : u < 0.6 ? 1 : u < 0.8 ? 2 : u < 0.9 ? 3 : 5;
  if (code === 'G') return 3 + Math.floor(u * 3);
  return 1;
}

/** Persistent personal and yearly log-scale spread of absence, by phase (tuned for persistent absence). */
const SPREAD: Record<AttendanceKind, number> = { primary: 1.2, secondary: 1.2, special: 1.35, ap: 1.1 };
/** Target absence before events (E, C2, S and O for children going missing are added by events). */
const TARGET: Record<AttendanceKind, number> = {
  primary: ATTENDANCE.absence.primary - 0.002,
  secondary: ATTENDANCE.absence.secondary - 0.008,
  special: ATTENDANCE.absence.special - 0.008,
  ap: ATTENDANCE.absence.ap - 0.01,
};
const MAX_PROPENSITY = 0.97;

export interface YearPlan {
  year: SchoolYear;
  index: number;
  segments: Segment[];
  propensity: Float32Array;
  late: Float32Array;
  overrides: Map<number, Override[]>;
  dateBytes: Uint8Array[];
  slotOfDay: Uint8Array;
  censusOfDay: Uint8Array;
  storyFrom: number;
  storySchool: number;
  snowIndex: number;
}

export interface AttendanceModel {
  people: People;
  sen: Sen;
  schools: readonly School[];
  segments: Segment[][];
  events: Events;
  seed: number;
}

function multiplier(m: AttendanceModel, seg: Segment, year: number): number {
  const { people, sen, schools } = m;
  const p = seg.person;
  const school = schools[seg.school]!;
  const kind = attendanceKind(school.kind);
  const age = people.ageRef[p]! + year;
  const provision = senAt(sen, p, year * 3);
  let f = school.absenceFactor * (people.fsm[p] ? 1.6 : 0.88);
  if (kind !== 'special' && kind !== 'ap') f *= provision === K ? 1.5 : provision === E ? 1.75 : 0.9;
  if (age <= 3) f *= 1.2;
  else if (kind === 'primary') f *= age <= 6 ? 1.05 : 0.95;
  else if (kind === 'secondary') f *= [0.8, 0.95, 1.05, 1.15, 1.2][age - 11] ?? 1.1;
  return f;
}

/** Everything the writer needs for a year, computed once: propensities calibrated per phase. */
export function planYear(m: AttendanceModel, yearIndex: number, upnOf: (p: number) => string): YearPlan {
  const year = SCHOOL_YEARS[yearIndex]!;
  const segments = m.segments[yearIndex]!.filter((s) => s.end > s.first && m.schools[s.school]!.kind !== 'college');
  segments.sort((a, b) => a.school - b.school || (upnOf(a.person) < upnOf(b.person) ? -1 : upnOf(a.person) > upnOf(b.person) ? 1 : a.first - b.first));
  const personal = stream(m.seed, 'absence-person');
  const z = personalNormals(m, personal);
  const r = stream(m.seed, 'absence-year', yearIndex);
  const raw = new Float32Array(segments.length);
  const late = new Float32Array(segments.length);
  const kinds = segments.map((s) => attendanceKind(m.schools[s.school]!.kind));
  segments.forEach((s, i) => {
    const sigma = SPREAD[kinds[i]!];
    const g = Math.exp(sigma * (0.85 * z[s.person]! + 0.53 * r.normal()) - (sigma * sigma) / 2);
    raw[i] = multiplier(m, s, yearIndex) * g;
    late[i] = ATTENDANCE.late * 2 * Math.exp(0.9 * r.normal() - 0.405);
  });
  const propensity = new Float32Array(segments.length);
  for (const kind of ['primary', 'secondary', 'special', 'ap'] as const) {
    const idx = segments.map((_, i) => i).filter((i) => kinds[i] === kind);
    if (!idx.length) continue;
    const weightOf = (i: number) => segments[i]!.end - segments[i]!.first;
    const mean = (base: number) => {
      let num = 0;
      let den = 0;
      for (const i of idx) {
        num += Math.min(MAX_PROPENSITY, base * raw[i]!) * weightOf(i);
        den += weightOf(i);
      }
      return num / den;
    };
    let lo = 0;
    let hi = 2;
    for (let it = 0; it < 50; it++) {
      const mid = (lo + hi) / 2;
      if (mean(mid) < TARGET[kind]) lo = mid;
      else hi = mid;
    }
    for (const i of idx) propensity[i] = Math.min(MAX_PROPENSITY, lo * raw[i]!);
  }
  const overrides = new Map<number, Override[]>();
  for (const o of m.events.overrides[yearIndex]!) {
    const list = overrides.get(o.person);
    if (list) list.push(o);
    else overrides.set(o.person, [o]);
  }
  const story = STORIES.senAttendanceFall;
  return {
    year, index: yearIndex, segments, propensity, late, overrides,
    dateBytes: Array.from(year.days, (d) => ascii(`${new Date(d * 86_400_000).toISOString().slice(0, 10)},`)),
    slotOfDay: Uint8Array.from(year.days, (d) => slotOf(d, 0)),
    censusOfDay: Uint8Array.from(year.days, (d) => censusIndexAt(d)),
    storyFrom: dayOf(story.from),
    storySchool: m.schools.findIndex((s) => s.urn === story.schoolUrn),
    snowIndex: year.days.indexOf(dayOf(yearIndex === 0 ? '2025-01-09' : '2026-01-08')),
  };
}

const normalsCache = new WeakMap<People, Float32Array>();
function personalNormals(m: AttendanceModel, r: Random): Float32Array {
  const cached = normalsCache.get(m.people);
  if (cached) return cached;
  const z = new Float32Array(m.people.n);
  for (let p = 0; p < z.length; p++) z[p] = r.normal();
  normalsCache.set(m.people, z);
  return z;
}

/** School-level calendar events for a year group: two trip days, a work experience week, study leave. */
function schoolDays(seed: number, plan: YearPlan, school: School, age: number) {
  const D = plan.year.days.length;
  const h = hashSeed(seed, 'school-days', plan.index, school.urn, age);
  const june = plan.year.days.findIndex((d) => d >= dayOf(`${plan.year.startYear + 1}-06-02`));
  const workFrom = plan.year.days.findIndex((d) => d >= dayOf(`${plan.year.startYear + 1}-06-16`));
  return {
    trip1: h % D,
    trip2: (h >>> 11) % D,
    work: age === 14 && (h >>> 3) % 10 < 6 ? workFrom + ((h >>> 7) % 3) * 5 : -1,
    study: (age === 15 || age === 17) && (h >>> 5) % 10 < 3 ? june : -1,
    snow: plan.snowIndex >= 0 && school.locality !== 1 && (h >>> 9) % 100 < 45,
  };
}

/** Fills codes[first*2 .. end*2) for one pupil's segment; returns nothing, 0 elsewhere is untouched. */
export function fillCodes(m: AttendanceModel, plan: YearPlan, i: number, codes: Uint8Array): void {
  const seg = plan.segments[i]!;
  const p = seg.person;
  const school = m.schools[seg.school]!;
  const r = stream(m.seed, 'attendance', plan.index, p, seg.school, seg.first);
  const a = plan.propensity[i]!;
  const lateP = plan.late[i]!;
  const age = m.people.ageRef[p]! + plan.index;
  const cal = schoolDays(m.seed, plan, school, age);
  const high = a > 0.15;
  const mix = high ? HIGH_MIX : NORMAL_MIX;
  const fullA = a * FULL_SHARE;
  const free = Math.max(0.03, 1 - fullA);
  const startP = Math.min(0.95, (fullA * mix.startsPerAbsence) / free);
  const halfP = Math.min(0.9, (2 * a * (1 - FULL_SHARE)) / free);
  const partTime = age <= 3 && r.chance(0.6);
  const special = school.kind === 'special';
  const storyOn = seg.school === plan.storySchool;
  const days = plan.year.days;
  let spellLeft = 0;
  let spellCode = 0;
  for (let d = seg.first; d < seg.end; d++) {
    const at = d * 2;
    if (d === plan.snowIndex && cal.snow) {
      codes[at] = codes[at + 1] = CLOSED;
      continue;
    }
    let am = AM_PRESENT;
    let pm = PM_PRESENT;
    if (spellLeft > 0) {
      am = pm = spellCode;
      spellLeft--;
    } else {
      const u = r.next();
      if (u < startP) {
        const k = r.index(mix.cum);
        spellCode = FULL_IDS[k]!;
        am = pm = spellCode;
        spellLeft = spellLength(r, FULL[k]![0], high) - 1;
      } else if (u < startP + halfP * (1 - startP)) {
        const code = HALF_IDS[r.index(HALF_CUM)]!;
        if (code === UNAUTH_LATE || r.next() < 0.5) am = code;
        else pm = code;
      }
    }
    if (am === AM_PRESENT && r.next() < lateP) am = LATE;
    if ((d === cal.trip1 || d === cal.trip2) && r.next() < 0.75) {
      if (IS_PRESENT[am]) am = VISIT;
      if (IS_PRESENT[pm]) pm = VISIT;
    }
    if (pm === PM_PRESENT && r.next() < ATTENDANCE.sport) pm = SPORT;
    if (cal.work >= 0 && d >= cal.work && d < cal.work + 5 && IS_PRESENT[am]) am = pm = WORK;
    if (cal.study >= 0 && d >= cal.study) {
      if (r.next() < 0.5) am = STUDY;
      if (r.next() < 0.5) pm = STUDY;
    }
    if (special && r.next() < 0.003) am = pm = TRANSPORT;
    if (partTime) pm = NOT_REQUIRED;
    if (storyOn && days[d]! >= plan.storyFrom && senAt(m.sen, p, plan.censusOfDay[d]!) !== N) {
      if (IS_PRESENT[am] && r.next() < STORIES.senAttendanceFall.extraAbsence) am = STORY_IDS[r.index(STORY_CUM)]!;
      if (IS_PRESENT[pm] && r.next() < STORIES.senAttendanceFall.extraAbsence) pm = STORY_IDS[r.index(STORY_CUM)]!;
    }
    codes[at] = am;
    codes[at + 1] = pm;
  }
  const overrides = plan.overrides.get(p);
  if (!overrides) return;
  const from = seg.first * 2;
  const to = seg.end * 2;
  for (const o of overrides) {
    if (o.school !== seg.school) continue;
    const code = ID[o.code]!;
    for (let s = Math.max(from, o.from); s < Math.min(to, o.to); s++) {
      if (codes[s] === CLOSED) continue;
      if (o.slots && !(o.slots & (1 << (plan.slotOfDay[s >> 1]! + (s & 1))))) continue;
      codes[s] = code;
    }
  }
}

const AM = ascii('AM,');
const PM = ascii('PM,');

/** Writes a year's rows; returns the number of rows. Calls tick() every few thousand pupils. */
export function writeAttendanceYear(m: AttendanceModel, plan: YearPlan, sink: FileSink, upnOf: (p: number) => string, tick?: (rows: number) => void): number {
  const D = plan.year.days.length;
  const codes = new Uint8Array(D * 2);
  let rows = 0;
  for (let i = 0; i < plan.segments.length; i++) {
    const seg = plan.segments[i]!;
    fillCodes(m, plan, i, codes);
    const prefix = ascii(`${upnOf(seg.person)},${m.schools[seg.school]!.urn},`);
    const pl = prefix.length;
    sink.reserve((seg.end - seg.first) * 2 * (pl + 11 + 3 + 3));
    const buf = sink.buf;
    let pos = sink.pos;
    for (let s = seg.first * 2; s < seg.end * 2; s++) {
      const code = codes[s]!;
      if (!code) continue;
      for (let k = 0; k < pl; k++) buf[pos++] = prefix[k]!;
      const date = plan.dateBytes[s >> 1]!;
      for (let k = 0; k < 11; k++) buf[pos++] = date[k]!;
      const half = s & 1 ? PM : AM;
      buf[pos++] = half[0]!;
      buf[pos++] = half[1]!;
      buf[pos++] = half[2]!;
      const cb = CODE_BYTES[code - 1]!;
      buf[pos++] = cb[0]!;
      if (cb.length > 1) buf[pos++] = cb[1]!;
      buf[pos++] = 10;
      rows++;
    }
    sink.pos = pos;
    if (tick && (i & 2047) === 0) tick(rows);
  }
  sink.rows += rows;
  return rows;
}

/** UPN strings, made once per person on first use. */
export function upnCache(people: People): (p: number) => string {
  const cache = new Map<number, string>();
  return (p: number) => {
    let upn = cache.get(p);
    if (upn === undefined) {
      upn = upnFromNumber(people.upnNumber[p]!);
      cache.set(p, upn);
    }
    return upn;
  };
}
