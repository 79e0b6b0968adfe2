import { test } from 'node:test';
import assert from 'node:assert/strict';
import { academicYearOf, academicYearsBetween, boundsOf, periodKindOf, periodLabel } from './periods.js';
import { median, percentile, rate } from './stats.js';

test('academic years run from 1 September, written as the DfE writes them', () => {
  assert.equal(academicYearOf('2025-09-01'), '202526');
  assert.equal(academicYearOf('2025-08-31'), '202425');
  assert.equal(academicYearOf('1999-12-01'), '199900');
  assert.deepEqual(boundsOf('202526'), { from: '2025-09-01', to: '2026-08-31' });
  assert.deepEqual(academicYearsBetween('2024-09-02', '2026-07-01'), ['202425', '202526']);
});

test('period kinds: calendar year, academic year, month, a week by its Monday', () => {
  assert.equal(periodKindOf('2024'), 'calendar-year');
  assert.equal(periodKindOf('202425'), 'academic-year');
  assert.equal(periodKindOf('202427'), undefined);
  assert.equal(periodKindOf('2025-11'), 'month');
  assert.equal(periodKindOf('2025-13'), undefined);
  assert.equal(periodKindOf('2025-11-17'), 'week');
  assert.equal(periodKindOf('2025-11-18'), undefined, 'a Tuesday does not start a week');
  assert.equal(periodKindOf('2025-02-30'), undefined);
  assert.deepEqual(boundsOf('2024-02'), { from: '2024-02-01', to: '2024-02-29' });
  assert.deepEqual(boundsOf('2025-11-17'), { from: '2025-11-17', to: '2025-11-23' });
  assert.throws(() => boundsOf('last year'), /is not a period/);
  assert.equal(periodLabel('202526'), '2025/26');
  assert.equal(periodLabel('2025-11'), 'November 2025');
});

test('percentiles by nearest rank; the median of an even count is the mean of the middle two', () => {
  assert.equal(percentile([], 90), null);
  assert.equal(percentile([5], 90), 5);
  const tens = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
  assert.equal(percentile(tens, 90), 90);
  assert.equal(percentile(tens, 91), 100);
  assert.equal(percentile([3, 1, 2], 50), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(median([7, 1, 3]), 3);
  assert.equal(rate(1, 4), 25);
  assert.equal(rate(1, 0), null);
  assert.equal(rate(3, 20_000, 10_000), 1.5);
});
