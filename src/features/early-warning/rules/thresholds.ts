/**
 * Every threshold of the early-warning rules and signals, named and explained in one place
 * (docs/early-warning.md repeats them). Change a number here and the rules, pages and docs'
 * generated table follow.
 */

// Attendance falling against the child's own baseline
/** Recent weeks compared with the baseline: the last 4 school weeks with sessions. */
export const ATTENDANCE_RECENT_WEEKS = 4;
/** The child's own baseline: the 12 school weeks before the recent ones. */
export const ATTENDANCE_BASELINE_WEEKS = 12;
/** At least this many baseline weeks with sessions, or there is no baseline to fall from. */
export const ATTENDANCE_MIN_BASELINE_WEEKS = 6;
/** A fall of at least 10 percentage points flags. */
export const ATTENDANCE_FALL_POINTS = 10;
/** ...and it is sustained: at least 3 of the 4 recent weeks are each below the baseline (one week off ill is not a fall). */
export const ATTENDANCE_MIN_WEEKS_BELOW = 3;
/** The recent weeks need at least this many possible sessions (two weeks' worth). */
export const ATTENDANCE_MIN_RECENT_SESSIONS = 20;
/** Weeks older than this before "today" are not recent: no flag on stale data. */
export const ATTENDANCE_STALE_DAYS = 28;

// The onset of persistent absence
/** Persistent absence: attendance below 90% of possible sessions in the school year so far (DfE). */
export const PERSISTENT_ABSENCE_BELOW = 90;
/** The onset is recent: the child was at or above 90% this many weeks before the latest week. */
export const PERSISTENT_ABSENCE_ONSET_WEEKS = 4;
/** Not before this many possible sessions in the year: one bad week in September is not persistent. */
export const PERSISTENT_ABSENCE_MIN_SESSIONS = 60;

// Repeated suspensions
/** This many suspensions... */
export const REPEATED_SUSPENSIONS = 2;
/** ...starting within this many days of each other, the latest within this many days of today. */
export const REPEATED_SUSPENSIONS_WITHIN_DAYS = 90;

// SEN Support with a long CAMHS wait
/** Waiting longer than 18 weeks from referral without treatment (the NHS's referral-to-treatment standard). */
export const CAMHS_WAIT_WEEKS = 18;

// A missed or concerning health check with no follow-up
/** Checks whose missing matters most for identifying need early: the health visiting reviews and school entry. */
export const MISSED_CHECK_TYPES = ['6-8-week', '1-year', '2-2.5-year', 'school-entry'] as const;
/** A check missed (not seen) this many days after its due date, with no later check done. */
export const MISSED_CHECK_GRACE_DAYS = 56;
/** A concern with nothing after it for this many days: no later check, CAMHS referral, SEN provision or EHC request. */
export const CONCERN_FOLLOW_UP_DAYS = 84;
/** Checks older than this are history, not early warning. */
export const HEALTH_CHECK_LOOKBACK_DAYS = 365;

// AP placements past their planned end
/** Days past the planned end date, still open, before a flag: a week's grace for paperwork. */
export const AP_OVERDUE_GRACE_DAYS = 7;

// Signals (statistical process control)
/**
 * The baseline: the first weeks with data. Schools and localities: 20 weeks (about a term and a
 * half). Cohorts' suspensions: the whole first school year, because suspensions are rare and
 * vary through the year.
 */
export const SIGNAL_BASELINE_WEEKS = { school: 20, locality: 20, cohort: 'school-year' } as const;
/**
 * The least change that is a signal (smaller ones, however certain, show as "a small shift"):
 * absence 5 percentage points; the share of CAMHS referrals still waiting at 18 weeks, 15
 * points; suspensions half as many again (a ratio of 1.5).
 */
export const SIGNAL_PRACTICAL = {
  school: { kind: 'difference', value: 0.05 },
  locality: { kind: 'difference', value: 0.15 },
  cohort: { kind: 'ratio', value: 1.5 },
} as const;
/** The status reflects rule hits in the last 12 weeks of the series (a half-term and more). */
export const SIGNAL_RECENT_WEEKS = 12;
