import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { listEntry, parsePhaseTransfer, reviewDate, viewReview, type ReviewFacts } from './reviews.model.js';

const blank: ReviewFacts = {
  due_by: '2027-03-10', meeting_on: null, invitations_sent_on: null, advice_circulated_on: null, report_sent_on: null,
  decision: null, decision_on: null, amendment_proposals_on: null, amended_final_on: null, phase_transfer: null,
};

describe('viewReview', () => {
  test('before a meeting is booked the dates count from the due date', () => {
    const v = viewReview(blank, '2011-10-10', '2026-03-10', '2026-11-24');
    assert.equal(v.clock.deadlines.dueBy, '2027-03-10');
    assert.equal(v.clock.deadlines.invitationsBy, '2027-02-24');
    assert.equal(v.clock.deadlines.decisionBy, '2027-04-07');
    assert.equal(v.held, false);
    assert.deepEqual(v.ncy, { year: 10, label: 'Year 10', on: '2027-03-10' });
    assert.equal(v.pfaApplies, true);
    assert.equal(v.amendment, null);
  });

  test('a booked meeting moves the dates; amendments have their own clock', () => {
    const r = { ...blank, meeting_on: '2026-11-01', decision: 'amend', decision_on: '2026-11-10', amendment_proposals_on: '2026-11-12' };
    const v = viewReview(r, '2016-04-01', '2025-11-15', '2026-11-24');
    assert.equal(v.clock.deadlines.reportBy, '2026-11-15');
    assert.equal(v.held, true);
    assert.equal(v.pfaApplies, false);
    assert.equal(v.amendment!.deadlines.commentsBy, '2026-11-27');
    assert.equal(v.amendment!.deadlines.finalBy, '2027-01-07');
    assert.equal(v.amendment!.deadlines.reviewToFinalBy, '2027-01-24');
  });

  test('Preparing for Adulthood is judged on the meeting date, or the earliest it can now be', () => {
    assert.equal(reviewDate({ meeting_on: '2026-09-02', due_by: '2026-08-01' }, '2026-11-24'), '2026-09-02');
    assert.equal(reviewDate({ meeting_on: null, due_by: '2026-08-01' }, '2026-11-24'), '2026-11-24');
    // Born 15 March 2013: Year 8 until 31 August 2026, Year 9 from 1 September.
    const summer = { ...blank, due_by: '2026-07-20' };
    assert.equal(viewReview(summer, '2013-03-15', '2025-07-20', '2026-07-01').pfaApplies, false);
    assert.equal(viewReview({ ...summer, due_by: '2026-09-20' }, '2013-03-15', '2025-09-20', '2026-07-01').pfaApplies, true);
  });
});

describe('phase transfers', () => {
  test('stored as kind:year, with the reg 18 deadline', () => {
    assert.deepEqual(parsePhaseTransfer('school-phase:2027'), { kind: 'school-phase', year: 2027, deadline: '2027-02-15' });
    assert.deepEqual(parsePhaseTransfer('secondary-to-post-16:2028'), { kind: 'secondary-to-post-16', year: 2028, deadline: '2028-03-31' });
    assert.equal(parsePhaseTransfer(null), null);
    assert.equal(parsePhaseTransfer('moon-landing:2027'), null);
  });
});

describe('listEntry', () => {
  test('the meeting is next until it is held; then the decision, 4 weeks after it', () => {
    assert.deepEqual(listEntry({ due_by: '2026-11-20', meeting_on: null }, '2026-11-24'), { next: 'meeting', dueOn: '2026-11-20', state: 'overdue' });
    assert.deepEqual(listEntry({ due_by: '2026-11-30', meeting_on: '2026-12-01' }, '2026-11-24'), { next: 'meeting', dueOn: '2026-11-30', state: 'due-soon' });
    assert.deepEqual(listEntry({ due_by: '2027-01-30', meeting_on: null }, '2026-11-24'), { next: 'meeting', dueOn: '2027-01-30', state: 'not-due' });
    assert.deepEqual(listEntry({ due_by: '2026-11-30', meeting_on: '2026-10-20' }, '2026-11-24'), { next: 'decision', dueOn: '2026-11-17', state: 'overdue' });
  });
});
