/**
 * Worked cases from docs/statutory.md, deadlines computed by hand. Day 0 is the day the council
 * receives the request; weeks and days are calendar ones, so 6 weeks = +42, 16 weeks = +112,
 * 20 weeks = +140 days, and nothing moves for weekends, Christmas or bank holidays.
 * Arithmetic is written as running totals: "Mar 31 (30)" means 31 March is day 30.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { computeAssessmentClock } from './assessment.js';
import { isWeekend } from './dates.js';
import { anEhcRequest, checkRow, type Row } from './test-support.js';

/** A row that checks only the date arithmetic, on the day the request arrives. */
const dates = (name: string, receivedOn: string, [decision, notIssueBy, finalPlan]: [string, string, string]): Row =>
  ({ name, events: anEhcRequest({ receivedOn }), today: receivedOn, decision, notIssueBy, finalPlan });

const SUMMER_2025_SCHOOL = { kind: 'a', from: '2025-07-16', to: '2025-08-27', reason: 'School closed 23 July to 3 September 2025' } as const;
const AWAY_AUTUMN_2025 = { kind: 'd', from: '2025-10-06', to: '2025-11-09', reason: 'Family abroad for 5 weeks' } as const;

const rows: Row[] = [
  {
    // Saturday 1 Mar 2025 is day 0. +42: Mar 31 (30), Apr 12 (42). +112: Apr 30 (60), May 31 (91),
    // Jun 21 (112). +140: Jun 21 + 28 = Jul 19. All three are Saturdays and stay there.
    name: 'request received on a Saturday starts the clock that day',
    events: anEhcRequest({ receivedOn: '2025-03-01' }), today: '2025-03-01',
    decision: '2025-04-12', notIssueBy: '2025-06-21', finalPlan: '2025-07-19',
    states: { 'decision': 'not-due', 'final-plan': 'not-due' }, finalWithin20Weeks: null, exceptionApplies: false,
  },
  // Leap year. 10 Jan 2024 +42: Jan 31 (21), Feb 21 (42). +112: Feb 29 (50), Mar 31 (81),
  // Apr 30 (111), May 1 (112). +140: May 1 + 28 = May 29.
  dates('request on 2024-01-10 (leap year): 20 weeks = 2024-05-29', '2024-01-10', ['2024-02-21', '2024-05-01', '2024-05-29']),
  // Same day, no leap day: +112: Feb 28 (49), Mar 31 (80), Apr 30 (110), May 2 (112). +140: May 30.
  dates('request on 2023-01-10 (not a leap year) lands a day later', '2023-01-10', ['2023-02-21', '2023-05-02', '2023-05-30']),
  {
    // Across Christmas: 20 Dec 2023 +42: Dec 31 (11), Jan 31 (42). +112: Feb 29 (71), Mar 31 (102),
    // Apr 10 (112). +140: Apr 10 + 28 = May 8. Christmas and New Year's Day are not skipped.
    name: 'request on 2023-12-20 across Christmas',
    events: anEhcRequest({ receivedOn: '2023-12-20' }), today: '2024-01-31',
    decision: '2024-01-31', notIssueBy: '2024-04-10', finalPlan: '2024-05-08',
    states: { decision: 'due-soon' },
  },
  // 20 Feb 2024 +42: Feb 29 (9), Mar 31 (40), Apr 2 (42). +112: Apr 30 (70), May 31 (101),
  // Jun 11 (112). +140: Jun 11 + 28 = Jul 9.
  dates('request spanning 29 February', '2024-02-20', ['2024-04-02', '2024-06-11', '2024-07-09']),
  // 29 Feb 2024 +42: Mar 31 (31), Apr 11 (42). +112: Apr 30 (61), May 31 (92), Jun 20 (112). +140: Jul 18.
  dates('request received on 29 February', '2024-02-29', ['2024-04-11', '2024-06-20', '2024-07-18']),
  // 31 Dec 2024 +42: Jan 31 (31), Feb 11 (42). +112: Feb 28 (59), Mar 31 (90), Apr 22 (112). +140: May 20.
  dates('request on New Year\'s Eve', '2024-12-31', ['2025-02-11', '2025-04-22', '2025-05-20']),
  {
    // 6 Jan 2025 +42: Jan 31 (25), Feb 17 (42). +112: Feb 28 (53), Mar 31 (84), Apr 28 (112).
    // +140: Apr 30 (114), May 26 (140) = Spring bank holiday, not moved. Issued Fri 23 May: in time.
    // The exception (c) starts after the plan was issued, so it does not apply.
    name: 'deadline on a bank holiday is not moved; exception after the plan does not apply',
    events: anEhcRequest({
      receivedOn: '2025-01-06', decision: { on: '2025-02-10', outcome: 'assess' }, draftIssuedOn: '2025-05-01',
      commentsReceivedOn: '2025-05-09', finalIssuedOn: '2025-05-23',
      exceptions: [{ kind: 'c', from: '2025-06-01', to: '2025-06-30', reason: 'Bereavement' }],
    }),
    today: '2025-06-15',
    decision: '2025-02-17', notIssueBy: '2025-04-28', finalPlan: '2025-05-26', draftComments: '2025-05-16',
    states: { 'decision': 'met', 'not-issue': 'not-applicable', 'draft-comments': 'met', 'final-plan': 'met' },
    finalWithin20Weeks: true, exceptionApplies: false,
  },
  {
    // 3 Mar 2025 +140: Mar 31 (28), Apr 30 (58), May 31 (89), Jun 30 (119), Jul 21 (140).
    // +42: Apr 14. +112: May 31 (89), Jun 23 (112). Issued on day 140: within 20 weeks.
    name: 'plan issued exactly on day 140 is within 20 weeks',
    events: anEhcRequest({ receivedOn: '2025-03-03', finalIssuedOn: '2025-07-21' }), today: '2025-08-01',
    decision: '2025-04-14', notIssueBy: '2025-06-23', finalPlan: '2025-07-21',
    states: { 'final-plan': 'met', 'not-issue': 'not-applicable', 'decision': 'overdue' },
    finalWithin20Weeks: true, exceptionApplies: false,
  },
  {
    // As above, issued on 22 Jul = day 141: not within 20 weeks.
    name: 'plan issued on day 141 is not within 20 weeks',
    events: anEhcRequest({ receivedOn: '2025-03-03', finalIssuedOn: '2025-07-22' }), today: '2025-08-01',
    decision: '2025-04-14', notIssueBy: '2025-06-23', finalPlan: '2025-07-21',
    states: { 'final-plan': 'met-late' }, finalWithin20Weeks: false, exceptionApplies: false,
  },
  {
    // 2 Jun 2025 +42: Jun 30 (28), Jul 14 (42). +112: Jul 31 (59), Aug 31 (90), Sep 22 (112).
    // +140: Oct 20. School asked Fri 18 Jul, inside the (a) window 16 Jul - 27 Aug (school closes
    // 23 Jul, reopens 3 Sep; each less 7 days). Its advice due 18 Jul + 42: Jul 31 (13), Aug 29 (42).
    // Draft 13 Oct + 15 = 28 Oct. Final 3 Nov = day 154: late, and the exception applies.
    name: 'exception (a): school asked in the summer holiday window',
    events: anEhcRequest({
      receivedOn: '2025-06-02', decision: { on: '2025-07-10', outcome: 'assess' },
      advice: [{ agency: 'school', askedOn: '2025-07-18', receivedOn: '2025-09-10' }],
      draftIssuedOn: '2025-10-13', commentsReceivedOn: '2025-10-27', finalIssuedOn: '2025-11-03',
      exceptions: [SUMMER_2025_SCHOOL],
    }),
    today: '2025-11-10',
    decision: '2025-07-14', notIssueBy: '2025-09-22', finalPlan: '2025-10-20', draftComments: '2025-10-28',
    adviceDue: ['2025-08-29'],
    states: { 'decision': 'met', 'advice:school': 'met-late', 'draft-comments': 'met', 'final-plan': 'met-late' },
    finalWithin20Weeks: false, exceptionApplies: true,
  },
  {
    // 1 Sep 2025 +42: Sep 30 (29), Oct 13 (42). +112: Oct 31 (60), Nov 30 (90), Dec 22 (112).
    // +140: Dec 31 (121), Jan 19 (140). Family away 6 Oct - 9 Nov (35 days). Final 26 Jan = day 147.
    name: 'exception (d): family out of the area for 5 weeks, plan late',
    events: anEhcRequest({ receivedOn: '2025-09-01', finalIssuedOn: '2026-01-26', exceptions: [AWAY_AUTUMN_2025] }),
    today: '2026-02-01',
    decision: '2025-10-13', notIssueBy: '2025-12-22', finalPlan: '2026-01-19',
    states: { 'final-plan': 'met-late' }, finalWithin20Weeks: false, exceptionApplies: true,
  },
  {
    // Same dates, plan issued 19 Jan = day 140: within 20 weeks even though an exception applies;
    // SEN2 counts it in "all plans" and leaves it out of "excluding exceptions".
    name: 'exception (d) recorded but plan still on time',
    events: anEhcRequest({ receivedOn: '2025-09-01', finalIssuedOn: '2026-01-19', exceptions: [AWAY_AUTUMN_2025] }),
    today: '2026-02-01',
    decision: '2025-10-13', notIssueBy: '2025-12-22', finalPlan: '2026-01-19',
    states: { 'final-plan': 'met' }, finalWithin20Weeks: true, exceptionApplies: true,
  },
  {
    // 1 Apr 2025 +42: Apr 30 (29), May 13 (42). +112: May 31 (60), Jun 30 (90), Jul 22 (112). +140: Aug 19.
    // Each agency asked 22 Apr; due 22 Apr + 42: Apr 30 (8), May 31 (39), Jun 3 (42).
    // Health answered 10 Jun (7 days late); social care sent a nil return on 30 May (counts, on
    // time); education has said nothing (silence never counts: overdue on 20 Jun).
    name: 'advice met late, nil return counts as received, silence never counts',
    events: anEhcRequest({
      receivedOn: '2025-04-01', decision: { on: '2025-04-20', outcome: 'assess' },
      advice: [
        { agency: 'health', askedOn: '2025-04-22', receivedOn: '2025-06-10' },
        { agency: 'social care', askedOn: '2025-04-22', receivedOn: '2025-05-30', nilReturn: true },
        { agency: 'education', askedOn: '2025-04-22', nilReturn: false },
      ],
    }),
    today: '2025-06-20',
    decision: '2025-05-13', notIssueBy: '2025-07-22', finalPlan: '2025-08-19',
    adviceDue: ['2025-06-03', '2025-06-03', '2025-06-03'],
    states: { 'advice:health': 'met-late', 'advice:social care': 'met', 'advice:education': 'overdue', 'not-issue': 'not-due' },
  },
  {
    // 3 Feb 2025 +42: Feb 28 (25), Mar 17 (42). +112: Mar 31 (56), Apr 30 (86), May 26 (112).
    // +140: Jun 23. Decided not to assess on 10 Mar: nothing after the decision applies.
    name: 'decision not to assess, in time',
    events: anEhcRequest({ receivedOn: '2025-02-03', decision: { on: '2025-03-10', outcome: 'not-assess' } }),
    today: '2025-04-01',
    decision: '2025-03-17', notIssueBy: '2025-05-26', finalPlan: '2025-06-23',
    states: { 'decision': 'met', 'not-issue': 'not-applicable', 'final-plan': 'not-applicable' },
    finalWithin20Weeks: null, exceptionApplies: false,
  },
  {
    // Same request; told on 30 May that no plan will be issued: 4 days after 26 May (day 112).
    name: 'decision not to issue, late',
    events: anEhcRequest({
      receivedOn: '2025-02-03', decision: { on: '2025-03-14', outcome: 'assess' }, notIssuingOn: '2025-05-30',
    }),
    today: '2025-06-01',
    decision: '2025-03-17', notIssueBy: '2025-05-26', finalPlan: '2025-06-23',
    states: { 'decision': 'met', 'not-issue': 'met-late', 'final-plan': 'not-applicable' }, finalWithin20Weeks: null,
  },
  {
    // Draft sent 20 May 2025: family's 15 days end 20 May + 15 = Jun 4. Today 30 May: 5 days left.
    name: 'draft sent, comment period running',
    events: anEhcRequest({ receivedOn: '2025-02-03', decision: { on: '2025-03-14', outcome: 'assess' }, draftIssuedOn: '2025-05-20' }),
    today: '2025-05-30',
    decision: '2025-03-17', notIssueBy: '2025-05-26', finalPlan: '2025-06-23', draftComments: '2025-06-04',
    states: { 'draft-comments': 'due-soon', 'not-issue': 'not-applicable', 'final-plan': 'not-due' },
  },
  // 3 Mar 2025: decision due 14 Apr (+42). "Due soon" runs from 7 days before to the day itself.
  ...(
    [['2025-04-06', 'not-due'], ['2025-04-07', 'due-soon'], ['2025-04-14', 'due-soon'], ['2025-04-15', 'overdue']] as const
  ).map(([today, state]): Row => ({
    name: `decision due 14 April 2025 is ${state} on ${today}`,
    events: anEhcRequest({ receivedOn: '2025-03-03' }), today,
    decision: '2025-04-14', notIssueBy: '2025-06-23', finalPlan: '2025-07-21', states: { decision: state },
  })),
  {
    // An exception that ended the day before the request does not touch this case.
    name: 'exception before the request does not apply',
    events: anEhcRequest({
      receivedOn: '2025-09-01', exceptions: [{ kind: 'c', from: '2025-08-01', to: '2025-08-31', reason: 'Hospital stay' }],
    }),
    today: '2025-10-01',
    decision: '2025-10-13', notIssueBy: '2025-12-22', finalPlan: '2026-01-19', exceptionApplies: false,
  },
];

describe('worked cases: EHC needs assessment', () => {
  for (const row of rows) test(row.name, () => checkRow(row));

  test('the table has at least 15 worked cases', () => assert.ok(rows.length >= 15));

  test('weekend deadlines are not moved to a working day (calendar days, statutory.md)', () => {
    const clock = computeAssessmentClock(anEhcRequest({ receivedOn: '2025-03-01' }), '2025-03-01');
    for (const date of [clock.deadlines.decision, clock.deadlines.notIssueBy, clock.deadlines.finalPlan]) {
      assert.equal(isWeekend(date), true, date);
    }
  });
});
