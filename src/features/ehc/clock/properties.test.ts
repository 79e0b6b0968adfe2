/** Properties that must hold for every case, checked with fast-check over generated cases. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { computeAssessmentClock, type CaseEvents } from './assessment.js';
import { addDays, addMonths, addWeeks, compareDates, daysBetween, isIsoDate, type IsoDate } from './dates.js';
import type { ClockException } from './exceptions.js';
import { computeReviewClock } from './reviews.js';
import { DUE_SOON_DAYS, TWENTY_WEEKS_IN_DAYS } from './rules.js';
import type { ClockStep } from './state.js';
import { summariseTwentyWeeks } from './timeliness.js';

const EPOCH = '2000-01-01';
const date = fc.integer({ min: 0, max: 33_000 }).map((n) => addDays(EPOCH, n)); // 2000 to ~2090
const offset = (max: number) => fc.integer({ min: 0, max });

const exception = (received: IsoDate): fc.Arbitrary<ClockException> =>
  fc.record({
    kind: fc.constantFrom('a', 'b', 'c', 'd' as const),
    start: fc.integer({ min: -200, max: 500 }),
    extra: offset(120),
    reason: fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''),
  }).map(({ kind, start, extra, reason }) => {
    const from = addDays(received, start);
    const minSpan = kind === 'a' || kind === 'b' ? 28 : kind === 'd' ? 27 : 0;
    return { kind, from, to: addDays(from, minSpan + extra), reason };
  });

/** Valid cases: events after the request, in a possible order; `finalAfter` forces a late plan. */
function caseEvents(finalAfter?: number): fc.Arbitrary<CaseEvents> {
  return date.chain((receivedOn) => fc.record({
    receivedOn: fc.constant(receivedOn),
    decision: fc.option(fc.record({ d: offset(90), outcome: fc.constantFrom('assess', 'not-assess' as const) })),
    advice: fc.array(fc.record({
      agency: fc.constantFrom('health', 'social care', 'education', 'educational psychology'),
      asked: offset(150), answer: fc.option(offset(150)), nilReturn: fc.boolean(),
    }), { maxLength: 5 }),
    draft: fc.option(offset(200)),
    comments: fc.option(offset(40)),
    final: finalAfter === undefined ? fc.option(offset(500)) : fc.integer({ min: finalAfter, max: 900 }),
    notIssuing: fc.option(offset(300)),
    exceptions: fc.array(exception(receivedOn), { maxLength: 4 }),
  }).map((g): CaseEvents => {
    const notAssess = g.decision?.outcome === 'not-assess' && finalAfter === undefined;
    const draftIssuedOn = g.draft === null || notAssess ? undefined : addDays(receivedOn, g.draft);
    const finalDays = notAssess || g.final === null ? null : Math.max(g.final, g.draft ?? 0);
    return {
      receivedOn,
      decision: g.decision === null ? undefined : { on: addDays(receivedOn, g.decision.d), outcome: notAssess ? 'not-assess' : 'assess' },
      advice: g.advice.map((a) => {
        const askedOn = addDays(receivedOn, a.asked);
        return a.answer === null
          ? { agency: a.agency, askedOn }
          : { agency: a.agency, askedOn, receivedOn: addDays(askedOn, a.answer), nilReturn: a.nilReturn };
      }),
      draftIssuedOn,
      commentsReceivedOn: draftIssuedOn === undefined || g.comments === null ? undefined : addDays(draftIssuedOn, g.comments),
      finalIssuedOn: finalDays === null ? undefined : addDays(receivedOn, finalDays),
      notIssuingOn: finalDays !== null || notAssess || g.notIssuing === null ? undefined : addDays(receivedOn, g.notIssuing),
      exceptions: g.exceptions,
    };
  }));
}

const todayFor = (c: CaseEvents) => fc.integer({ min: -30, max: 700 }).map((n) => addDays(c.receivedOn, n));
const caseAndToday = (finalAfter?: number) => caseEvents(finalAfter).chain((c) => fc.tuple(fc.constant(c), todayFor(c)));

function assertConsistent(s: Pick<ClockStep, 'dueOn' | 'doneOn' | 'state'>, today: IsoDate): void {
  const left = daysBetween(today, s.dueOn);
  switch (s.state) {
    case 'met': assert.ok(s.doneOn !== null && compareDates(s.doneOn, s.dueOn) <= 0); break;
    case 'met-late': assert.ok(s.doneOn !== null && compareDates(s.doneOn, s.dueOn) > 0); break;
    case 'overdue': assert.ok(s.doneOn === null && left < 0); break;
    case 'due-soon': assert.ok(s.doneOn === null && left >= 0 && left <= DUE_SOON_DAYS); break;
    case 'not-due': assert.ok(s.doneOn === null && left > DUE_SOON_DAYS); break;
    case 'not-applicable': break;
  }
  if (s.state !== 'not-applicable') assert.equal(s.doneOn !== null, s.state === 'met' || s.state === 'met-late');
}

describe('assessment clock properties', () => {
  test('every deadline falls on or after its trigger', () => {
    fc.assert(fc.property(caseAndToday(), ([events, today]) => {
      const { deadlines, steps } = computeAssessmentClock(events, today);
      for (const d of [deadlines.decision, deadlines.notIssueBy, deadlines.finalPlan]) {
        assert.ok(compareDates(d, events.receivedOn) > 0);
      }
      for (const a of deadlines.advice) assert.ok(compareDates(a.dueOn, a.askedOn) > 0);
      if (deadlines.draftComments !== null) assert.ok(compareDates(deadlines.draftComments, events.draftIssuedOn as string) > 0);
      for (const s of steps) assert.ok(compareDates(s.dueOn, events.receivedOn) > 0);
    }), { numRuns: 500 });
  });

  test('a plan issued more than 140 days after the request is never within 20 weeks, whatever the exceptions', () => {
    fc.assert(fc.property(caseAndToday(TWENTY_WEEKS_IN_DAYS + 1), ([events, today]) => {
      assert.equal(computeAssessmentClock(events, today).timeliness.finalWithin20Weeks, false);
    }), { numRuns: 500 });
  });

  test('finalWithin20Weeks is null until the final plan is issued, then says whether it was by day 140', () => {
    fc.assert(fc.property(caseAndToday(), ([events, today]) => {
      const { timeliness } = computeAssessmentClock(events, today);
      if (events.finalIssuedOn == null) {
        assert.equal(timeliness.finalWithin20Weeks, null);
        assert.equal(timeliness.daysToFinal, null);
      } else {
        assert.equal(timeliness.finalWithin20Weeks, daysBetween(events.receivedOn, events.finalIssuedOn) <= TWENTY_WEEKS_IN_DAYS);
      }
    }), { numRuns: 500 });
  });

  test('states agree with the dates: met/met-late only when done, overdue only after the deadline', () => {
    fc.assert(fc.property(caseAndToday(), ([events, today]) => {
      const { steps, deadlines } = computeAssessmentClock(events, today);
      for (const s of steps) assertConsistent(s, today);
      for (const a of deadlines.advice) assertConsistent({ dueOn: a.dueOn, doneOn: a.receivedOn, state: a.state }, today);
    }), { numRuns: 500 });
  });

  test('exceptions never move a deadline or change a state; only exceptionApplies', () => {
    fc.assert(fc.property(caseAndToday(), ([events, today]) => {
      const withThem = computeAssessmentClock(events, today);
      const without = computeAssessmentClock({ ...events, exceptions: [] }, today);
      assert.deepEqual(withThem.deadlines, without.deadlines);
      assert.deepEqual(withThem.steps, without.steps);
      assert.equal(withThem.timeliness.finalWithin20Weeks, without.timeliness.finalWithin20Weeks);
      assert.equal(without.timeliness.exceptionApplies, false);
    }), { numRuns: 300 });
  });

  test('"excluding exceptions" never counts more plans than "all plans"', () => {
    fc.assert(fc.property(fc.array(caseAndToday(), { maxLength: 20 }), (cases) => {
      const m = summariseTwentyWeeks(cases.map(([e, t]) => computeAssessmentClock(e, t).timeliness));
      assert.ok(m.excludingExceptions.plansIssued <= m.allPlans.plansIssued);
      assert.ok(m.excludingExceptions.within20Weeks <= m.allPlans.within20Weeks);
      assert.ok(m.allPlans.within20Weeks <= m.allPlans.plansIssued);
    }), { numRuns: 100 });
  });
});

describe('review clock properties', () => {
  test('the review is due after the last review, within 12 months, and 6 months for under-5s', () => {
    fc.assert(fc.property(date, offset(25 * 366), date, (from, age, today) => {
      const dob = addDays(from, -age);
      fc.pre(compareDates(dob, EPOCH) >= 0);
      const { deadlines, steps } = computeReviewClock({ lastReviewOrPlanOn: from, dateOfBirth: dob }, today);
      assert.ok(compareDates(deadlines.dueBy, from) > 0);
      assert.ok(compareDates(deadlines.dueBy, addMonths(from, 12)) <= 0);
      if (deadlines.cadence === 'under-five') assert.equal(deadlines.dueBy, addMonths(from, 6));
      assert.ok(compareDates(deadlines.invitationsBy, deadlines.meetingOn) < 0);
      assert.ok(compareDates(deadlines.decisionBy, deadlines.reportBy) > 0);
      for (const s of steps) assertConsistent(s, today);
    }), { numRuns: 500 });
  });
});

describe('date properties', () => {
  test('addDays and daysBetween are inverses; addWeeks is 7 days a week', () => {
    fc.assert(fc.property(date, fc.integer({ min: -5000, max: 5000 }), (d, n) => {
      assert.equal(daysBetween(d, addDays(d, n)), n);
      assert.equal(addWeeks(d, Math.trunc(n / 7)), addDays(d, Math.trunc(n / 7) * 7));
      assert.ok(isIsoDate(addDays(d, n)));
    }), { numRuns: 1000 });
  });

  test('addMonths keeps the day, or clamps it to the last day of the month', () => {
    fc.assert(fc.property(date, fc.integer({ min: -120, max: 120 }), (d, n) => {
      const result = addMonths(d, n);
      const [y, m, day] = d.split('-').map(Number) as [number, number, number];
      const [ry, rm, rday] = result.split('-').map(Number) as [number, number, number];
      assert.equal((ry * 12 + rm) - (y * 12 + m), n);
      assert.ok(rday === day || (rday < day && addDays(result, 1).slice(8) === '01'));
    }), { numRuns: 1000 });
  });
});
