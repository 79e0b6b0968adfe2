/**
 * What a review's recorded facts mean: its statutory dates and their states (the EHC clock),
 * the amendment dates, the phase transfer deadline and whether Preparing for Adulthood applies.
 * Pure, so the pages and tests agree on every date.
 */
import {
  addDays, computeAmendmentClock, computeReviewClock, laterOf, phaseTransferDeadline, REVIEW_DECISION_DAYS,
  stepState, type AmendmentClock, type PhaseTransferKind, type ReviewClock, type StepState,
} from '../ehc/clock/index.js';
import { nationalCurriculumYear, ncyLabel, PFA_FROM_YEAR } from './ncy.js';
import { isPhaseTransferKind } from './reviews.codes.js';

/** The columns of annual_reviews this needs. */
export interface ReviewFacts {
  due_by: string;
  meeting_on: string | null;
  invitations_sent_on: string | null;
  advice_circulated_on: string | null;
  report_sent_on: string | null;
  decision: string | null;
  decision_on: string | null;
  amendment_proposals_on: string | null;
  amended_final_on: string | null;
  phase_transfer: string | null;
}

export interface PhaseTransfer {
  kind: PhaseTransferKind;
  year: number;
  deadline: string;
}

/** Stored as "kind:year" in annual_reviews.phase_transfer. */
export function parsePhaseTransfer(stored: string | null): PhaseTransfer | null {
  const m = /^([a-z0-9-]+):(\d{4})$/.exec(stored ?? '');
  if (!m || !isPhaseTransferKind(m[1])) return null;
  const year = Number(m[2]);
  return { kind: m[1], year, deadline: phaseTransferDeadline(m[1], year) };
}

export const formatPhaseTransfer = (kind: PhaseTransferKind, year: number): string => `${kind}:${year}`;

/** A meeting booked for today or earlier is taken as held (as the clock does). */
export const meetingHeld = (r: Pick<ReviewFacts, 'meeting_on'>, today: string): boolean => r.meeting_on !== null && r.meeting_on <= today;

/**
 * The date Preparing for Adulthood is judged on: the booked meeting, else the earliest the
 * meeting can now be (the due date, or today once that has passed).
 */
export function reviewDate(r: Pick<ReviewFacts, 'meeting_on' | 'due_by'>, today: string): string {
  return r.meeting_on ?? laterOf(r.due_by, today);
}

export interface ReviewView {
  clock: ReviewClock;
  amendment: AmendmentClock | null;
  transfer: PhaseTransfer | null;
  held: boolean;
  ncy: { year: number; label: string; on: string };
  pfaApplies: boolean;
}

/**
 * `basisOn` is the date the months count from: the plan's issue for a first review, the last
 * review's meeting after that (CFA s44(1)).
 */
export function viewReview(r: ReviewFacts, dateOfBirth: string, basisOn: string, today: string): ReviewView {
  const clock = computeReviewClock({
    lastReviewOrPlanOn: basisOn,
    dateOfBirth,
    meetingOn: r.meeting_on,
    invitationsSentOn: r.invitations_sent_on,
    adviceCirculatedOn: r.advice_circulated_on,
    reportSentOn: r.report_sent_on,
    decisionOn: r.decision_on,
  }, today);
  const amendment = r.amendment_proposals_on
    ? computeAmendmentClock({ proposalsSentOn: r.amendment_proposals_on, reviewMeetingOn: r.meeting_on, finalIssuedOn: r.amended_final_on }, today)
    : null;
  const on = reviewDate(r, today);
  const year = nationalCurriculumYear(dateOfBirth, on);
  return {
    clock,
    amendment,
    transfer: parsePhaseTransfer(r.phase_transfer),
    held: meetingHeld(r, today),
    ncy: { year, label: ncyLabel(year), on },
    pfaApplies: year >= PFA_FROM_YEAR,
  };
}

export interface ListEntry {
  /** What is next: the meeting, or the council's decision after it. */
  next: 'meeting' | 'decision';
  dueOn: string;
  state: Exclude<StepState, 'not-applicable'>;
}

/** For the list of reviews due: the next statutory step and its state, from the row alone. */
export function listEntry(r: Pick<ReviewFacts, 'due_by' | 'meeting_on'>, today: string): ListEntry {
  if (meetingHeld(r, today)) {
    const dueOn = addDays(r.meeting_on!, REVIEW_DECISION_DAYS);
    return { next: 'decision', dueOn, state: stepState(dueOn, null, today) };
  }
  return { next: 'meeting', dueOn: r.due_by, state: stepState(r.due_by, null, today) };
}
