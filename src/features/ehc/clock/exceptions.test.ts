import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ClockInputError } from './errors.js';
import { anyExceptionApplies, checkException, closureExceptionWindow, isInWindow, type ClockException } from './exceptions.js';

describe('exception (a)/(b) window for a closure of 4 weeks or more', () => {
  // Summer 2025: first day closed 23 Jul, reopens 3 Sep (42 days). Window: each date less 7 days.
  const window = closureExceptionWindow({ closesOn: '2025-07-23', reopensOn: '2025-09-03' });

  test('starts a week before the closure and ends a week before reopening', () => {
    assert.deepEqual(window, { from: '2025-07-16', to: '2025-08-27' });
  });

  test('an advice request on either end is in the window; a day outside is not', () => {
    assert.equal(isInWindow('2025-07-16', window), true);
    assert.equal(isInWindow('2025-08-27', window), true);
    assert.equal(isInWindow('2025-07-15', window), false);
    assert.equal(isInWindow('2025-08-28', window), false);
  });

  test('a closure of exactly 4 weeks qualifies; a shorter one (Christmas) does not', () => {
    assert.deepEqual(closureExceptionWindow({ closesOn: '2025-07-23', reopensOn: '2025-08-20' }), { from: '2025-07-16', to: '2025-08-13' });
    assert.throws(() => closureExceptionWindow({ closesOn: '2025-07-23', reopensOn: '2025-08-19' }),
      (e: unknown) => e instanceof ClockInputError && e.field === 'reopensOn');
    assert.throws(() => closureExceptionWindow({ closesOn: '2025-12-20', reopensOn: '2026-01-05' }), ClockInputError);
  });
});

describe('checking a recorded exception', () => {
  const ok: ClockException = { kind: 'd', from: '2025-07-05', to: '2025-08-01', reason: 'Abroad with family' };

  test('(d) needs 4 weeks away, counting both ends: 28 days passes, 27 fails', () => {
    assert.doesNotThrow(() => checkException(ok, 'exceptions[0]'));
    assert.throws(() => checkException({ ...ok, to: '2025-07-31' }, 'exceptions[0]'),
      (e: unknown) => e instanceof ClockInputError && e.field === 'exceptions[0].to');
  });

  test('(a) and (b) windows need 4 weeks; (c) can be any length', () => {
    assert.throws(() => checkException({ ...ok, kind: 'a', from: '2025-07-16', to: '2025-08-12' }, 'e'), ClockInputError);
    assert.doesNotThrow(() => checkException({ ...ok, kind: 'b', from: '2025-07-16', to: '2025-08-13' }, 'e'));
    assert.doesNotThrow(() => checkException({ ...ok, kind: 'c', from: '2025-07-16', to: '2025-07-16' }, 'e'));
  });

  test('a reason is required, the end cannot precede the start, the kind must be known', () => {
    assert.throws(() => checkException({ ...ok, reason: '  ' }, 'x'), (e: unknown) => e instanceof ClockInputError && e.field === 'x.reason');
    assert.throws(() => checkException({ ...ok, kind: 'c', to: '2025-07-04' }, 'x'), (e: unknown) => e instanceof ClockInputError && e.field === 'x.to');
    assert.throws(() => checkException({ ...ok, kind: 'e' as never }, 'x'), (e: unknown) => e instanceof ClockInputError && e.field === 'x.kind');
    assert.throws(() => checkException({ ...ok, kind: 'toString' as never }, 'x'), ClockInputError);
  });
});

describe('whether an exception applies: overlap with the case period, both ends included', () => {
  const c = (from: string, to: string): ClockException => ({ kind: 'c', from, to, reason: 'r' });
  test('touching either end counts; a day clear does not', () => {
    assert.equal(anyExceptionApplies([c('2025-01-01', '2025-03-03')], '2025-03-03', '2025-07-21'), true);
    assert.equal(anyExceptionApplies([c('2025-07-21', '2025-08-30')], '2025-03-03', '2025-07-21'), true);
    assert.equal(anyExceptionApplies([c('2025-01-01', '2025-03-02')], '2025-03-03', '2025-07-21'), false);
    assert.equal(anyExceptionApplies([c('2025-07-22', '2025-08-30')], '2025-03-03', '2025-07-21'), false);
    assert.equal(anyExceptionApplies([], '2025-03-03', '2025-07-21'), false);
  });
});
