import { test } from 'node:test';
import assert from 'node:assert/strict';
import { healthCheckNotFollowedUp, type FollowUps, type HealthCheck } from './health-checks.js';

const none: FollowUps = { lastCheckDone: null, lastCamhsReferral: null, lastSenCensus: null, lastEhcRequest: null };
const missed: HealthCheck = { key: 'k1', checkType: '2-2.5-year', dueDate: '2025-01-10', completedDate: null, outcome: 'not-seen' };
const concern: HealthCheck = { key: 'k2', checkType: 'school-entry', dueDate: '2024-12-01', completedDate: '2025-01-10', outcome: 'concern' };

test('a missed developmental review with no check since flags to health after 8 weeks', () => {
  const [f] = healthCheckNotFollowedUp('c1', [missed], none, '2025-03-10');
  assert.equal(f!.rule, 'health-check');
  assert.equal(f!.team, 'health');
  assert.match(f!.summary, /^The 2 to 2½ year review due on 10 January 2025 was missed/);
  assert.deepEqual(healthCheckNotFollowedUp('c1', [missed], none, '2025-02-20'), [], 'within the 8 weeks’ grace');
  assert.deepEqual(healthCheckNotFollowedUp('c1', [missed], { ...none, lastCheckDone: '2025-02-01' }, '2025-03-10'), [], 'seen since');
  assert.deepEqual(healthCheckNotFollowedUp('c1', [{ ...missed, outcome: 'declined' }], none, '2025-03-10'), [], 'declined is the family’s choice');
  assert.deepEqual(healthCheckNotFollowedUp('c1', [{ ...missed, checkType: 'year-9' }], none, '2025-03-10'), [], 'not a developmental check');
  assert.deepEqual(healthCheckNotFollowedUp('c1', [missed], none, '2026-03-10'), [], 'over a year ago');
});

test('a concern with nothing after it in 12 weeks flags; any follow-up stops it', () => {
  assert.equal(healthCheckNotFollowedUp('c1', [concern], none, '2025-04-10').length, 1);
  assert.deepEqual(healthCheckNotFollowedUp('c1', [concern], none, '2025-03-10'), [], 'not yet 12 weeks');
  for (const f of [{ lastCheckDone: '2025-02-01' }, { lastCamhsReferral: '2025-02-01' }, { lastSenCensus: '2025-01-16' }, { lastEhcRequest: '2025-03-01' }]) {
    assert.deepEqual(healthCheckNotFollowedUp('c1', [concern], { ...none, ...f }, '2025-04-10'), [], JSON.stringify(f));
  }
  assert.deepEqual(healthCheckNotFollowedUp('c1', [{ ...concern, outcome: 'referred' }], none, '2025-04-10'), [], 'a referral is the follow-up');
});
