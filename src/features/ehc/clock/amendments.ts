/**
 * Amending a plan (reg 22): the council sends proposed amendments, the family has at least
 * 15 days to comment, and the amended final plan follows within 8 weeks of the proposals.
 * The High Court in L v Devon [2022] read 12 weeks overall from the review meeting; we report
 * that date alongside when the meeting is known, but the step's deadline is reg 22's.
 */
import { addDays, addWeeks, compareDates, parseIsoDate, type IsoDate } from './dates.js';
import { ClockInputError } from './errors.js';
import { STEP_LABELS } from './labels.js';
import { AMENDMENT_COMMENT_DAYS, AMENDMENT_FINAL_WEEKS, REVIEW_TO_AMENDED_PLAN_WEEKS } from './rules.js';
import { makeStep, type ClockStep } from './state.js';

export interface AmendmentEvents {
  readonly proposalsSentOn: IsoDate;
  /** The review meeting that led to the proposals, when there was one. */
  readonly reviewMeetingOn?: IsoDate | null | undefined;
  readonly commentsReceivedOn?: IsoDate | null | undefined;
  readonly finalIssuedOn?: IsoDate | null | undefined;
}

export interface AmendmentDeadlines {
  /** End of the comment period: proposals + 15 days. */
  readonly commentsBy: IsoDate;
  /** Amended final plan: proposals + 8 weeks. */
  readonly finalBy: IsoDate;
  /** Review meeting + 12 weeks (L v Devon); null without a review meeting. */
  readonly reviewToFinalBy: IsoDate | null;
}

export interface AmendmentClock {
  readonly deadlines: AmendmentDeadlines;
  readonly steps: readonly ClockStep[];
}

function notBefore(value: IsoDate | null | undefined, field: string, earliest: IsoDate, earliestField: string): IsoDate | null {
  if (value == null) return null;
  const date = parseIsoDate(value, field);
  if (compareDates(date, earliest) < 0) {
    throw new ClockInputError(field, date, `must not be before ${earliestField} (${earliest})`);
  }
  return date;
}

export function computeAmendmentClock(events: AmendmentEvents, today: IsoDate): AmendmentClock {
  parseIsoDate(today, 'today');
  const proposals = parseIsoDate(events.proposalsSentOn, 'proposalsSentOn');
  const review = events.reviewMeetingOn == null ? null : parseIsoDate(events.reviewMeetingOn, 'reviewMeetingOn');
  if (review !== null && compareDates(proposals, review) < 0) {
    throw new ClockInputError('proposalsSentOn', proposals, `must not be before reviewMeetingOn (${review})`);
  }
  const comments = notBefore(events.commentsReceivedOn, 'commentsReceivedOn', proposals, 'proposalsSentOn');
  const final = notBefore(events.finalIssuedOn, 'finalIssuedOn', proposals, 'proposalsSentOn');
  const deadlines: AmendmentDeadlines = {
    commentsBy: addDays(proposals, AMENDMENT_COMMENT_DAYS),
    finalBy: addWeeks(proposals, AMENDMENT_FINAL_WEEKS),
    reviewToFinalBy: review === null ? null : addWeeks(review, REVIEW_TO_AMENDED_PLAN_WEEKS),
  };
  const steps = [
    makeStep({
      step: 'amendment-comments',
      label: STEP_LABELS['amendment-comments'],
      dueOn: deadlines.commentsBy,
      doneOn: comments,
      // As with the draft plan: a comment period that ends in silence is over, not late.
      applies: comments !== null || (final === null && compareDates(today, deadlines.commentsBy) <= 0),
    }, today),
    makeStep({ step: 'amendment-final', label: STEP_LABELS['amendment-final'], dueOn: deadlines.finalBy, doneOn: final }, today),
  ];
  return { deadlines, steps };
}
