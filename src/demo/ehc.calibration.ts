/**
 * What the demo area's EHC casework is calibrated to: Cumberland's real timeliness in 2024.
 *
 * Source: DfE, "Education, health and care plans" (2025 release), file
 * ../shared/data/external/sen2-ehcp-2025/data/timeliness_20_week.csv, the row with
 * time_period 2024, new_la_code E06000063 (Cumberland), breakdown "All EHC plans issued":
 *   plans_issued_den 378, plans_issued_den_ex 373, plans_issued_within_20_weeks 159,
 *   plans_issued_20_weeks_ex 159, pc_plans_issued_within_20_weeks 42.1,
 *   PC_plans_issued_20_weeks_ex 42.6.
 * test/integration/demo-ehc.test.ts reads the file and checks these numbers, so the demo stays honest.
 */
export const CUMBERLAND_2024_TIMELINESS = {
  source: '../shared/data/external/sen2-ehcp-2025/data/timeliness_20_week.csv',
  timePeriod: '2024',
  laCode: 'E06000063',
  laName: 'Cumberland',
  /** All plans issued in 2024 (SEN2 "including exceptions"). */
  plansIssued: 378,
  /** Plans issued in 2024 where no exception applied (SEN2 "excluding exceptions"). */
  plansIssuedExcludingExceptions: 373,
  within20Weeks: 159,
  within20WeeksExcludingExceptions: 159,
  percentWithin20Weeks: 42.1,
  percentWithin20WeeksExcludingExceptions: 42.6,
} as const;

/** How many 2024 plans the demo holds: a tenth of Cumberland's, roughly, to keep first start fast. */
export const DEMO_PLANS_2024 = 38;

/** The demo's 2024 plans issued within 20 weeks: the same share as Cumberland's (16 of 38 = 42.1%). */
export const DEMO_WITHIN_2024 = Math.round((DEMO_PLANS_2024 * CUMBERLAND_2024_TIMELINESS.percentWithin20Weeks) / 100);

/**
 * The demo's 2024 plans where an exception applied: Cumberland's share (5 of 378), at least one
 * so both SEN2 measures differ. As in Cumberland's figures, none of them was within 20 weeks.
 */
export const DEMO_EXCEPTIONS_2024 = Math.max(
  1,
  Math.round((DEMO_PLANS_2024 * (CUMBERLAND_2024_TIMELINESS.plansIssued - CUMBERLAND_2024_TIMELINESS.plansIssuedExcludingExceptions)) / CUMBERLAND_2024_TIMELINESS.plansIssued),
);
