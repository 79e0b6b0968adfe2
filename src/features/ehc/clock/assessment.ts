/**
 * The EHC needs assessment clock: from a case's dated events, every deadline and each step's
 * state. Pure: `today` is a parameter. Deadlines are calendar days from day 0 (the day the
 * council receives the request) and never move for weekends, holidays or exceptions.
 */
import { addDays, addWeeks, compareDates, type IsoDate } from './dates.js';
import { anyExceptionApplies, type ClockException } from './exceptions.js';
import { adviceLabel, STEP_LABELS } from './labels.js';
import {
  ADVICE_WEEKS, DECISION_WEEKS, DRAFT_COMMENT_DAYS, FINAL_PLAN_WEEKS, NOT_ISSUE_WEEKS,
} from './rules.js';
import { makeStep, stepState, type ClockStep, type StepState } from './state.js';
import { timelinessOf, type Timeliness } from './timeliness.js';
import { validateCaseEvents } from './validate.js';

export type DecisionOutcome = 'assess' | 'not-assess';

export interface AdviceRequest {
  /** Who was asked: 'health', 'social care', 'educational psychology', a school... */
  readonly agency: string;
  readonly askedOn: IsoDate;
  /** When the answer came. Silence never counts: no date, no answer. */
  readonly receivedOn?: IsoDate | null | undefined;
  /** The answer was "no needs identified in my area": it counts as received on receivedOn. */
  readonly nilReturn?: boolean | undefined;
}

export interface CaseEvents {
  /** Day 0: the day the council received the request, even a Saturday. */
  readonly receivedOn: IsoDate;
  readonly decision?: { readonly on: IsoDate; readonly outcome: DecisionOutcome } | null | undefined;
  readonly advice: readonly AdviceRequest[];
  readonly draftIssuedOn?: IsoDate | null | undefined;
  readonly commentsReceivedOn?: IsoDate | null | undefined;
  readonly finalIssuedOn?: IsoDate | null | undefined;
  /** The day the family was told the council will not issue a plan (reg 10). */
  readonly notIssuingOn?: IsoDate | null | undefined;
  readonly exceptions: readonly ClockException[];
}

export interface AdviceDeadline {
  readonly agency: string;
  readonly askedOn: IsoDate;
  readonly dueOn: IsoDate;
  readonly receivedOn: IsoDate | null;
  readonly nilReturn: boolean;
  readonly state: StepState;
}

export interface AssessmentDeadlines {
  /** Decision whether to assess: request + 6 weeks (reg 4, 5(1)). */
  readonly decision: IsoDate;
  /** Decision not to issue a plan: request + 16 weeks (reg 10(1)). */
  readonly notIssueBy: IsoDate;
  /** Final plan: request + 20 weeks (reg 13(2)). */
  readonly finalPlan: IsoDate;
  /** End of the family's comment period: draft + 15 days (reg 13(1)); null before a draft. */
  readonly draftComments: IsoDate | null;
  /** Each advice request: asked + 6 weeks (reg 8(1)). */
  readonly advice: readonly AdviceDeadline[];
}

/** Things a caseworker should look at that are not a missed deadline. */
export type ClockWarning =
  /** The final plan came before the 15-day comment period ended, with no comments (reg 13(1)). */
  'final-before-comment-period-ended';

export interface AssessmentClock {
  readonly deadlines: AssessmentDeadlines;
  readonly steps: readonly ClockStep[];
  readonly timeliness: Timeliness;
  readonly warnings: readonly ClockWarning[];
}

/**
 * The end of the period an exception must overlap to apply: the event that closed the case
 * (final plan, notice of not issuing, or a decision not to assess), else today while it is open.
 */
function periodEnd(events: CaseEvents, today: IsoDate): IsoDate {
  if (events.finalIssuedOn != null) return events.finalIssuedOn;
  if (events.notIssuingOn != null) return events.notIssuingOn;
  if (events.decision?.outcome === 'not-assess') return events.decision.on;
  return today;
}

export function computeAssessmentClock(events: CaseEvents, today: IsoDate): AssessmentClock {
  validateCaseEvents(events, today);
  const received = events.receivedOn;
  const notAssessing = events.decision?.outcome === 'not-assess';
  const notIssuing = events.notIssuingOn ?? null;
  const final = events.finalIssuedOn ?? null;
  const draft = events.draftIssuedOn ?? null;

  const advice: AdviceDeadline[] = events.advice.map((a) => {
    const dueOn = addWeeks(a.askedOn, ADVICE_WEEKS);
    const receivedOn = a.receivedOn ?? null;
    return { agency: a.agency, askedOn: a.askedOn, dueOn, receivedOn, nilReturn: a.nilReturn === true, state: stepState(dueOn, receivedOn, today) };
  });

  const deadlines: AssessmentDeadlines = {
    decision: addWeeks(received, DECISION_WEEKS),
    notIssueBy: addWeeks(received, NOT_ISSUE_WEEKS),
    finalPlan: addWeeks(received, FINAL_PLAN_WEEKS),
    draftComments: draft === null ? null : addDays(draft, DRAFT_COMMENT_DAYS),
    advice,
  };

  const steps: ClockStep[] = [
    makeStep({ step: 'decision', label: STEP_LABELS.decision, dueOn: deadlines.decision, doneOn: events.decision?.on }, today),
    ...advice.map((a) =>
      makeStep({ step: 'advice', label: adviceLabel(a.agency), agency: a.agency, dueOn: a.dueOn, doneOn: a.receivedOn }, today),
    ),
    makeStep({
      step: 'not-issue',
      label: STEP_LABELS['not-issue'],
      dueOn: deadlines.notIssueBy,
      doneOn: notIssuing,
      // A draft or final plan means the council decided to issue; no assessment, no decision.
      applies: notIssuing !== null || (!notAssessing && draft === null && final === null),
    }, today),
  ];
  if (deadlines.draftComments !== null) {
    steps.push(makeStep({
      step: 'draft-comments',
      label: STEP_LABELS['draft-comments'],
      dueOn: deadlines.draftComments,
      doneOn: events.commentsReceivedOn,
      // The family may choose not to comment: a period that ends in silence is over, not late.
      applies: events.commentsReceivedOn != null || (final === null && compareDates(today, deadlines.draftComments) <= 0),
    }, today));
  }
  steps.push(makeStep({
    step: 'final-plan',
    label: STEP_LABELS['final-plan'],
    dueOn: deadlines.finalPlan,
    doneOn: final,
    applies: !notAssessing && notIssuing === null,
  }, today));

  const exceptionApplies = anyExceptionApplies(events.exceptions, received, periodEnd(events, today));
  const warnings: ClockWarning[] = [];
  if (final !== null && deadlines.draftComments !== null && events.commentsReceivedOn == null
    && compareDates(final, deadlines.draftComments) < 0) {
    warnings.push('final-before-comment-period-ended');
  }
  return { deadlines, steps, timeliness: timelinessOf(received, final, exceptionApplies), warnings };
}
