import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { suppress } from './suppression.js';
import { FEW_WAITS, SMALL_NUMBERS } from './library/common.js';

test('a rate on 1 to 4 children is suppressed and keeps none of its figures', () => {
  assert.deepEqual(suppress(SMALL_NUMBERS, { numerator: 3, denominator: 40, value: 7.5 }), { numerator: null, denominator: null, value: null, suppressed: true });
  assert.deepEqual(suppress(SMALL_NUMBERS, { numerator: 0, denominator: 4, value: 0 }).suppressed, true);
  assert.deepEqual(suppress(SMALL_NUMBERS, { numerator: 0, denominator: 40, value: 0 }), { numerator: 0, denominator: 40, value: 0, suppressed: false });
  assert.deepEqual(suppress(SMALL_NUMBERS, { numerator: 5, denominator: 5, value: 100 }).suppressed, false);
});

test('sessions are not children: a group of 3 pupils is suppressed however many sessions they had', () => {
  assert.equal(suppress(SMALL_NUMBERS, { numerator: 500, denominator: 570, value: 87.7, children: 3 }).suppressed, true);
  assert.equal(suppress(SMALL_NUMBERS, { numerator: 500, denominator: 570, value: 87.7, children: 30 }).suppressed, false);
});

test('a median wait over fewer than 10 waits is not shown', () => {
  assert.equal(suppress(FEW_WAITS, { numerator: null, denominator: 9, value: 40 }).suppressed, true);
  assert.equal(suppress(FEW_WAITS, { numerator: null, denominator: 10, value: 40 }).suppressed, false);
  assert.equal(suppress(FEW_WAITS, { numerator: null, denominator: 0, value: null }).suppressed, false);
});

test('whatever the counts, a shown value never rests on a count from 1 to 4', () => {
  fc.assert(
    fc.property(fc.nat(200), fc.nat(200), fc.option(fc.nat(50), { nil: undefined }), (a, b, children) => {
      const n = Math.min(a, b);
      const d = Math.max(a, b);
      const p = suppress(SMALL_NUMBERS, { numerator: n, denominator: d, value: d ? (100 * n) / d : null, ...(children === undefined ? {} : { children }) });
      if (!p.suppressed) for (const c of [n, d, children ?? 0]) assert.ok(c === 0 || c >= 5);
      else assert.equal(p.value, null);
    }),
  );
});
