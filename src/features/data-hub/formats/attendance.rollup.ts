/**
 * Pupil-week rollups of session attendance, built as the file is read. The dashboard needs
 * attendance, persistent and severe absence by week, cohort, school and locality, and patterns by
 * code and weekday: all of that follows from, per pupil, school and week, the code of each of the
 * ten sessions. Memory grows with pupils × weeks, not with rows; a school year at scale 1 is about
 * 1.5 million pupil-weeks for 14 million rows. Each pupil-week keeps its ten codes (10 bytes) for
 * the whole file, and each session's line number (40 bytes a week) only until the pupil's weeks
 * are written: a page whose pupils are all written lets its line numbers go.
 *
 * The rollup also finds repeated sessions (same pupil, school, date and session), naming both
 * lines, or, when the earlier row's pupil was written long before (an unsorted file), the first.
 */
import { REGISTER_CODES, type AttendanceCategory, type RegisterCodeEntry } from './codes.js';
import type { Rejection } from './dataset.js';
import type { AttendanceRecord } from './attendance.js';
import { detach, isoOfDay, weekdayOf } from './values.js';

export const SESSIONS_PER_WEEK = 10;
const PAGE_BITS = 16;
const PAGE = 1 << PAGE_BITS;
/** Session offsets within a page need 20 bits (65,536 slots × 10 sessions). */
const PAGE_OFFSET_BITS = 20;
const PAGE_OFFSET_SPAN = 1 << PAGE_OFFSET_BITS;
const PAGE_OFFSET_MASK = PAGE_OFFSET_SPAN - 1;

/** The number the fast path gives addSession for a register code (1-based; 0 is "no session"). */
export function rollupCodeNumber(code: string): number {
  return codeIndex.get(code) ?? 0;
}

export interface PupilWeek {
  readonly upn: string;
  readonly urn: string;
  /** The Monday of the week, ISO. */
  readonly weekStart: string;
  /** Sessions that count: every recorded session except not-possible codes. */
  readonly possible: number;
  /** Present or at an approved educational activity. */
  readonly attending: number;
  readonly present: number;
  readonly approvedActivity: number;
  readonly authorised: number;
  readonly unauthorised: number;
  readonly notPossible: number;
  /** The register code of each session, Monday AM to Friday PM; null where the file had no row. */
  readonly sessions: readonly (string | null)[];
  /** Sessions per register code, for the codes that occur. */
  readonly codes: Readonly<Record<string, number>>;
}

/** A pupil as the rollup hands it out (`takeFinished`): opaque but for the UPN. */
export interface RollupPupil {
  readonly upn: string;
}

/** A pupil-week from raw session code numbers (see `AttendanceRollup.eachWeek`). */
export function weekFromCodes(upn: string, urn: string, weekStart: string, codes: Uint8Array, offset: number): PupilWeek {
  const sessions: (string | null)[] = [];
  for (let s = 0; s < SESSIONS_PER_WEEK; s++) {
    const index = codes[offset + s]!;
    sessions.push(index === 0 ? null : REGISTER_CODES[index - 1]!.code);
  }
  return pupilWeekOf(upn, urn, weekStart, sessions);
}

/** A pupil at a school, as the rollup stores it: opaque outside this module. */
export interface RollupPair {
  readonly upn: string;
  readonly urn: string;
}

interface Pair extends RollupPair {
  readonly upn: string;
  readonly urn: string;
  /** Week number of slots[0]. */
  base: number;
  /** Slot index per week from `base`, or -1. */
  slots: Int32Array;
  next: Pair | undefined;
  /** On a pupil's first pair: 0 while its rows are being read, 1 once they ended, 2 once they came back after that. */
  state: number;
  /** Its weeks were handed out (`eachWeek`). */
  written: boolean;
  /** The slot count when its weeks were last handed out: its slots below it were handed out. */
  writtenAt: number;
}

interface Page {
  /** Code index + 1 per session; 0 where there was no row. */
  readonly codes: Uint8Array;
  /** Each session's line; null once every pupil with weeks on the page was written. */
  lines: Uint32Array | null;
  /** Slots on the page not yet handed out. */
  open: number;
}

const codeIndex = new Map(REGISTER_CODES.map((entry, i) => [entry.code, i + 1]));

/** Weeks are numbered from the Monday 1969-12-29 (day -3). */
function weekOf(day: number): number {
  return Math.floor((day + 3) / 7);
}

const weekStarts = new Map<number, string>();

function weekStartOf(week: number): string {
  let iso = weekStarts.get(week);
  if (iso === undefined) {
    iso = isoOfDay(week * 7 - 3);
    weekStarts.set(week, iso);
  }
  return iso;
}

export class AttendanceRollup {
  private readonly pupils = new Map<string, Pair>();
  private readonly pages: Page[] = [];
  private slotCount = 0;
  private rowCount = 0;
  private lastPair: Pair | undefined;
  /** The UPN whose rows are being read, and its first pair. */
  private currentUpn: string | undefined;
  private current: Pair | undefined;
  /** First pairs of the pupils whose rows have ended, not yet handed out. */
  private finished: Pair[] = [];
  /** First pairs of pupils whose rows came back after they had ended (an unsorted file). */
  private readonly reopened: Pair[] = [];
  /** Weeks handed out before that gained sessions since, by slot. */
  private readonly changed = new Map<number, { pair: Pair; week: number }>();

  /** Rows added, repeats excluded. */
  get rows(): number {
    return this.rowCount;
  }

  get pupilWeeks(): number {
    return this.slotCount;
  }

  /**
   * Adds a validated session. Returns a rejection, and adds nothing, when the file already gave
   * this pupil, school, date and session.
   */
  add(record: AttendanceRecord): Rejection | undefined {
    const pair = this.pair(record.upn, record.urn);
    const session = weekdayOf(record.day) * 2 + (record.session === 'PM' ? 1 : 0);
    const at = this.place(pair, record.day, session);
    const page = this.pages[at >>> PAGE_OFFSET_BITS]!;
    const i = at & PAGE_OFFSET_MASK;
    const earlier = page.codes[i]!;
    if (earlier !== 0) {
      const earlierCode = REGISTER_CODES[earlier - 1]!.code;
      const line = page.lines ? `line ${page.lines[i]!}` : 'an earlier row';
      const reason =
        earlierCode === record.code
          ? `this row repeats ${line} (the same pupil, school, date and session)`
          : `this row gives code ${record.code} for the same pupil, school, date and session as ${line}, which gives code ${earlierCode}: keep the right one`;
      return {
        line: record.line,
        column: 'upn, urn, date, session',
        value: `${record.upn}, ${record.urn}, ${record.date}, ${record.session}`,
        reason,
      };
    }
    page.codes[i] = codeIndex.get(record.code) ?? 0;
    if (page.lines) page.lines[i] = record.line;
    this.rowCount++;
    return undefined;
  }

  /**
   * For the attendance fast path (attendance.fast.ts): the pupil-school pair to add sessions to,
   * made if new. `upn` and `urn` must be the validated, shared strings of an accepted record.
   */
  locate(upn: string, urn: string): RollupPair {
    return this.pair(upn, urn);
  }

  /**
   * For the fast path: adds a session of an already validated row. Returns false, adding nothing,
   * when that session is already taken (the caller then goes the slow way, which names both lines).
   */
  addSession(pair: RollupPair, day: number, session: number, code: number, line: number): boolean {
    if (pair.upn !== this.currentUpn) this.enter(pair.upn);
    const at = this.place(pair as Pair, day, session);
    const page = this.pages[at >>> PAGE_OFFSET_BITS]!;
    const i = at & PAGE_OFFSET_MASK;
    if (page.codes[i] !== 0) return false;
    page.codes[i] = code;
    if (page.lines) page.lines[i] = line;
    this.rowCount++;
    return true;
  }

  /** The storage index of a pair's session on a day: page in the high bits, offset in the low. */
  private place(pair: Pair, day: number, session: number): number {
    const week = weekOf(day);
    const slot = this.slot(pair, week);
    // A week handed out before gains a session: it is merged over what was written.
    if (pair.written && slot < pair.writtenAt && !this.changed.has(slot)) this.changed.set(slot, { pair, week });
    return (slot >>> PAGE_BITS) * PAGE_OFFSET_SPAN + (slot & (PAGE - 1)) * SESSIONS_PER_WEEK + session;
  }

  /** Every pupil's UPN, once each, in the order first seen. */
  pupilUpns(): string[] {
    return [...this.pupils.keys()];
  }

  /** Every pupil-week: pupils in the order first seen, weeks in order. */
  *weeks(): Generator<PupilWeek> {
    for (const first of this.pupils.values()) yield* this.weeksOfPupil(first);
  }

  private summarise(pair: Pair, week: number, slot: number): PupilWeek {
    return weekFromCodes(pair.upn, pair.urn, weekStartOf(week), this.pages[slot >>> PAGE_BITS]!.codes, (slot & (PAGE - 1)) * SESSIONS_PER_WEEK);
  }

  private pair(upn: string, urn: string): Pair {
    const last = this.lastPair;
    let pair = last && last.upn === upn && last.urn === urn ? last : undefined;
    if (!pair) {
      pair = this.findPair(upn, urn);
      this.lastPair = pair;
    }
    if (pair.upn !== this.currentUpn) this.enter(pair.upn);
    return pair;
  }

  /**
   * The file moves on to another pupil: the one before is finished. Files come sorted by pupil,
   * so a finished pupil's weeks are complete and can be written while the rest is read
   * (`finishedWeeks`). A pupil whose rows come back later is listed as reopened.
   */
  private enter(upn: string): void {
    const previous = this.current;
    if (previous && previous.state === 0) {
      previous.state = 1;
      this.finished.push(previous);
    }
    const first = this.pupils.get(upn)!;
    if (first.state === 1) {
      first.state = 2;
      this.reopened.push(first);
    }
    this.current = first;
    this.currentUpn = first.upn;
  }

  /** The end of the file: the last pupil is finished too. */
  close(): void {
    const last = this.current;
    if (last && last.state === 0) {
      last.state = 1;
      this.finished.push(last);
    }
    this.current = undefined;
    this.currentUpn = undefined;
  }

  /**
   * The weeks of the pupils finished since the last call, each pupil handed out once. Their
   * weeks are complete unless the pupil is reopened later (`reopenedWeeks`).
   */
  finishedWeeks(): Iterable<PupilWeek> {
    const pupils = this.takeFinished();
    const weeksOf = (first: RollupPupil) => this.weeksOfPupil(first as Pair);
    return (function* () {
      for (const first of pupils) yield* weeksOf(first);
    })();
  }

  /** The pupils finished since the last call (as `finishedWeeks`), for `eachWeek`. */
  takeFinished(): RollupPupil[] {
    const pupils = this.finished;
    this.finished = [];
    return pupils;
  }

  /**
   * What reopened pupils added after their weeks were handed out: weeks not handed out before
   * (to write as any other, with `eachWeek(pupil, visit, true)`), and the weeks handed out before
   * that gained sessions (to merge over what was written), whole. A file of two school years
   * listed year by year reopens every pupil, but only at new weeks: those are written, not merged.
   */
  reopenedChanges(): { readonly pupils: readonly RollupPupil[]; readonly changedWeeks: PupilWeek[] } {
    const changedWeeks = [...this.changed].map(([slot, { pair, week }]) => this.summarise(pair, week, slot));
    return { pupils: this.reopened, changedWeeks };
  }

  /**
   * Each week of a pupil, at every school, without making objects: the hot path of writing. The
   * weeks visited count as handed out (see `reopenedChanges`); `unwrittenOnly` visits only weeks
   * not handed out before.
   * `codes[offset + s]` is session s's code number: 0 where there was no row, else
   * `REGISTER_CODES[n - 1]`.
   */
  eachWeek(pupil: RollupPupil, visit: (urn: string, weekStart: string, codes: Uint8Array, offset: number) => void, unwrittenOnly = false): void {
    for (let pair: Pair | undefined = pupil as Pair; pair; pair = pair.next) {
      // Slots below `handedOut` were handed out before.
      const handedOut = pair.written ? pair.writtenAt : 0;
      for (let i = 0; i < pair.slots.length; i++) {
        const slot = pair.slots[i]!;
        if (slot < 0 || (unwrittenOnly && slot < handedOut)) continue;
        if (slot >= handedOut) this.release(slot);
        visit(pair.urn, weekStartOf(pair.base + i), this.pages[slot >>> PAGE_BITS]!.codes, (slot & (PAGE - 1)) * SESSIONS_PER_WEEK);
      }
      // From here on, a session added to these weeks marks them changed.
      pair.written = true;
      pair.writtenAt = this.slotCount;
    }
  }

  /** Pupils whose rows came back after they had ended: their weeks handed out before were partial. */
  get reopenedPupils(): number {
    return this.reopened.length;
  }

  /** Every week of the reopened pupils, whole. */
  *reopenedWeeks(): Generator<PupilWeek> {
    for (const first of this.reopened) yield* this.weeksOfPupil(first);
  }

  private *weeksOfPupil(first: Pair): Generator<PupilWeek> {
    // (eachWeek without objects is the writer's way; this is for merging and tests)
    for (let pair: Pair | undefined = first; pair; pair = pair.next) {
      for (let i = 0; i < pair.slots.length; i++) {
        const slot = pair.slots[i]!;
        if (slot >= 0) yield this.summarise(pair, pair.base + i, slot);
      }
    }
  }

  private findPair(upn: string, urn: string): Pair {
    const first = this.pupils.get(upn);
    for (let pair = first; pair; pair = pair.next) if (pair.urn === urn) return pair;
    const pair: Pair = { upn: first?.upn ?? detach(upn), urn: detach(urn), base: 0, slots: new Int32Array(0), next: undefined, state: 0, written: false, writtenAt: 0 };
    if (first) {
      pair.next = first.next;
      first.next = pair;
    } else {
      this.pupils.set(pair.upn, pair);
    }
    return pair;
  }

  private slot(pair: Pair, week: number): number {
    let i = week - pair.base;
    if (i < 0 || i >= pair.slots.length) {
      this.widen(pair, week);
      i = week - pair.base;
    }
    let slot = pair.slots[i]!;
    if (slot < 0) {
      slot = this.slotCount++;
      const index = slot >>> PAGE_BITS;
      if (index >= this.pages.length) {
        this.pages.push({
          codes: new Uint8Array(PAGE * SESSIONS_PER_WEEK),
          lines: new Uint32Array(PAGE * SESSIONS_PER_WEEK),
          open: 0,
        });
        // The page before is full: its line numbers go if its weeks were all handed out.
        if (index > 0) this.forgetLines(index - 1);
      }
      this.pages[index]!.open++;
      pair.slots[i] = slot;
    }
    return slot;
  }

  /** A slot's week is handed out: it no longer holds its page's line numbers. */
  private release(slot: number): void {
    const index = slot >>> PAGE_BITS;
    if (--this.pages[index]!.open === 0) this.forgetLines(index);
  }

  /** Drops a full page's line numbers once every slot on it was handed out. */
  private forgetLines(index: number): void {
    const page = this.pages[index]!;
    const full = (index + 1) << PAGE_BITS <= this.slotCount;
    if (page.open === 0 && full) page.lines = null;
  }

  /** Grows a pair's week index to cover `week`, with room to spare (a school year is ~52 weeks). */
  private widen(pair: Pair, week: number): void {
    const old = pair.slots;
    if (old.length === 0) {
      pair.base = week;
      pair.slots = new Int32Array(16).fill(-1);
      return;
    }
    const low = Math.min(pair.base, week);
    const high = Math.max(pair.base + old.length - 1, week);
    const span = high - low + 1;
    const length = Math.max(span + 8, Math.ceil(span * 1.5));
    const base = week < pair.base ? high - length + 1 : low;
    const slots = new Int32Array(length).fill(-1);
    slots.set(old, pair.base - base);
    pair.base = base;
    pair.slots = slots;
  }
}

export const PERSISTENT_ABSENCE = 0.1;
export const SEVERE_ABSENCE = 0.5;

export type AbsenceBand = 'none' | 'persistent' | 'severe';

/**
 * Persistent absence: absent for 10% or more of possible sessions; severe: 50% or more (severe
 * pupils are also persistently absent). Absent = possible − attending. Integer arithmetic, so
 * exactly 10% counts.
 */
/**
 * A pupil-week from its ten sessions' codes (null where there was no row): the counts the
 * rollup would give. For merging a file's sessions into a week stored before.
 */
export function pupilWeekOf(upn: string, urn: string, weekStart: string, sessions: readonly (string | null)[]): PupilWeek {
  const counts: Record<AttendanceCategory, number> = { present: 0, 'approved-activity': 0, authorised: 0, unauthorised: 0, 'not-possible': 0 };
  const codes: Record<string, number> = {};
  for (const code of sessions) {
    if (code === null) continue;
    const entry = REGISTER_CODES[(codeIndex.get(code) ?? 0) - 1];
    if (!entry) continue;
    codes[code] = (codes[code] ?? 0) + 1;
    counts[entry.category]++;
  }
  const attending = counts.present + counts['approved-activity'];
  return {
    upn,
    urn,
    weekStart,
    possible: attending + counts.authorised + counts.unauthorised,
    attending,
    present: counts.present,
    approvedActivity: counts['approved-activity'],
    authorised: counts.authorised,
    unauthorised: counts.unauthorised,
    notPossible: counts['not-possible'],
    sessions,
    codes,
  };
}

/**
 * A week already stored, with a newer file's sessions laid over it: each session the newer file
 * gives replaces the stored one; sessions it does not give are kept. So a daily file adds its day
 * to the week, and a corrected file corrects the sessions it names.
 */
export function mergeWeek(stored: string, newer: PupilWeek): PupilWeek {
  const old = stored.split(',');
  const sessions = newer.sessions.map((code, i) => code ?? (old[i] ? old[i]! : null));
  return pupilWeekOf(newer.upn, newer.urn, newer.weekStart, sessions);
}

export function absenceBand(possible: number, attending: number): AbsenceBand {
  if (possible <= 0) return 'none';
  const absent = possible - attending;
  if (absent * 2 >= possible) return 'severe';
  if (absent * 10 >= possible) return 'persistent';
  return 'none';
}

/** Attending / possible, or null when no session was possible. */
export function attendanceRate(possible: number, attending: number): number | null {
  return possible > 0 ? attending / possible : null;
}
