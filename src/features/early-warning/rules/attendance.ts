import {
  ATTENDANCE_FALL_POINTS, ATTENDANCE_MIN_BASELINE_WEEKS, ATTENDANCE_MIN_WEEKS_BELOW, ATTENDANCE_MIN_RECENT_SESSIONS, ATTENDANCE_STALE_DAYS,
  PERSISTENT_ABSENCE_BELOW, PERSISTENT_ABSENCE_MIN_SESSIONS,
} from './thresholds.js';
import { daysBetween, schoolYearOf, schoolYearWords } from './dates.js';
import { date, pct, pctText, text, type FlagCandidate } from './types.js';

/** Sessions over a run of school weeks (study leave left out of both). */
export interface WeeksTotal {
  weeks: number;
  possible: number;
  attended: number;
  from: string | null;
  to: string | null;
}

/** One child's recent attendance: the last 4 school weeks with sessions, and the 12 before. */
export interface RecentAttendance {
  childId: string;
  /** The school of the latest week. */
  urn: string;
  latestWeek: string;
  recent: WeeksTotal;
  baseline: WeeksTotal;
  /** Each recent week's attendance as a share, 0..1, oldest first. */
  recentWeekRates: number[];
}

/** Attendance falling against the child's own baseline. */
export function attendanceFall(a: RecentAttendance, today: string): FlagCandidate | null {
  if (daysBetween(a.latestWeek, today) > ATTENDANCE_STALE_DAYS) return null;
  if (a.baseline.weeks < ATTENDANCE_MIN_BASELINE_WEEKS || a.baseline.possible === 0) return null;
  if (a.recent.possible < ATTENDANCE_MIN_RECENT_SESSIONS) return null;
  const before = pct(a.baseline.attended, a.baseline.possible);
  const now = pct(a.recent.attended, a.recent.possible);
  const fall = before - now;
  if (fall < ATTENDANCE_FALL_POINTS - 1e-9) return null;
  // A fall, not one week's illness: most recent weeks are each below the baseline.
  const weeksBelow = a.recentWeekRates.filter((r) => 100 * r < before - 1e-9).length;
  if (weeksBelow < ATTENDANCE_MIN_WEEKS_BELOW) return null;
  return {
    rule: 'attendance-fall',
    childId: a.childId,
    episode: schoolYearOf(a.latestWeek),
    team: 'school',
    urn: a.urn,
    summary: `Attendance fell from ${pctText(before)} to ${pctText(now)} (${fall.toFixed(1)} percentage points) in the last ${a.recent.weeks} school weeks.`,
    evidence: {
      items: [
        text('Attendance in the baseline weeks', `${pctText(before)} (${a.baseline.attended} of ${a.baseline.possible} sessions, ${a.baseline.weeks} weeks)`),
        date('Baseline from the week of', a.baseline.from!),
        date('Baseline to the week of', a.baseline.to!),
        text('Attendance in the recent weeks', `${pctText(now)} (${a.recent.attended} of ${a.recent.possible} sessions, ${a.recent.weeks} weeks)`),
        date('Recent weeks from the week of', a.recent.from!),
        date('Recent weeks to the week of', a.recent.to!),
        text('Fall', `${fall.toFixed(1)} percentage points (we flag ${ATTENDANCE_FALL_POINTS} or more)`),
        text('Recent weeks below the baseline', `${weeksBelow} of ${a.recentWeekRates.length}`),
      ],
    },
  };
}

/** One child's attendance in the school year so far, and before its last 4 school weeks. */
export interface YearAttendance {
  childId: string;
  urn: string;
  latestWeek: string;
  year: WeeksTotal;
  /** The same year without its last 4 weeks with sessions. */
  earlier: WeeksTotal;
}

/**
 * The onset of persistent absence: attendance this school year is below 90% now (over at least
 * 60 sessions), and was not before the last 4 weeks (at or above 90%, or too few sessions to say).
 */
export function persistentAbsenceOnset(a: YearAttendance, today: string): FlagCandidate | null {
  if (daysBetween(a.latestWeek, today) > ATTENDANCE_STALE_DAYS) return null;
  if (a.year.possible < PERSISTENT_ABSENCE_MIN_SESSIONS) return null;
  const now = pct(a.year.attended, a.year.possible);
  if (now >= PERSISTENT_ABSENCE_BELOW) return null;
  const enoughBefore = a.earlier.possible >= PERSISTENT_ABSENCE_MIN_SESSIONS;
  const before = enoughBefore ? pct(a.earlier.attended, a.earlier.possible) : null;
  if (before !== null && before < PERSISTENT_ABSENCE_BELOW) return null;
  const year = schoolYearOf(a.latestWeek);
  return {
    rule: 'persistent-absence',
    childId: a.childId,
    episode: year,
    team: 'school',
    urn: a.urn,
    summary: `Attendance in ${schoolYearWords(year)} so far is ${pctText(now)}: below ${PERSISTENT_ABSENCE_BELOW}%, so the child is now persistently absent.`,
    evidence: {
      items: [
        text(`Attendance in ${schoolYearWords(year)} so far`, `${pctText(now)} (${a.year.attended} of ${a.year.possible} sessions, ${a.year.weeks} weeks)`),
        date('Up to the week of', a.latestWeek),
        text(
          'Four school weeks earlier',
          before === null ? `Too few sessions to judge (${a.earlier.possible})` : `${pctText(before)} (${a.earlier.attended} of ${a.earlier.possible} sessions)`,
        ),
        text('Sessions missed this year', a.year.possible - a.year.attended),
      ],
    },
  };
}
