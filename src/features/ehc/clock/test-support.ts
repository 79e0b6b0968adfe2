/** Builders and the worked-case runner shared by the clock's tests (not exported from index.ts). */
import assert from 'node:assert/strict';
import { computeAssessmentClock, type AssessmentClock, type CaseEvents } from './assessment.js';
import type { StepState } from './state.js';

export function anEhcRequest(overrides: Partial<CaseEvents> & Pick<CaseEvents, 'receivedOn'>): CaseEvents {
  return { advice: [], exceptions: [], ...overrides };
}

/** The state of a step: 'decision', 'final-plan', ... or 'advice:<agency>'. */
export function stateOf(clock: AssessmentClock, key: string): StepState | undefined {
  return clock.steps.find((s) => (s.step === 'advice' ? `advice:${s.agency}` : s.step) === key)?.state;
}

/** One worked case: expected deadlines, and optionally states and timeliness. */
export interface Row {
  name: string;
  events: CaseEvents;
  today: string;
  decision: string;
  notIssueBy: string;
  finalPlan: string;
  draftComments?: string;
  adviceDue?: string[];
  states?: Record<string, StepState>;
  finalWithin20Weeks?: boolean | null;
  exceptionApplies?: boolean;
}

export function checkRow(row: Row): void {
  const clock = computeAssessmentClock(row.events, row.today);
  assert.equal(clock.deadlines.decision, row.decision, 'decision');
  assert.equal(clock.deadlines.notIssueBy, row.notIssueBy, 'notIssueBy');
  assert.equal(clock.deadlines.finalPlan, row.finalPlan, 'finalPlan');
  assert.equal(clock.deadlines.draftComments, row.draftComments ?? null, 'draftComments');
  if (row.adviceDue) assert.deepEqual(clock.deadlines.advice.map((a) => a.dueOn), row.adviceDue);
  for (const [key, state] of Object.entries(row.states ?? {})) assert.equal(stateOf(clock, key), state, key);
  if (row.finalWithin20Weeks !== undefined) assert.equal(clock.timeliness.finalWithin20Weeks, row.finalWithin20Weeks);
  if (row.exceptionApplies !== undefined) assert.equal(clock.timeliness.exceptionApplies, row.exceptionApplies);
}
