/**
 * The annual review clock. The next review is due 12 months after the plan or the last review
 * (CFA s44(1)). For a child under 5 the guidance is every 3 to 6 months (CoP 9.178): we use the
 * 6-month point as the due date and report the 3-month point as the earliest. "Under 5" is
 * judged on the 6-month date, i.e. at review time: a child who is 5 by then is on 12 months.
 * The other dates count from the booked meeting, or from the due date until one is booked.
 */
import { addDays, addMonths, compareDates, parseIsoDate, type IsoDate } from './dates.js';
import { ClockInputError } from './errors.js';
import { STEP_LABELS } from './labels.js';
import {
  REVIEW_ADVICE_DAYS_BEFORE, REVIEW_DECISION_DAYS, REVIEW_MONTHS, REVIEW_NOTICE_DAYS,
  REVIEW_REPORT_DAYS, UNDER_FIVE_AGE_MONTHS, UNDER_FIVE_EARLIEST_MONTHS, UNDER_FIVE_LATEST_MONTHS,
} from './rules.js';
import { makeStep, type ClockStep } from './state.js';

export interface ReviewEvents {
  /** The date the plan was issued, or of the last review meeting: the months count from it. */
  readonly lastReviewOrPlanOn: IsoDate;
  readonly dateOfBirth: IsoDate;
  /** The meeting date once booked. A meeting date on or before today is taken as held. */
  readonly meetingOn?: IsoDate | null | undefined;
  readonly invitationsSentOn?: IsoDate | null | undefined;
  readonly adviceCirculatedOn?: IsoDate | null | undefined;
  readonly reportSentOn?: IsoDate | null | undefined;
  readonly decisionOn?: IsoDate | null | undefined;
}

export type ReviewCadence = 'twelve-months' | 'under-five';

export interface ReviewDeadlines {
  readonly cadence: ReviewCadence;
  /** Under-5s only: 3 months after the last review or plan (CoP 9.178). */
  readonly earliestOn: IsoDate | null;
  /** The latest date for the review meeting. */
  readonly dueBy: IsoDate;
  /** The meeting the dates below count from: the booked meeting, else dueBy. */
  readonly meetingOn: IsoDate;
  /** Invitations sent by: meeting - 14 days (reg 20(3)). */
  readonly invitationsBy: IsoDate;
  /** Advice circulated by: meeting - 14 days (reg 20(4)). */
  readonly adviceCirculatedBy: IsoDate;
  /** Report sent by: meeting + 14 days (reg 20(7), 21(7)). */
  readonly reportBy: IsoDate;
  /** Decision to maintain, amend or cease by: meeting + 28 days (reg 20(10)). */
  readonly decisionBy: IsoDate;
}

export interface ReviewClock {
  readonly deadlines: ReviewDeadlines;
  readonly steps: readonly ClockStep[];
}

/** Under 5 on `date`: the fifth birthday (29 February births: 28 February) is after it. */
export function isUnderFive(dateOfBirth: IsoDate, date: IsoDate): boolean {
  return compareDates(date, addMonths(dateOfBirth, UNDER_FIVE_AGE_MONTHS)) < 0;
}

/** When the next review is due, and on which cadence. */
export function nextReviewDue(lastReviewOrPlanOn: IsoDate, dateOfBirth: IsoDate): Pick<ReviewDeadlines, 'cadence' | 'earliestOn' | 'dueBy'> {
  const from = parseIsoDate(lastReviewOrPlanOn, 'lastReviewOrPlanOn');
  const born = parseIsoDate(dateOfBirth, 'dateOfBirth');
  if (compareDates(born, from) > 0) {
    throw new ClockInputError('dateOfBirth', born, `must not be after lastReviewOrPlanOn (${from})`);
  }
  const sixMonths = addMonths(from, UNDER_FIVE_LATEST_MONTHS);
  if (isUnderFive(born, sixMonths)) {
    return { cadence: 'under-five', earliestOn: addMonths(from, UNDER_FIVE_EARLIEST_MONTHS), dueBy: sixMonths };
  }
  return { cadence: 'twelve-months', earliestOn: null, dueBy: addMonths(from, REVIEW_MONTHS) };
}

function optionalDate(value: IsoDate | null | undefined, field: string): IsoDate | null {
  return value == null ? null : parseIsoDate(value, field);
}

export function computeReviewClock(events: ReviewEvents, today: IsoDate): ReviewClock {
  parseIsoDate(today, 'today');
  const next = nextReviewDue(events.lastReviewOrPlanOn, events.dateOfBirth);
  const booked = optionalDate(events.meetingOn, 'meetingOn');
  const report = optionalDate(events.reportSentOn, 'reportSentOn');
  const decision = optionalDate(events.decisionOn, 'decisionOn');
  for (const [field, date] of [['reportSentOn', report], ['decisionOn', decision]] as const) {
    if (date !== null && (booked === null || compareDates(date, booked) < 0)) {
      throw new ClockInputError(field, date, 'must be on or after meetingOn: it follows the meeting');
    }
  }
  const meetingOn = booked ?? next.dueBy;
  const held = booked !== null && compareDates(booked, today) <= 0 ? booked : null;
  const deadlines: ReviewDeadlines = {
    ...next,
    meetingOn,
    invitationsBy: addDays(meetingOn, -REVIEW_NOTICE_DAYS),
    adviceCirculatedBy: addDays(meetingOn, -REVIEW_ADVICE_DAYS_BEFORE),
    reportBy: addDays(meetingOn, REVIEW_REPORT_DAYS),
    decisionBy: addDays(meetingOn, REVIEW_DECISION_DAYS),
  };
  const steps: ClockStep[] = [
    makeStep({ step: 'review-invitations', label: STEP_LABELS['review-invitations'], dueOn: deadlines.invitationsBy,
      doneOn: optionalDate(events.invitationsSentOn, 'invitationsSentOn') }, today),
    makeStep({ step: 'review-advice', label: STEP_LABELS['review-advice'], dueOn: deadlines.adviceCirculatedBy,
      doneOn: optionalDate(events.adviceCirculatedOn, 'adviceCirculatedOn') }, today),
    makeStep({ step: 'review-meeting', label: STEP_LABELS['review-meeting'], dueOn: deadlines.dueBy, doneOn: held }, today),
    makeStep({ step: 'review-report', label: STEP_LABELS['review-report'], dueOn: deadlines.reportBy, doneOn: report }, today),
    makeStep({ step: 'review-decision', label: STEP_LABELS['review-decision'], dueOn: deadlines.decisionBy, doneOn: decision }, today),
  ];
  return { deadlines, steps };
}
