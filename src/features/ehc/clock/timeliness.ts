/**
 * SEN2 timeliness: a plan is "within 20 weeks" when issued on or before request + 140 days,
 * whatever the exceptions. SEN2 reports it twice: over all plans ("including exceptions") and
 * over only the plans where no exception applied ("excluding exceptions").
 */
import { addDays, compareDates, daysBetween, type IsoDate } from './dates.js';
import { TWENTY_WEEKS_IN_DAYS } from './rules.js';

export interface Timeliness {
  /** True/false once the final plan is issued; null until then. Exceptions never change it. */
  readonly finalWithin20Weeks: boolean | null;
  /** True when a recorded exception overlaps the case's period (see assessment.ts). */
  readonly exceptionApplies: boolean;
  /** Days from the request (day 0) to the final plan; null until it is issued. */
  readonly daysToFinal: number | null;
}

export function finalWithinTwentyWeeks(receivedOn: IsoDate, finalIssuedOn: IsoDate | null | undefined): boolean | null {
  if (finalIssuedOn == null) return null;
  return compareDates(finalIssuedOn, addDays(receivedOn, TWENTY_WEEKS_IN_DAYS)) <= 0;
}

export function timelinessOf(
  receivedOn: IsoDate,
  finalIssuedOn: IsoDate | null | undefined,
  exceptionApplies: boolean,
): Timeliness {
  return {
    finalWithin20Weeks: finalWithinTwentyWeeks(receivedOn, finalIssuedOn),
    exceptionApplies,
    daysToFinal: finalIssuedOn == null ? null : daysBetween(receivedOn, finalIssuedOn),
  };
}

export interface TwentyWeekMeasure {
  /** Plans issued in the set (the denominator). */
  readonly plansIssued: number;
  /** Of those, plans issued within 20 weeks. */
  readonly within20Weeks: number;
  /** Percentage to one decimal place; null when no plans were issued. */
  readonly percent: number | null;
}

export interface TwentyWeekMeasures {
  /** SEN2 "including exceptions": every plan issued. */
  readonly allPlans: TwentyWeekMeasure;
  /** SEN2 "excluding exceptions": only plans where no exception applied. */
  readonly excludingExceptions: TwentyWeekMeasure;
}

function measure(cases: readonly Timeliness[]): TwentyWeekMeasure {
  const issued = cases.filter((c) => c.finalWithin20Weeks !== null);
  const within = issued.filter((c) => c.finalWithin20Weeks === true).length;
  return {
    plansIssued: issued.length,
    within20Weeks: within,
    percent: issued.length === 0 ? null : Math.round((within / issued.length) * 1000) / 10,
  };
}

/** Both SEN2 measures over a set of cases; cases with no final plan yet are left out. */
export function summariseTwentyWeeks(cases: readonly Timeliness[]): TwentyWeekMeasures {
  return {
    allPlans: measure(cases),
    excludingExceptions: measure(cases.filter((c) => !c.exceptionApplies)),
  };
}
