/**
 * The statutory time limits, in one place, each with its source (docs/statutory.md).
 *
 * Weeks and days are CALENDAR weeks and days, and day 0 is the day the council receives the
 * request (statutory.md, "Sources"). So a request received on a Saturday starts the clock that
 * Saturday, and a deadline that lands on a weekend, Christmas Day or a bank holiday stays there:
 * none of these rules moves a date to the next working day. School holidays matter only through
 * exceptions (a) and (b) below, which excuse the time limit but never move the date.
 */

// --- EHC needs assessment and plan ---------------------------------------------------------

/** Decide whether to assess, and tell the family: 6 weeks from the request (reg 4, 5(1)). */
export const DECISION_WEEKS = 6;
/** Anyone asked for advice answers within 6 weeks of being asked (reg 8(1)). */
export const ADVICE_WEEKS = 6;
/** Decide not to issue a plan, and tell the family: 16 weeks from the request (reg 10(1)). */
export const NOT_ISSUE_WEEKS = 16;
/**
 * The family has at least 15 days to comment on the draft plan (reg 13(1)). Counted like every
 * other limit, from day 0 = the day the draft is sent, so the period ends on draft + 15: this
 * gives the family at least 15 days however "beginning with the day" in reg 13(1) is read.
 */
export const DRAFT_COMMENT_DAYS = 15;
/** Final plan issued within 20 weeks of the request (reg 13(2)). */
export const FINAL_PLAN_WEEKS = 20;
/** SEN2 "within 20 weeks": issued on or before request + 140 days. */
export const TWENTY_WEEKS_IN_DAYS = FINAL_PLAN_WEEKS * 7;

// --- Exceptions (reg 5(4), 10(4), 13(3)) ----------------------------------------------------

/** (a)/(b): the setting closes for 4 or more continuous weeks. */
export const MIN_CLOSURE_DAYS = 28;
/** (a)/(b): the window starts one week before the closure and ends one week before reopening. */
export const CLOSURE_WINDOW_OFFSET_DAYS = 7;
/** (d): out of the area for 4 or more continuous weeks; 28 days counting both ends. */
export const MIN_OUT_OF_AREA_DAYS = 28;

// --- Step states ----------------------------------------------------------------------------

/** A step is "due soon" when its deadline is today or within this many days. */
export const DUE_SOON_DAYS = 7;

// --- Reviews, amendments, phase transfers ---------------------------------------------------

/** Review within 12 months of the plan, then of each previous review (CFA s44(1)). */
export const REVIEW_MONTHS = 12;
/** Under-5s: review every 3 to 6 months (CoP 9.178, guidance: "should consider"). */
export const UNDER_FIVE_EARLIEST_MONTHS = 3;
export const UNDER_FIVE_LATEST_MONTHS = 6;
/** The age below which the under-5 cadence applies, in months. */
export const UNDER_FIVE_AGE_MONTHS = 60;
/** At least 2 weeks' notice of the review meeting (reg 20(3)). */
export const REVIEW_NOTICE_DAYS = 14;
/** Advice circulated at least 2 weeks before the meeting (reg 20(4)). */
export const REVIEW_ADVICE_DAYS_BEFORE = 14;
/** Report within 2 weeks of the meeting (reg 20(7), 21(7)). */
export const REVIEW_REPORT_DAYS = 14;
/** Council decides to maintain, amend or cease within 4 weeks of the meeting (reg 20(10)). */
export const REVIEW_DECISION_DAYS = 28;
/** Proposed amendments: at least 15 days for comments (reg 22). */
export const AMENDMENT_COMMENT_DAYS = 15;
/** Amended final plan within 8 weeks of the proposals (reg 22). */
export const AMENDMENT_FINAL_WEEKS = 8;
/** L v Devon [2022]: 12 weeks overall from the review meeting to the amended plan. */
export const REVIEW_TO_AMENDED_PLAN_WEEKS = 12;
/** Any other post-16 move: plan reviewed and amended 5 months before it (reg 18). */
export const OTHER_POST16_MOVE_MONTHS_BEFORE = 5;
