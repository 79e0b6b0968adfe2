import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { discloseCount, discloseRate } from './disclosure.js';

test('counts of 1 to 4 are suppressed; 0 and 5 or more are shown', () => {
  assert.deepEqual(discloseCount(0), { value: 0, suppressed: false, text: '0' });
  assert.deepEqual(discloseCount(3), { value: null, suppressed: true, text: 'fewer than 5' });
  assert.deepEqual(discloseCount(5), { value: 5, suppressed: false, text: '5' });
  assert.equal(discloseCount(12345).text, '12,345');
  assert.throws(() => discloseCount(-1), RangeError);
  assert.throws(() => discloseCount(2.5), RangeError);
});

test('a rate on a small numerator or denominator is never shown', () => {
  assert.equal(discloseRate(3, 200).suppressed, true);
  assert.equal(discloseRate(0, 3).suppressed, true);
  assert.equal(discloseRate(0, 0).value, null);
  assert.equal(discloseRate(42, 100).text, '42.0%');
  fc.assert(
    fc.property(fc.nat(10_000), fc.nat(10_000), (a, b) => {
      const r = discloseRate(Math.min(a, b), Math.max(a, b));
      if (r.value !== null) assert.ok(!r.numerator.suppressed && !r.denominator.suppressed);
    }),
  );
});
