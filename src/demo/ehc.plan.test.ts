import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareDates, finalWithinTwentyWeeks } from '../features/ehc/clock/index.js';
import { upnProblem, nhsNumberProblem } from '../platform/identifiers/identifiers.js';
import { DEMO_PLANS_2024, DEMO_WITHIN_2024 } from './ehc.calibration.js';
import { plannedEventDate } from './ehc.lifecycle.js';
import { schoolYearOn } from './ehc.people.js';
import { DEMO_PFA_CHILD, planDemo, type PlannedCase } from './ehc.plan.js';
import { mulberry32 } from './prng.js';

const TODAYS = ['2026-01-15', '2026-09-01', '2026-11-24', '2027-02-28', '2028-07-31'];
const finalOf = (c: PlannedCase) => c.events.find((e) => e.type === 'final-issued') as { on: string } | undefined;

test('mulberry32 is deterministic and stays in [0, 1)', () => {
  const a = mulberry32(42);
  const b = mulberry32(42);
  for (let i = 0; i < 1000; i++) {
    const x = a();
    assert.equal(x, b());
    assert.ok(x >= 0 && x < 1);
  }
});

test('the plan is the same for the same today and seed, and differs with the seed', () => {
  assert.deepEqual(planDemo('2026-11-24'), planDemo('2026-11-24'));
  assert.notDeepEqual(planDemo('2026-11-24', 1), planDemo('2026-11-24', 2));
});

for (const today of TODAYS) {
  test(`on ${today}: every date is between the request and today; 2024's plans are calibrated`, () => {
    const cases = planDemo(today);
    assert.ok(cases.length >= 110 && cases.length <= 130, `${cases.length} cases`);
    for (const c of cases) {
      assert.ok(compareDates(c.request.receivedOn, today) <= 0, c.label);
      for (const e of c.events) {
        const d = plannedEventDate(e);
        assert.ok(compareDates(d, today) <= 0 && compareDates(d, c.request.receivedOn) >= 0, `${c.label}: ${e.type} on ${d}`);
      }
    }
    const in2024 = cases.filter((c) => finalOf(c)?.on.startsWith('2024'));
    assert.equal(in2024.length, DEMO_PLANS_2024);
    assert.equal(in2024.filter((c) => finalWithinTwentyWeeks(c.request.receivedOn, finalOf(c)!.on)).length, DEMO_WITHIN_2024);
    const pfa = cases.find((c) => c.child !== 'mia' && c.child.givenName === DEMO_PFA_CHILD.givenName && c.child.familyName === DEMO_PFA_CHILD.familyName);
    assert.ok(pfa && pfa.child !== 'mia');
    assert.equal(schoolYearOn(pfa.child.dateOfBirth, today), 10);
  });
}

test('2024 is history: its requests and plans have the same dates whatever today is', () => {
  const dates = (today: string) => planDemo(today).filter((c) => finalOf(c)?.on.startsWith('2024')).map((c) => [c.request.receivedOn, finalOf(c)!.on]);
  assert.deepEqual(dates('2026-11-24'), dates('2028-07-31'));
});

test('children have unique names and identifiers that pass the real checks', () => {
  const children = planDemo('2026-11-24').flatMap((c) => (c.child === 'mia' ? [] : [c.child]));
  assert.equal(new Set(children.map((c) => `${c.givenName} ${c.familyName}`)).size, children.length);
  assert.equal(new Set(children.map((c) => c.upn)).size, children.length);
  assert.equal(new Set(children.map((c) => c.nhsNumber)).size, children.length);
  for (const c of children) {
    assert.equal(upnProblem(c.upn), undefined, c.upn);
    assert.equal(nhsNumberProblem(c.nhsNumber), undefined, c.nhsNumber);
    assert.match(c.nhsNumber, /^999/, 'NHS test-number range');
  }
});

test('Year 10 is 14 on 31 August before the school year', () => {
  assert.equal(schoolYearOn('2011-09-01', '2026-11-24'), 10);
  assert.equal(schoolYearOn('2012-08-31', '2026-11-24'), 10);
  assert.equal(schoolYearOn('2011-08-31', '2026-11-24'), 11);
  assert.equal(schoolYearOn('2012-09-01', '2026-11-24'), 9);
  assert.equal(schoolYearOn('2012-08-31', '2026-08-31'), 9);
});
