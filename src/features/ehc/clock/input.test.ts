/** Bad input throws ClockInputError naming the field, so a form can point at it. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { computeAmendmentClock } from './amendments.js';
import { computeAssessmentClock, type CaseEvents } from './assessment.js';
import { ClockInputError } from './errors.js';
import { computeReviewClock } from './reviews.js';
import { anEhcRequest } from './test-support.js';
import { otherPost16MoveDeadline, phaseTransferDeadline } from './transfers.js';

function throwsFor(field: string, run: () => unknown): void {
  assert.throws(run, (e: unknown) => {
    assert.ok(e instanceof ClockInputError, `expected ClockInputError, got ${String(e)}`);
    assert.equal(e.name, 'ClockInputError');
    assert.equal(e.code, 'clock-input');
    assert.equal(e.field, field);
    assert.ok(e.message.startsWith(`${field} `), e.message);
    return true;
  });
}

const base = anEhcRequest({ receivedOn: '2025-03-03' });
const clock = (events: Partial<CaseEvents>, today = '2025-06-01') => () => computeAssessmentClock({ ...base, ...events }, today);

describe('bad input to the assessment clock', () => {
  test('an impossible or malformed date names its field', () => {
    throwsFor('receivedOn', clock({ receivedOn: '2025-02-30' }));
    throwsFor('receivedOn', clock({ receivedOn: '3/3/2025' }));
    throwsFor('today', clock({}, 'yesterday'));
    throwsFor('decision.on', clock({ decision: { on: '2025-04-31', outcome: 'assess' } }));
    throwsFor('advice[1].askedOn', clock({ advice: [{ agency: 'health', askedOn: '2025-03-10' }, { agency: 'EP', askedOn: 'soon' }] }));
    throwsFor('exceptions[0].from', clock({ exceptions: [{ kind: 'c', from: '2025-13-01', to: '2025-12-01', reason: 'r' }] }));
    throwsFor('finalIssuedOn', clock({ finalIssuedOn: '2025-06-31' }));
  });

  test('events in an impossible order or combination', () => {
    throwsFor('decision.on', clock({ decision: { on: '2025-03-02', outcome: 'assess' } }));
    throwsFor('decision.outcome', clock({ decision: { on: '2025-03-20', outcome: 'maybe' as never } }));
    throwsFor('advice[0].receivedOn', clock({ advice: [{ agency: 'health', askedOn: '2025-03-10', receivedOn: '2025-03-09' }] }));
    throwsFor('advice[0].agency', clock({ advice: [{ agency: ' ', askedOn: '2025-03-10' }] }));
    throwsFor('finalIssuedOn', clock({ finalIssuedOn: '2025-03-01' }));
    throwsFor('finalIssuedOn', clock({ draftIssuedOn: '2025-06-01', finalIssuedOn: '2025-05-30' }));
    throwsFor('finalIssuedOn', clock({ decision: { on: '2025-03-20', outcome: 'not-assess' }, finalIssuedOn: '2025-05-30' }));
    throwsFor('notIssuingOn', clock({ finalIssuedOn: '2025-05-30', notIssuingOn: '2025-05-30' }));
    throwsFor('commentsReceivedOn', clock({ commentsReceivedOn: '2025-05-30' }));
  });

  test('a nil return must carry the date it came; silence has no date', () => {
    throwsFor('advice[0].receivedOn', clock({ advice: [{ agency: 'social care', askedOn: '2025-03-10', nilReturn: true }] }));
  });

  test('an exception needs a reason and a valid period', () => {
    throwsFor('exceptions[0].reason', clock({ exceptions: [{ kind: 'c', from: '2025-04-01', to: '2025-04-02', reason: '' }] }));
    throwsFor('exceptions[0].to', clock({ exceptions: [{ kind: 'd', from: '2025-04-01', to: '2025-04-10', reason: 'Away' }] }));
  });
});

describe('bad input to reviews, amendments and transfers', () => {
  test('named fields', () => {
    throwsFor('dateOfBirth', () => computeReviewClock({ lastReviewOrPlanOn: '2025-03-01', dateOfBirth: '2015-02-29' }, '2025-03-01'));
    throwsFor('dateOfBirth', () => computeReviewClock({ lastReviewOrPlanOn: '2025-03-01', dateOfBirth: '2026-01-01' }, '2025-03-01'));
    throwsFor('reportSentOn', () => computeReviewClock({ lastReviewOrPlanOn: '2025-03-01', dateOfBirth: '2015-01-01', reportSentOn: '2025-04-01' }, '2025-05-01'));
    throwsFor('proposalsSentOn', () => computeAmendmentClock({ proposalsSentOn: '2025-02-30' }, '2025-03-01'));
    throwsFor('finalIssuedOn', () => computeAmendmentClock({ proposalsSentOn: '2025-03-01', finalIssuedOn: '2025-02-01' }, '2025-03-01'));
    throwsFor('yearOfTransfer', () => phaseTransferDeadline('school-phase', 2026.5));
    throwsFor('kind', () => phaseTransferDeadline('nursery' as never, 2026));
    throwsFor('moveOn', () => otherPost16MoveDeadline('2026-09-31'));
  });
});
