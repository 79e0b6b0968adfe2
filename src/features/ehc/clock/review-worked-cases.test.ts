/**
 * Worked cases for reviews, amendments and phase transfers (docs/statutory.md, "Reviews"),
 * computed by hand. Days are calendar days; nothing moves for weekends or holidays.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { computeAmendmentClock } from './amendments.js';
import { computeReviewClock, type ReviewEvents } from './reviews.js';
import { otherPost16MoveDeadline, phaseTransferDeadline } from './transfers.js';

// --- Reviews, amendments and phase transfers ----------------------------------------------
// Months add to the same day of the month, clamped to the month's end (29 Feb + 12 = 28 Feb).

interface ReviewRow {
  name: string;
  events: ReviewEvents;
  today: string;
  cadence: 'twelve-months' | 'under-five';
  earliestOn: string | null;
  dueBy: string;
  meeting?: { invitationsBy: string; adviceCirculatedBy: string; reportBy: string; decisionBy: string };
}

const reviewRows: ReviewRow[] = [
  {
    // Plan issued 29 Feb 2024 + 12 months: 29 Feb 2025 does not exist -> 28 Feb 2025.
    name: 'annual review of a plan issued on 29 February',
    events: { lastReviewOrPlanOn: '2024-02-29', dateOfBirth: '2014-05-10' }, today: '2024-03-01',
    cadence: 'twelve-months', earliestOn: null, dueBy: '2025-02-28',
    // No meeting booked: dates count from the due date. 28 Feb - 14 = Feb 14; + 14 = Mar 14; + 28 = Mar 28.
    meeting: { invitationsBy: '2025-02-14', adviceCirculatedBy: '2025-02-14', reportBy: '2025-03-14', decisionBy: '2025-03-28' },
  },
  {
    // 15 Mar 2025 + 12 months = 15 Mar 2026. Meeting booked 10 Mar 2026: - 14 = Feb 24 (Feb has 28
    // days: Mar 10 - 10 = Feb 28, - 4 = Feb 24); + 14 = Mar 24; + 28: Mar 31 (21), Apr 7 (28).
    name: 'annual review with the meeting booked',
    events: { lastReviewOrPlanOn: '2025-03-15', dateOfBirth: '2012-06-01', meetingOn: '2026-03-10' }, today: '2026-01-10',
    cadence: 'twelve-months', earliestOn: null, dueBy: '2026-03-15',
    meeting: { invitationsBy: '2026-02-24', adviceCirculatedBy: '2026-02-24', reportBy: '2026-03-24', decisionBy: '2026-04-07' },
  },
  {
    // Born 15 Jan 2022; last review 1 Jun 2025; at the 6-month point (1 Dec 2025) aged 3: under 5.
    // Earliest 1 Jun + 3 months = 1 Sep 2025; due by 1 Jun + 6 months = 1 Dec 2025.
    name: 'under-5: every 3 to 6 months',
    events: { lastReviewOrPlanOn: '2025-06-01', dateOfBirth: '2022-01-15' }, today: '2025-06-02',
    cadence: 'under-five', earliestOn: '2025-09-01', dueBy: '2025-12-01',
  },
  {
    // Born 1 Mar 2021: fifth birthday 1 Mar 2026, before the 6-month point 1 Apr 2026: 12 months.
    name: 'turns 5 before the 6-month point: back to 12 months',
    events: { lastReviewOrPlanOn: '2025-10-01', dateOfBirth: '2021-03-01' }, today: '2025-10-02',
    cadence: 'twelve-months', earliestOn: null, dueBy: '2026-10-01',
  },
  {
    // Born 2 Apr 2021: still 4 on the 6-month point 1 Apr 2026: under-5 cadence.
    name: 'turns 5 the day after the 6-month point: still under 5',
    events: { lastReviewOrPlanOn: '2025-10-01', dateOfBirth: '2021-04-02' }, today: '2025-10-02',
    cadence: 'under-five', earliestOn: '2026-01-01', dueBy: '2026-04-01',
  },
  {
    // 31 Aug 2025 + 3 months = 31 Nov -> 30 Nov; + 6 months = 31 Feb -> 28 Feb 2026.
    name: 'under-5 dates clamp to the end of the month',
    events: { lastReviewOrPlanOn: '2025-08-31', dateOfBirth: '2023-01-01' }, today: '2025-09-01',
    cadence: 'under-five', earliestOn: '2025-11-30', dueBy: '2026-02-28',
  },
  {
    // Born 29 Feb 2020: fifth birthday taken as 28 Feb 2025 (clamped). Last review 28 Aug 2024
    // + 6 months = 28 Feb 2025: aged 5 that day, so 12 months: 28 Aug 2025.
    name: 'born on 29 February: fifth birthday on 28 February',
    events: { lastReviewOrPlanOn: '2024-08-28', dateOfBirth: '2020-02-29' }, today: '2024-09-01',
    cadence: 'twelve-months', earliestOn: null, dueBy: '2025-08-28',
  },
];

describe('worked cases: annual reviews', () => {
  for (const row of reviewRows) {
    test(row.name, () => {
      const { deadlines } = computeReviewClock(row.events, row.today);
      assert.equal(deadlines.cadence, row.cadence);
      assert.equal(deadlines.earliestOn, row.earliestOn);
      assert.equal(deadlines.dueBy, row.dueBy);
      if (row.meeting) {
        const { invitationsBy, adviceCirculatedBy, reportBy, decisionBy } = deadlines;
        assert.deepEqual({ invitationsBy, adviceCirculatedBy, reportBy, decisionBy }, row.meeting);
      }
    });
  }
});

describe('worked cases: amendments and phase transfers', () => {
  test('amendment after a review: 15 days, 8 weeks, and 12 weeks from the review (L v Devon)', () => {
    // Proposals 1 Oct 2025: + 15 = Oct 16; + 56: Oct 31 (30), Nov 26 (56).
    // Review 20 Sep 2025 + 84: Sep 30 (10), Oct 31 (41), Nov 30 (71), Dec 13 (84).
    const { deadlines } = computeAmendmentClock({ proposalsSentOn: '2025-10-01', reviewMeetingOn: '2025-09-20' }, '2025-10-01');
    assert.deepEqual(deadlines, { commentsBy: '2025-10-16', finalBy: '2025-11-26', reviewToFinalBy: '2025-12-13' });
  });

  test('amendment across 29 February', () => {
    // 20 Feb 2024 + 15: Feb 29 (9), Mar 6 (15). + 56: Mar 31 (40), Apr 16 (56).
    const { deadlines } = computeAmendmentClock({ proposalsSentOn: '2024-02-20' }, '2024-02-20');
    assert.deepEqual(deadlines, { commentsBy: '2024-03-06', finalBy: '2024-04-16', reviewToFinalBy: null });
  });

  test('phase transfers: 15 February; 31 March for post-16; 5 months before other post-16 moves', () => {
    assert.equal(phaseTransferDeadline('school-phase', 2026), '2026-02-15');
    assert.equal(phaseTransferDeadline('secondary-to-post-16', 2026), '2026-03-31');
    // 1 Sep 2026 - 5 months = 1 Apr 2026; 31 Jul - 5 months = 31 Feb -> 28 Feb (29 Feb in 2028).
    assert.equal(otherPost16MoveDeadline('2026-09-01'), '2026-04-01');
    assert.equal(otherPost16MoveDeadline('2026-07-31'), '2026-02-28');
    assert.equal(otherPost16MoveDeadline('2028-07-31'), '2028-02-29');
  });
});
