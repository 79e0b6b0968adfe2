/**
 * The true stories planted in the synthetic area, for the dashboard and early warning to find.
 * The generator reads its parameters from here, and tests (today's and later ones, on imported
 * data) assert that each is found. docs/demo-area.md tells each story in words.
 */
import { FIXED_SCHOOLS } from './schools.js';

export const STORIES = {
  /**
   * From the February half-term of 2024/25, pupils on SEN Support or with an EHC plan at
   * Harbourside Academy (a Copeland secondary) lose about one in nine of the sessions they would
   * otherwise attend: unauthorised absence, illness and reduced timetables. Their attendance
   * falls by about 10 percentage points and stays down; other pupils there, and SEN pupils
   * elsewhere, do not change.
   */
  senAttendanceFall: {
    id: 'sen-attendance-fall',
    schoolUrn: FIXED_SCHOOLS.harbourside.urn,
    schoolName: FIXED_SCHOOLS.harbourside.name,
    locality: FIXED_SCHOOLS.harbourside.locality,
    cohort: 'SEN Support or EHC plan (sen_provision K or E at the latest census)',
    from: '2025-02-24',
    halfTerm: '2024/25 spring 2',
    /** Chance that a session the pupil would have attended becomes an absence. */
    extraAbsence: 0.11,
    codes: { O: 0.45, I: 0.3, C2: 0.25 } as Record<string, number>,
    expectedFallPoints: 10,
  },
  /**
   * In Allerdale, the wait from referral to treatment for CAMHS referrals made from
   * January 2025 grows steadily: the median multiplies from 1 to 2.6 for referrals made by the
   * end of March 2026 (about 14 weeks to about 36), and stays there. Other localities keep their
   * waits. The share of accepted Allerdale referrals waiting over 18 weeks rises from about a
   * third to over three quarters.
   */
  camhsWaitGrowth: {
    id: 'camhs-wait-growth',
    locality: 'Allerdale' as const,
    from: '2025-01-01',
    to: '2026-03-31',
    baselineMedianWeeks: 14,
    finalMultiplier: 2.6,
  },
  /**
   * In 2025/26, pupils on SEN Support with social, emotional and mental health as their primary
   * need in secondary schools are suspended two and a half times as often as in 2024/25, across
   * every secondary school (a cohort, not a school). Other cohorts' rates do not change.
   */
  suspensionRise: {
    id: 'suspension-rise',
    provision: 'K' as const,
    primaryNeed: 'SEMH' as const,
    phase: 'secondary' as const,
    from: '2025-09-01',
    multiplier: 2.5,
  },
  /**
   * Pairs of different children with the same forename, surname and date of birth, in different
   * households; one social care episode for one child of each pair has neither UPN nor NHS
   * number, so name-and-birth-date linkage finds two candidates and must leave it for a person.
   * The manifest lists the pairs (collisions).
   */
  nameDobCollisions: {
    id: 'name-dob-collisions',
    perScale: 5,
    minimum: 2,
  },
} as const;

export function collisionCount(scale: number): number {
  return Math.max(STORIES.nameDobCollisions.minimum, Math.round(STORIES.nameDobCollisions.perScale * scale));
}

/** The CAMHS story's multiplier on the median wait for a referral made on `day` in `locality`. */
export function camhsWaitMultiplier(locality: string, referralDay: number, from: number, to: number): number {
  const s = STORIES.camhsWaitGrowth;
  if (locality !== s.locality || referralDay < from) return 1;
  const t = Math.min(1, (referralDay - from) / (to - from));
  return 1 + (s.finalMultiplier - 1) * t;
}
