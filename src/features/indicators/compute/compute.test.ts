import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ComputedValue } from '../indicator.types.js';
import { ehcIndicatorValues, type RequestFacts } from './ehc.compute.js';
import { camhsValues, type ReferralFacts } from './camhs.compute.js';
import { attendanceValues, exclusionValues } from './attendance.compute.js';
import { apValues, healthCheckValues, post16Values, senValues } from './services.compute.js';
import type { Cohort } from './cohorts.js';

const whole = (values: ComputedValue[], id: string, period: string) => values.find((v) => v.indicatorId === id && v.period === period && v.breakdown === '');
const group = (values: ComputedValue[], id: string, breakdown: string, value: string) => values.find((v) => v.indicatorId === id && v.breakdown === breakdown && v.breakdownValue === value);

const request = (r: Partial<RequestFacts>): RequestFacts => ({
  id: 'r', receivedOn: '2025-01-06', decisionOn: null, finalIssuedOn: null, notIssuingOn: null, decision: null, locality: 'Carlisle', exceptions: [], ...r,
});

test('20 weeks: day 140 is on time, day 141 late; an exception takes a plan out of the "excluding" measure only', () => {
  const values = ehcIndicatorValues(
    {
      requests: [
        request({ finalIssuedOn: '2025-05-26' }), // day 140
        request({ finalIssuedOn: '2025-05-27' }), // day 141
        request({ finalIssuedOn: '2025-09-01', exceptions: [{ kind: 'a', from: '2025-03-01', to: '2025-03-31', reason: 'family holiday' }], locality: 'Copeland' }),
        request({ finalIssuedOn: '2027-01-01' }), // after today: not counted
      ],
      advice: [],
      reviews: [],
      plans: [],
      issuedPlans: new Map(),
    },
    '2026-11-24',
  );
  assert.deepEqual(
    [whole(values, 'ehcp-issued-within-20-weeks', '2025')!.numerator, whole(values, 'ehcp-issued-within-20-weeks', '2025')!.denominator],
    [1, 3],
  );
  const ex = whole(values, 'ehcp-issued-within-20-weeks-excluding-exceptions', '2025')!;
  assert.deepEqual([ex.numerator, ex.denominator], [1, 2]);
  assert.equal(group(values, 'ehcp-issued-within-20-weeks', 'locality', 'Copeland')!.denominator, 1);
  assert.equal(values.some((v) => v.period === '2027'), false);
});

test('6 weeks, advice by agency, annual reviews, and plans maintained on the January census day', () => {
  const values = ehcIndicatorValues(
    {
      requests: [request({ decisionOn: '2025-02-17' }), request({ decisionOn: '2025-02-18' })], // day 42, day 43
      advice: [
        { agency: 'health', dueOn: '2025-03-01', receivedOn: '2025-03-01' },
        { agency: 'health', dueOn: '2025-03-01', receivedOn: null },
        { agency: 'social-care', dueOn: '2025-03-01', receivedOn: '2025-03-02' },
        { agency: 'social-care', dueOn: '2027-03-01', receivedOn: null },
      ],
      reviews: [{ dueBy: '2025-06-01', meetingOn: '2025-05-30', locality: null }, { dueBy: '2025-06-01', meetingOn: null, locality: null }],
      plans: [{ firstIssuedOn: '2024-03-01', ceasedOn: null }, { firstIssuedOn: '2024-03-01', ceasedOn: '2025-01-10' }, { firstIssuedOn: '2025-02-01', ceasedOn: null }],
      issuedPlans: new Map(),
    },
    '2026-11-24',
  );
  assert.equal(whole(values, 'ehc-decision-within-6-weeks', '2025')!.value, 50);
  assert.equal(group(values, 'advice-on-time', 'agency', 'health')!.value, 50);
  assert.equal(group(values, 'advice-on-time', 'agency', 'social-care')!.denominator, 1, 'advice not yet due is not counted');
  assert.equal(whole(values, 'annual-reviews-on-time', '2025')!.value, 50);
  assert.equal(group(values, 'annual-reviews-on-time', 'locality', 'Unknown')!.denominator, 2);
  assert.equal(whole(values, 'ehc-plans-maintained', '202324'), undefined, 'no count before the first plan');
  assert.equal(whole(values, 'ehc-plans-maintained', '202425')!.value, 1, 'one ceased before 15 January 2025, one not yet issued');
  assert.equal(whole(values, 'ehc-plans-maintained', '202526')!.value, 2);
});

const referral = (r: Partial<ReferralFacts>): ReferralFacts => ({
  referralDate: '2025-01-10', firstContactDate: null, treatmentStartDate: null, dischargeDate: null, outcome: 'accepted', extractDate: '2025-03-31', locality: 'Millom', provider: 'RTV', ...r,
});

test('CAMHS: waiting at each month end; median and 90th percentile of waits ended in the month, by locality and provider', () => {
  const waits = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
  const referrals = [
    ...waits.map((d) => referral({ referralDate: '2025-01-01', firstContactDate: new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10) })),
    referral({ referralDate: '2025-01-20' }), // still waiting at the extract
    referral({ referralDate: '2025-01-20', outcome: 'signposted' }), // not waiting for CAMHS
  ];
  const values = camhsValues(referrals, '2026-01-01');
  // On 31 January: the ten referred on 1 January less the three seen by then (waits of 10, 20, 30 days), and one more.
  assert.equal(whole(values, 'camhs-waiting', '2025-01')!.value, 8);
  assert.equal(whole(values, 'camhs-waiting', '2025-03')!.value, 3, 'the 90- and 100-day waits end in April; one has no contact yet');
  const feb = whole(values, 'camhs-median-wait-first-contact', '2025-02');
  assert.deepEqual([feb?.denominator, feb?.value], [2, 45], 'waits of 40 and 50 days ended in February');
  const all = camhsValues(referrals.map((r) => ({ ...r, extractDate: '2025-12-31' })), '2026-01-01');
  const months = all.filter((v) => v.indicatorId === 'camhs-p90-wait-first-contact' && v.breakdown === 'locality' && v.breakdownValue === 'Millom');
  assert.ok(months.length > 0, 'border localities are broken down like any other');
  assert.equal(group(all, 'camhs-waiting', 'provider', 'RTV')?.breakdownValue, 'RTV');
});

const cohort = (upn: string, c: Partial<Cohort> = {}): Cohort => ({ upn, childId: null, urn: '1', sen: 'N', need: 'none', fsm: 'no', locality: 'Carlisle', socialCare: 'none', phase: 'primary', ...c });

test('attendance: sessions for the rate; pupils for persistent (10%) and severe (50%) absence', () => {
  const cohorts = new Map([['a', cohort('a', { sen: 'E', need: 'ASD' })], ['b', cohort('b')], ['c', cohort('c')]]);
  const values = attendanceValues('202526', [
    { upn: 'a', possible: 100, attending: 90 }, // exactly 10%: persistent
    { upn: 'b', possible: 100, attending: 50 }, // 50%: severe too
    { upn: 'c', possible: 100, attending: 100 },
    { upn: 'z', possible: 0, attending: 0 }, // no possible sessions: not counted
  ], cohorts);
  const rate = whole(values, 'attendance-rate', '202526')!;
  assert.deepEqual([rate.numerator, rate.denominator, rate.children], [240, 300, 3]);
  assert.equal(whole(values, 'persistent-absence', '202526')!.numerator, 2);
  assert.equal(whole(values, 'severe-absence', '202526')!.numerator, 1);
  assert.equal(group(values, 'persistent-absence', 'sen-provision', 'E')!.value, 100);
  assert.equal(group(values, 'attendance-rate', 'primary-need', 'ASD')!.children, 1);
});

test('exclusions: suspensions per 100 pupils, permanent per 10,000, pupils with one or more', () => {
  const cohorts = new Map(['a', 'b', 'c', 'd'].map((u) => [u, cohort(u)]));
  const values = exclusionValues('202526', cohorts, [
    { upn: 'a', category: 'suspension' },
    { upn: 'a', category: 'suspension' },
    { upn: 'b', category: 'permanent' },
    { upn: 'not-on-roll', category: 'suspension' },
  ]);
  assert.equal(whole(values, 'suspension-rate', '202526')!.value, 50);
  assert.equal(whole(values, 'permanent-exclusion-rate', '202526')!.value, 2500);
  assert.equal(whole(values, 'one-or-more-suspensions', '202526')!.value, 25);
});

test('checks: coverage of checks due; concerns confirmed as SEN only once a year has passed', () => {
  const values = healthCheckValues(
    [
      { checkType: '2-2.5-year', dueDate: '2024-10-01', completedDate: '2024-10-05', outcome: 'concern', locality: 'Allerdale', confirmedSen: true },
      { checkType: '2-2.5-year', dueDate: '2024-10-01', completedDate: '2024-10-05', outcome: 'referred', locality: 'Allerdale', confirmedSen: false },
      { checkType: '2-2.5-year', dueDate: '2024-10-01', completedDate: null, outcome: 'not-seen', locality: 'Allerdale', confirmedSen: null },
      { checkType: '2-2.5-year', dueDate: '2024-10-01', completedDate: null, outcome: 'declined', locality: 'Allerdale', confirmedSen: null },
      { checkType: 'year-6', dueDate: '2026-01-01', completedDate: '2026-01-02', outcome: 'concern', locality: 'Allerdale', confirmedSen: false },
    ],
    '2026-06-01',
  );
  assert.equal(whole(values, 'health-check-coverage', '202425')!.value, 50);
  const confirmed = whole(values, 'health-check-concern-confirmed-send', '202425')!;
  assert.deepEqual([confirmed.numerator, confirmed.denominator], [1, 2]);
  assert.equal(whole(values, 'health-check-concern-confirmed-send', '202526'), undefined, 'too recent to know');
});

test('AP: children in a placement, median length of placements ended, returns to school', () => {
  const values = apValues(
    [
      { upn: 'a', startDate: '2025-09-01', endDate: '2025-11-24', outcome: 'reintegrated' }, // 12 weeks
      { upn: 'b', startDate: '2025-09-01', endDate: '2026-01-26', outcome: 'special-school' }, // 21 weeks
      { upn: 'c', startDate: '2025-10-01', endDate: null, outcome: null },
      { upn: 'a', startDate: '2026-02-02', endDate: null, outcome: null },
    ],
    ['202526'],
    (_p, upn) => (upn === 'a' ? 'K' : 'N'),
    '2026-11-24',
  );
  assert.equal(whole(values, 'children-in-ap', '202526')!.value, 3);
  assert.equal(group(values, 'children-in-ap', 'sen-provision', 'K')!.value, 1);
  assert.equal(whole(values, 'ap-median-length', '202526')!.value, 16.5);
  assert.equal(whole(values, 'ap-reintegration', '202526')!.value, 50);
});

test('post-16: shares of those whose activity is known; not known of all', () => {
  const values = post16Values([
    { month: '2025-12', activity: 'education', sen: 'E' },
    { month: '2025-12', activity: 'neet', sen: 'K' },
    { month: '2025-12', activity: 'apprenticeship', sen: 'N' },
    { month: '2025-12', activity: 'unknown', sen: 'N' },
  ]);
  assert.equal(whole(values, 'post16-in-education-employment-training', '2025-12')!.denominator, 3);
  assert.equal(whole(values, 'neet-rate', '2025-12')!.numerator, 1);
  assert.equal(whole(values, 'post16-activity-not-known', '2025-12')!.value, 25);
});

test('SEN rates: of all pupils; by primary need, each need’s pupils over all pupils', () => {
  const cohorts = new Map([
    ['a', cohort('a', { sen: 'K', need: 'SPLD' })],
    ['b', cohort('b', { sen: 'K', need: 'SEMH' })],
    ['c', cohort('c', { sen: 'E', need: 'ASD' })],
    ['d', cohort('d')],
  ]);
  const values = senValues('202526', cohorts);
  assert.equal(whole(values, 'sen-support-rate', '202526')!.value, 50);
  assert.equal(whole(values, 'ehcp-rate', '202526')!.value, 25);
  const spld = group(values, 'sen-support-rate', 'primary-need', 'SPLD')!;
  assert.deepEqual([spld.numerator, spld.denominator], [1, 4]);
});

test('weekly cells roll up to the whole area, each SEN status and each locality, week by week', async () => {
  const { rollUpWeekly, weeklyValues } = await import('./attendance.compute.js');
  const rates = rollUpWeekly([
    { week: '2025-09-08', sen: 'E', locality: 'Carlisle', possible: 100, attending: 90, pupils: 10 },
    { week: '2025-09-08', sen: 'N', locality: 'Carlisle', possible: 300, attending: 290, pupils: 30 },
    { week: '2025-09-08', sen: 'N', locality: 'Copeland', possible: 100, attending: 80, pupils: 10 },
  ]);
  const find = (b: string, g: string) => rates.find((r) => r.breakdown === b && r.group === g)!;
  assert.deepEqual([find('', '').possible, find('', '').attending, find('', '').pupils], [500, 460, 50]);
  assert.equal(find('sen-provision', 'N').possible, 400);
  assert.equal(find('locality', 'Carlisle').attending, 380);
  const values = weeklyValues(rates);
  assert.equal(values.find((v) => v.breakdown === '')!.value, 92);
  assert.equal(values.find((v) => v.breakdownValue === 'Copeland')!.children, 10);
});
