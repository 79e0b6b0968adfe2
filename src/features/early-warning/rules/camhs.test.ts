import { test } from 'node:test';
import assert from 'node:assert/strict';
import { senSupportCamhsWait, type CamhsReferral } from './camhs.js';

const ref = (over: Partial<CamhsReferral> = {}): CamhsReferral => ({
  referralId: 'R1', providerCode: 'RX4', referralDate: '2025-01-06', outcome: 'accepted', firstContactDate: '2025-02-01',
  treatmentStartDate: null, dischargeDate: null, extractDate: '2025-08-31', ...over,
});
const K = { provision: 'K', censusDate: '2025-05-15', urn: '900300' };

test('SEN Support and waiting over 18 weeks from an accepted referral flags, to health, once a referral', () => {
  const [f] = senSupportCamhsWait('c1', K, [ref()], '2025-06-02');
  assert.equal(f!.rule, 'camhs-wait');
  assert.equal(f!.team, 'health');
  assert.equal(f!.episode, 'R1');
  assert.match(f!.summary, /waiting 21 weeks/);
  assert.equal(senSupportCamhsWait('c1', K, [ref(), ref({ referralId: 'R2' })], '2025-06-02').length, 2);
});

test('not at 18 weeks exactly, not once treated or discharged, not if declined, not without SEN Support', () => {
  assert.deepEqual(senSupportCamhsWait('c1', K, [ref()], '2025-05-12'), []); // 18 weeks to the day
  assert.equal(senSupportCamhsWait('c1', K, [ref()], '2025-05-19').length, 1); // 19 weeks
  assert.deepEqual(senSupportCamhsWait('c1', K, [ref({ treatmentStartDate: '2025-05-01' })], '2025-06-02'), []);
  assert.deepEqual(senSupportCamhsWait('c1', K, [ref({ dischargeDate: '2025-05-01' })], '2025-06-02'), []);
  assert.deepEqual(senSupportCamhsWait('c1', K, [ref({ outcome: 'signposted' })], '2025-06-02'), []);
  assert.deepEqual(senSupportCamhsWait('c1', { ...K, provision: 'E' }, [ref()], '2025-06-02'), []);
  assert.deepEqual(senSupportCamhsWait('c1', null, [ref()], '2025-06-02'), []);
});
