/**
 * One rule for every step's state, so the assessment, review and amendment clocks agree.
 * An exception never changes a state: it excuses the time limit (reg 5(4), 10(4), 13(3)) but
 * the legal date stays, and a step done after it is still "met-late".
 */
import { compareDates, daysBetween, type IsoDate } from './dates.js';
import { DUE_SOON_DAYS } from './rules.js';

export type StepState = 'not-due' | 'due-soon' | 'overdue' | 'met' | 'met-late' | 'not-applicable';

/** Every step the clocks know. Labels for people live in labels.ts. */
export type StepId =
  | 'decision'
  | 'advice'
  | 'not-issue'
  | 'draft-comments'
  | 'final-plan'
  | 'review-meeting'
  | 'review-invitations'
  | 'review-advice'
  | 'review-report'
  | 'review-decision'
  | 'amendment-comments'
  | 'amendment-final';

export interface ClockStep {
  readonly step: StepId;
  /** Plain words for the step, a singular subject: "Health advice", "The final plan". */
  readonly label: string;
  /** Who was asked, for advice steps; null otherwise. */
  readonly agency: string | null;
  readonly dueOn: IsoDate;
  readonly doneOn: IsoDate | null;
  readonly state: StepState;
}

/**
 * Met: done on or before the deadline. Met-late: done after it. Not done: overdue once the
 * deadline has passed (the deadline day itself is still in time), due soon from DUE_SOON_DAYS
 * before it, else not due. A date in `doneOn` always wins over `today`.
 */
export function stepState(
  dueOn: IsoDate,
  doneOn: IsoDate | null | undefined,
  today: IsoDate,
): Exclude<StepState, 'not-applicable'> {
  if (doneOn != null) return compareDates(doneOn, dueOn) <= 0 ? 'met' : 'met-late';
  const daysLeft = daysBetween(today, dueOn);
  if (daysLeft < 0) return 'overdue';
  return daysLeft <= DUE_SOON_DAYS ? 'due-soon' : 'not-due';
}

export interface StepSpec {
  step: StepId;
  label: string;
  dueOn: IsoDate;
  doneOn?: IsoDate | null | undefined;
  agency?: string | null | undefined;
  /** False when the step no longer applies (e.g. "not issue" once a plan is issued). */
  applies?: boolean;
}

export function makeStep(spec: StepSpec, today: IsoDate): ClockStep {
  const doneOn = spec.doneOn ?? null;
  return {
    step: spec.step,
    label: spec.label,
    agency: spec.agency ?? null,
    dueOn: spec.dueOn,
    doneOn,
    state: spec.applies === false ? 'not-applicable' : stepState(spec.dueOn, doneOn, today),
  };
}
