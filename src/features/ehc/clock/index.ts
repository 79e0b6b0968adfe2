/**
 * The EHC statutory clock: pure functions from dated events to deadlines and states.
 * No I/O and no system clock: every function that needs "today" takes it as a parameter.
 */
export { ClockInputError } from './errors.js';
export {
  addDays, addMonths, addWeeks, compareDates, daysBetween, formatLongDate, isIsoDate, isWeekend,
  laterOf, parseIsoDate, type IsoDate,
} from './dates.js';
export * from './rules.js';
export { makeStep, stepState, type ClockStep, type StepId, type StepSpec, type StepState } from './state.js';
export { adviceLabel, STEP_LABELS } from './labels.js';
export {
  anyExceptionApplies, checkException, closureExceptionWindow, EXCEPTION_KINDS, isExceptionKind, isInWindow,
  type ClockException, type ClosurePeriod, type ExceptionKind, type ExceptionWindow,
} from './exceptions.js';
export {
  computeAssessmentClock,
  type AdviceDeadline, type AdviceRequest, type AssessmentClock, type AssessmentDeadlines, type CaseEvents,
  type ClockWarning, type DecisionOutcome,
} from './assessment.js';
export { validateCaseEvents } from './validate.js';
export {
  finalWithinTwentyWeeks, summariseTwentyWeeks, timelinessOf,
  type Timeliness, type TwentyWeekMeasure, type TwentyWeekMeasures,
} from './timeliness.js';
export {
  computeReviewClock, isUnderFive, nextReviewDue,
  type ReviewCadence, type ReviewClock, type ReviewDeadlines, type ReviewEvents,
} from './reviews.js';
export {
  computeAmendmentClock, type AmendmentClock, type AmendmentDeadlines, type AmendmentEvents,
} from './amendments.js';
export { otherPost16MoveDeadline, phaseTransferDeadline, type PhaseTransferKind } from './transfers.js';
export { isSen2CeaseReasonCode, SEN2_CEASE_REASONS, type Sen2CeaseReasonCode } from './cease.js';
export { describeState, describeStep } from './phrasing.js';
