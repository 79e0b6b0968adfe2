import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { summariseTwentyWeeks, timelinessOf } from './timeliness.js';

describe('SEN2 20-week measures', () => {
  test('"excluding exceptions" counts only cases where no exception applies', () => {
    const cases = [
      timelinessOf('2025-03-03', '2025-07-21', false), // day 140: within
      timelinessOf('2025-03-03', '2025-07-22', false), // day 141: not within
      timelinessOf('2025-03-03', '2025-07-01', true), // within, but an exception applied
      timelinessOf('2025-03-03', '2025-09-01', true), // late, exception applied
      timelinessOf('2025-03-03', null, false), // not issued yet: in neither measure
    ];
    assert.deepEqual(summariseTwentyWeeks(cases), {
      allPlans: { plansIssued: 4, within20Weeks: 2, percent: 50 },
      excludingExceptions: { plansIssued: 2, within20Weeks: 1, percent: 50 },
    });
  });

  test('percent is to one decimal place, and null with no plans', () => {
    const cases = [timelinessOf('2025-01-01', '2025-02-01', false), timelinessOf('2025-01-01', '2025-02-01', false),
      timelinessOf('2025-01-01', '2026-02-01', false)];
    assert.equal(summariseTwentyWeeks(cases).allPlans.percent, 66.7);
    assert.equal(summariseTwentyWeeks([]).allPlans.percent, null);
  });

  test('daysToFinal counts from day 0', () => {
    assert.equal(timelinessOf('2024-01-10', '2024-05-29', false).daysToFinal, 140);
    assert.equal(timelinessOf('2024-01-10', undefined, false).daysToFinal, null);
  });
});
