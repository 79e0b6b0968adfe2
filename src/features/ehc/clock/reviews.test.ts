import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { computeAmendmentClock } from './amendments.js';
import { isSen2CeaseReasonCode, SEN2_CEASE_REASONS } from './cease.js';
import { computeReviewClock, isUnderFive } from './reviews.js';
import type { ClockStep } from './state.js';

const stateOf = (steps: readonly ClockStep[], step: string) => steps.find((s) => s.step === step)?.state;

describe('annual review steps', () => {
  const events = { lastReviewOrPlanOn: '2025-03-15', dateOfBirth: '2012-06-01', meetingOn: '2026-03-10' };

  test('before the meeting: invitations overdue, meeting not yet held', () => {
    const { steps } = computeReviewClock(events, '2026-02-26');
    assert.equal(stateOf(steps, 'review-invitations'), 'overdue'); // due 24 Feb
    assert.equal(stateOf(steps, 'review-meeting'), 'not-due'); // due by 15 Mar (17 days), not yet held
    assert.equal(stateOf(steps, 'review-report'), 'not-due'); // 24 Mar
  });

  test('a booked meeting date on or before today counts as held', () => {
    const { steps } = computeReviewClock({ ...events, invitationsSentOn: '2026-02-20', adviceCirculatedOn: '2026-02-25' }, '2026-03-10');
    assert.equal(stateOf(steps, 'review-meeting'), 'met');
    assert.equal(stateOf(steps, 'review-invitations'), 'met');
    assert.equal(stateOf(steps, 'review-advice'), 'met-late');
  });

  test('report and decision after the meeting', () => {
    const { steps } = computeReviewClock({ ...events, reportSentOn: '2026-03-20', decisionOn: '2026-04-10' }, '2026-04-10');
    assert.equal(stateOf(steps, 'review-report'), 'met');
    assert.equal(stateOf(steps, 'review-decision'), 'met-late'); // due 7 Apr
  });

  test('a meeting held after the due date is met late', () => {
    const { steps } = computeReviewClock({ ...events, meetingOn: '2026-03-20' }, '2026-03-25');
    assert.equal(stateOf(steps, 'review-meeting'), 'met-late');
  });

  test('isUnderFive turns on the fifth birthday', () => {
    assert.equal(isUnderFive('2021-03-01', '2026-02-28'), true);
    assert.equal(isUnderFive('2021-03-01', '2026-03-01'), false);
  });
});

describe('amendment steps', () => {
  test('a comment period that ends in silence is over, not late', () => {
    const { steps } = computeAmendmentClock({ proposalsSentOn: '2025-10-01' }, '2025-10-20');
    assert.equal(stateOf(steps, 'amendment-comments'), 'not-applicable');
    assert.equal(stateOf(steps, 'amendment-final'), 'not-due'); // due 26 Nov
  });

  test('comments and final plan', () => {
    const { steps } = computeAmendmentClock({ proposalsSentOn: '2025-10-01', commentsReceivedOn: '2025-10-10', finalIssuedOn: '2025-12-01' }, '2025-12-02');
    assert.equal(stateOf(steps, 'amendment-comments'), 'met');
    assert.equal(stateOf(steps, 'amendment-final'), 'met-late');
  });
});

describe('SEN2 cease reasons', () => {
  test('codes 1 to 9 from the SEN2 schema, each with a plain label', () => {
    assert.deepEqual(Object.keys(SEN2_CEASE_REASONS), ['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    assert.equal(SEN2_CEASE_REASONS['5'].label, 'Transferred to another LA');
    for (const reason of Object.values(SEN2_CEASE_REASONS)) assert.ok(reason.plainLabel.length > 0);
    assert.equal(isSen2CeaseReasonCode('1'), true);
    assert.equal(isSen2CeaseReasonCode('10'), false);
    assert.equal(isSen2CeaseReasonCode('toString'), false);
  });
});
