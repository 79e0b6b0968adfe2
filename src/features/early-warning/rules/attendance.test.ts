import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attendanceFall, persistentAbsenceOnset, type RecentAttendance, type YearAttendance } from './attendance.js';

const recent = (over: Partial<RecentAttendance> = {}): RecentAttendance => ({
  childId: 'c1', urn: '900001', latestWeek: '2025-03-17',
  baseline: { weeks: 12, possible: 120, attended: 114, from: '2024-12-02', to: '2025-02-24' },
  recent: { weeks: 4, possible: 40, attended: 32, from: '2025-02-24', to: '2025-03-17' },
  recentWeekRates: [0.8, 0.8, 0.8, 0.8],
  ...over,
});

test('attendance falling: 95% to 80% over four weeks flags, with the figures and dates as evidence', () => {
  const f = attendanceFall(recent(), '2025-03-20')!;
  assert.equal(f.rule, 'attendance-fall');
  assert.equal(f.team, 'school');
  assert.equal(f.urn, '900001');
  assert.equal(f.episode, '202425');
  assert.match(f.summary, /from 95\.0% to 80\.0% \(15\.0 percentage points\)/);
  const labels = f.evidence.items.map((i) => i.label);
  assert.ok(labels.includes('Baseline from the week of'));
  assert.equal(f.evidence.items.find((i) => i.label === 'Recent weeks to the week of')!.value, '2025-03-17');
});

test('attendance falling: exactly 10 points flags; 9.9 does not', () => {
  assert.ok(attendanceFall(recent({ recent: { weeks: 4, possible: 40, attended: 34, from: 'a', to: 'b' }, recentWeekRates: [0.85, 0.85, 0.85, 0.85] }), '2025-03-20'));
  const base = { weeks: 12, possible: 1000, attended: 949, from: 'a', to: 'b' };
  assert.equal(attendanceFall(recent({ baseline: base, recent: { weeks: 4, possible: 40, attended: 34, from: 'a', to: 'b' } }), '2025-03-20'), null);
});

test('attendance falling: one week off ill is not a fall; stale data, short baselines and few sessions are not judged', () => {
  assert.equal(attendanceFall(recent({ recentWeekRates: [1, 1, 0.2, 1] }), '2025-03-20'), null);
  assert.equal(attendanceFall(recent(), '2025-05-20'), null);
  assert.equal(attendanceFall(recent({ baseline: { weeks: 5, possible: 50, attended: 50, from: 'a', to: 'b' } }), '2025-03-20'), null);
  assert.equal(attendanceFall(recent({ recent: { weeks: 1, possible: 10, attended: 0, from: 'a', to: 'b' } }), '2025-03-20'), null);
});

const year = (over: Partial<YearAttendance> = {}): YearAttendance => ({
  childId: 'c1', urn: '900002', latestWeek: '2025-11-24',
  year: { weeks: 12, possible: 120, attended: 106, from: '2025-09-01', to: '2025-11-24' },
  earlier: { weeks: 8, possible: 80, attended: 76, from: '2025-09-01', to: '2025-10-20' },
  ...over,
});

test('onset of persistent absence: below 90% now, at or above before the last four weeks', () => {
  const f = persistentAbsenceOnset(year(), '2025-11-26')!;
  assert.equal(f.rule, 'persistent-absence');
  assert.equal(f.episode, '202526');
  assert.match(f.summary, /2025\/26 so far is 88\.3%/);
  assert.ok(f.evidence.items.some((i) => i.label === 'Four school weeks earlier' && i.value.startsWith('95.0%')));
});

test('onset of persistent absence: not when already persistently absent, at 90% exactly, or too early in the year', () => {
  assert.equal(persistentAbsenceOnset(year({ earlier: { weeks: 8, possible: 80, attended: 70, from: 'a', to: 'b' } }), '2025-11-26'), null);
  assert.equal(persistentAbsenceOnset(year({ year: { weeks: 12, possible: 120, attended: 108, from: 'a', to: 'b' } }), '2025-11-26'), null);
  assert.equal(persistentAbsenceOnset(year({ year: { weeks: 5, possible: 50, attended: 20, from: 'a', to: 'b' } }), '2025-11-26'), null);
  // Too few sessions before the last four weeks to judge: the onset is now.
  assert.ok(persistentAbsenceOnset(year({ earlier: { weeks: 2, possible: 20, attended: 10, from: 'a', to: 'b' } }), '2025-11-26'));
});
