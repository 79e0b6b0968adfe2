import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeContributions, NO_TEAM, NOT_ASKED, percent, UNKNOWN_LOCALITY, type IssuedPlan, type PlanAdvice } from './contributions.js';

const CAMHS = { id: 't1', name: 'CAMHS' };
const CWD = { id: 't2', name: 'Children with Disabilities Team' };
const due = '2026-05-01';
const onTime = (agency: PlanAdvice['agency'], team: PlanAdvice['team'] = agency === 'health' ? CAMHS : CWD, nilReturn = false): PlanAdvice => ({ agency, team, dueOn: due, receivedOn: '2026-04-30', nilReturn });
const late = (agency: PlanAdvice['agency'], team: PlanAdvice['team'] = agency === 'health' ? CAMHS : CWD): PlanAdvice => ({ agency, team, dueOn: due, receivedOn: '2026-05-02', nilReturn: false });
const missing = (agency: PlanAdvice['agency'], team: PlanAdvice['team'] = agency === 'health' ? CAMHS : CWD): PlanAdvice => ({ agency, team, dueOn: due, receivedOn: null, nilReturn: false });
const plan = (id: string, locality: string | null, ...advice: PlanAdvice[]): IssuedPlan => ({ requestId: id, locality, advice });

const PLANS = [
  plan('p1', 'Allerdale', onTime('health'), onTime('social-care')),
  plan('p2', 'Allerdale', late('health'), onTime('social-care', CWD, true)), // nil return counts as received
  plan('p3', 'Copeland', missing('health'), late('social-care')),
  plan('p4', 'Copeland', onTime('health', CAMHS, true)), // social care never asked
  plan('p5', null, onTime('education', null)), // neither asked
];

test('by locality: each plan in its child’s locality; nil returns count, silence does not', () => {
  const { total, groups } = computeContributions(PLANS, 'locality');
  assert.equal(total.plans, 5);
  assert.deepEqual(total.health, { asked: 4, received: 3, receivedOnTime: 2, nilReturns: 1 });
  assert.deepEqual(total.socialCare, { asked: 3, received: 3, receivedOnTime: 2, nilReturns: 1 });
  assert.deepEqual(groups.map((g) => [g.group, g.plans, g.health.received, g.health.receivedOnTime, g.socialCare.received, g.socialCare.receivedOnTime]), [
    ['Allerdale', 2, 2, 1, 2, 2],
    ['Copeland', 2, 1, 1, 1, 0],
    [UNKNOWN_LOCALITY, 1, 0, 0, 0, 0],
  ]);
});

test('by team: a plan counts under every team asked, with that team’s advice only', () => {
  const { total, groups } = computeContributions(PLANS, 'team');
  assert.equal(total.plans, 5);
  const row = (name: string) => groups.find((g) => g.group === name)!;
  assert.deepEqual([row('CAMHS').plans, row('CAMHS').health.received, row('CAMHS').health.receivedOnTime, row('CAMHS').socialCare.asked], [4, 3, 2, 0]);
  assert.deepEqual([row(CWD.name).plans, row(CWD.name).socialCare.received, row(CWD.name).socialCare.receivedOnTime, row(CWD.name).health.asked], [3, 3, 2, 0]);
  assert.equal(row(NOT_ASKED).plans, 1);
  assert.deepEqual(groups.map((g) => g.group), ['CAMHS', CWD.name, NOT_ASKED]);
});

test('people without a team, and two requests to one agency for one plan', () => {
  const plans = [
    plan('p1', 'Eden', onTime('health', null), late('health', CAMHS)),
    plan('p2', 'Eden', onTime('health', null), onTime('health', null)),
  ];
  const byLocality = computeContributions(plans, 'locality');
  // p1: received (both answered) but not on time (one was late); p2: both on time.
  assert.deepEqual(byLocality.total.health, { asked: 2, received: 2, receivedOnTime: 1, nilReturns: 0 });
  const byTeam = computeContributions(plans, 'team');
  assert.deepEqual(byTeam.groups.map((g) => [g.group, g.plans, g.health.receivedOnTime]), [['CAMHS', 1, 0], [NO_TEAM, 2, 2]]);
});

test('received on time needs every request answered by its due date; one outstanding is not on time', () => {
  const { total } = computeContributions([plan('p1', 'Eden', onTime('health'), missing('health', { id: 't3', name: 'Paediatrics' }))], 'locality');
  assert.deepEqual(total.health, { asked: 1, received: 1, receivedOnTime: 0, nilReturns: 0 });
  const onDueDate = computeContributions([plan('p1', 'Eden', { agency: 'health', team: CAMHS, dueOn: due, receivedOn: due, nilReturn: false })], 'locality');
  assert.equal(onDueDate.total.health.receivedOnTime, 1);
});

test('no plans: zero counts and no percentages', () => {
  const { total, groups } = computeContributions([], 'team');
  assert.equal(total.plans, 0);
  assert.deepEqual(groups, []);
  assert.equal(percent(0, 0), '–');
  assert.equal(percent(2, 3), '67%');
  assert.equal(percent(1, 8), '13%');
});
