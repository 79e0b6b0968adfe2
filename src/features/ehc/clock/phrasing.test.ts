import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { computeAssessmentClock } from './assessment.js';
import { describeState, describeStep } from './phrasing.js';
import { anEhcRequest } from './test-support.js';

describe('plain English for families', () => {
  test('the glossary example: late advice', () => {
    assert.equal(describeState('Health advice', '2026-04-03', null, '2026-04-08'),
      'Health advice was due on 3 April 2026. It is 5 days late.');
    assert.equal(describeState('Health advice', '2026-04-03', null, '2026-04-04'),
      'Health advice was due on 3 April 2026. It is 1 day late.');
  });

  test('due soon, today and tomorrow', () => {
    assert.equal(describeState('Health advice', '2026-04-03', undefined, '2026-03-30'),
      'Health advice is due on 3 April 2026. That is in 4 days.');
    assert.equal(describeState('Health advice', '2026-04-03', null, '2026-04-02'),
      'Health advice is due on 3 April 2026. That is tomorrow.');
    assert.equal(describeState('Health advice', '2026-04-03', null, '2026-04-03'),
      'Health advice is due on 3 April 2026. That is today.');
  });

  test('not due yet, met, met late', () => {
    assert.equal(describeState('The final plan', '2026-07-21', null, '2026-03-01'), 'The final plan is due on 21 July 2026.');
    assert.equal(describeState('Health advice', '2026-04-03', '2026-04-01', '2026-04-20'),
      'Health advice was due on 3 April 2026. It was done on 1 April 2026, on time.');
    assert.equal(describeState('Health advice', '2026-04-03', '2026-04-10', '2026-04-20'),
      'Health advice was due on 3 April 2026. It was done on 10 April 2026, 7 days late.');
  });

  test('describeStep uses the step label and says when a step is not needed', () => {
    const clock = computeAssessmentClock(anEhcRequest({
      receivedOn: '2026-01-05', decision: { on: '2026-02-10', outcome: 'not-assess' },
      advice: [{ agency: 'health', askedOn: '2026-01-06' }],
    }), '2026-02-20');
    const [decision, advice, notIssue] = clock.steps.map((s) => describeStep(s, '2026-02-20'));
    assert.equal(decision, 'The decision on whether to assess was due on 16 February 2026. It was done on 10 February 2026, on time.');
    assert.equal(advice, 'Health advice was due on 17 February 2026. It is 3 days late.');
    assert.equal(notIssue, 'The decision on whether to issue a plan is not needed now.');
  });
});
