/**
 * Plain words for each step, written for families (glossary: reading age 9 to 11). Each label
 * is a singular subject, so sentences read "<label> was due on 3 April 2026."
 */
import type { StepId } from './state.js';

export const STEP_LABELS: Readonly<Record<StepId, string>> = {
  'decision': 'The decision on whether to assess',
  'advice': 'Advice',
  'not-issue': 'The decision on whether to issue a plan',
  'draft-comments': 'Your reply to the draft plan',
  'final-plan': 'The final plan',
  'review-meeting': 'The review meeting',
  'review-invitations': 'The invitation to the review meeting',
  'review-advice': 'Advice for the review meeting',
  'review-report': 'The report of the review meeting',
  'review-decision': 'The decision after the review',
  'amendment-comments': 'Your reply to the proposed changes',
  'amendment-final': 'The changed final plan',
};

/** "Health advice" from agency "health"; "Educational psychology advice" and so on. */
export function adviceLabel(agency: string): string {
  const name = agency.trim();
  if (name === '') return STEP_LABELS.advice;
  return `${name.charAt(0).toUpperCase()}${name.slice(1)} advice`;
}
