/** Words for the review pages. Pure. */
import { isSen2CeaseReasonCode, SEN2_CEASE_REASONS, type ClockStep, type StepState } from '../ehc/clock/index.js';
import { DECISIONS, isReviewDecision, PHASE_TRANSFERS } from './reviews.codes.js';
import type { PhaseTransfer } from './reviews.model.js';

const STEPS: Record<string, string> = {
  'review-invitations': 'Invitations sent, with at least 2 weeks’ notice',
  'review-advice': 'Advice circulated, at least 2 weeks before the meeting',
  'review-meeting': 'Review meeting held',
  'review-report': 'Report sent, within 2 weeks of the meeting',
  'review-decision': 'Council’s decision, within 4 weeks of the meeting',
  'amendment-comments': 'Family’s comments on the proposed amendments (at least 15 days)',
  'amendment-final': 'Amended plan issued, within 8 weeks of the proposals',
};

export const stepLabel = (s: Pick<ClockStep, 'step' | 'label'>): string => STEPS[s.step] ?? s.label;

/** Each state as a GOV.UK tag: words and colour (the colour is never the only signal). */
export const STATE_TAGS: Record<StepState, { text: string; classes: string }> = {
  'not-due': { text: 'Not due yet', classes: 'govuk-tag--grey' },
  'due-soon': { text: 'Due soon', classes: 'govuk-tag--yellow' },
  overdue: { text: 'Overdue', classes: 'govuk-tag--red' },
  met: { text: 'On time', classes: 'govuk-tag--green' },
  'met-late': { text: 'Late', classes: 'govuk-tag--orange' },
  'not-applicable': { text: 'Not needed', classes: 'govuk-tag--grey' },
};

export function decisionLabel(decision: string | null): string | null {
  if (!decision) return null;
  return isReviewDecision(decision) ? DECISIONS[decision] : decision;
}

/** The SEN2 reason with its plain words: "Moved to another council area (Transferred to another LA)". */
export function ceaseReasonText(code: string | null): string | null {
  if (!code) return null;
  return isSen2CeaseReasonCode(code) ? `${SEN2_CEASE_REASONS[code].plainLabel} (SEN2: ${SEN2_CEASE_REASONS[code].label})` : code;
}

export function transferText(t: PhaseTransfer | null): string | null {
  if (!t) return null;
  return `${PHASE_TRANSFERS[t.kind].label}, in ${t.year}`;
}

export const CADENCES = {
  'twelve-months': 'Every 12 months',
  'under-five': 'Every 3 to 6 months (under 5)',
} as const;
