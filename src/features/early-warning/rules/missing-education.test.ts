import { test } from 'node:test';
import assert from 'node:assert/strict';
import { missingEducation } from './missing-education.js';
import { apPastPlannedEnd, type ApPlacement } from './ap.js';

test('children missing education: an open CME episode flags to casework; a closed or future one does not', () => {
  const ep = { key: 'e1', status: 'CME', startDate: '2025-02-01', endDate: null, laChildId: 'CUM1234567' };
  const [f] = missingEducation('c1', [ep], '2025-03-03');
  assert.equal(f!.team, 'casework');
  assert.match(f!.summary, /since 1 February 2025 \(30 days\)/);
  assert.deepEqual(missingEducation('c1', [{ ...ep, endDate: '2025-02-20' }], '2025-03-03'), []);
  assert.deepEqual(missingEducation('c1', [{ ...ep, startDate: '2025-04-01' }], '2025-03-03'), []);
  assert.deepEqual(missingEducation('c1', [{ ...ep, status: 'CIN' }], '2025-03-03'), []);
});

test('AP past its planned end: open more than a week after it, flagged to casework and shared with the setting', () => {
  const p: ApPlacement = { key: 'p1', apUrn: '900101', commissioner: 'school', startDate: '2024-09-18', plannedEndDate: '2025-01-24', endDate: null, sessionsPerWeek: 5, reason: 'behaviour-support' };
  const [f] = apPastPlannedEnd('c1', [p], '2025-02-03');
  assert.equal(f!.team, 'casework');
  assert.equal(f!.urn, '900101');
  assert.match(f!.summary, /planned to end on 24 January 2025 is still open, 10 days later/);
  assert.deepEqual(apPastPlannedEnd('c1', [p], '2025-01-31'), [], 'a week’s grace');
  assert.deepEqual(apPastPlannedEnd('c1', [{ ...p, endDate: '2025-01-30' }], '2025-02-03'), [], 'ended');
  assert.deepEqual(apPastPlannedEnd('c1', [{ ...p, plannedEndDate: null }], '2025-02-03'), [], 'no planned end');
});
