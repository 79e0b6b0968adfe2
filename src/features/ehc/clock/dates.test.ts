import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addDays, addMonths, addWeeks, compareDates, daysBetween, formatLongDate, isIsoDate, isWeekend, laterOf, parseIsoDate,
} from './dates.js';
import { ClockInputError } from './errors.js';

describe('dates', () => {
  test('addDays and addWeeks count calendar days across month, year and leap day', () => {
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2023-02-28', 1), '2023-03-01');
    assert.equal(addDays('2023-12-31', 1), '2024-01-01');
    assert.equal(addDays('2024-03-01', -1), '2024-02-29');
    assert.equal(addWeeks('2024-01-10', 20), '2024-05-29');
  });

  test('BST changes do not shift a day (UTC arithmetic)', () => {
    assert.equal(addDays('2025-03-29', 1), '2025-03-30'); // clocks go forward 30 Mar 2025
    assert.equal(addDays('2025-10-25', 2), '2025-10-27'); // clocks go back 26 Oct 2025
    assert.equal(daysBetween('2025-03-01', '2025-04-01'), 31);
  });

  test('addMonths clamps to the end of the month', () => {
    assert.equal(addMonths('2024-02-29', 12), '2025-02-28');
    assert.equal(addMonths('2024-02-29', 48), '2028-02-29');
    assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
    assert.equal(addMonths('2023-01-31', 1), '2023-02-28');
    assert.equal(addMonths('2025-08-31', 3), '2025-11-30');
    assert.equal(addMonths('2024-03-31', -1), '2024-02-29');
    assert.equal(addMonths('2026-01-15', -5), '2025-08-15');
    assert.equal(addMonths('2025-12-15', 1), '2026-01-15');
  });

  test('daysBetween, compareDates and laterOf', () => {
    assert.equal(daysBetween('2024-01-10', '2024-05-29'), 140);
    assert.equal(daysBetween('2024-05-29', '2024-01-10'), -140);
    assert.equal(compareDates('2025-01-01', '2025-01-02'), -1);
    assert.equal(compareDates('2025-01-02', '2025-01-02'), 0);
    assert.equal(compareDates('2025-01-03', '2025-01-02'), 1);
    assert.equal(laterOf('2025-01-03', '2025-01-02'), '2025-01-03');
  });

  test('isWeekend', () => {
    assert.equal(isWeekend('2025-03-01'), true); // Saturday
    assert.equal(isWeekend('2025-03-02'), true); // Sunday
    assert.equal(isWeekend('2025-03-03'), false); // Monday
  });

  test("formatLongDate writes '3 April 2026'", () => {
    assert.equal(formatLongDate('2026-04-03'), '3 April 2026');
    assert.equal(formatLongDate('2025-12-25'), '25 December 2025');
  });

  test('parseIsoDate accepts real dates and rejects others with ClockInputError naming the field', () => {
    assert.equal(parseIsoDate('2024-02-29', 'dateOfBirth'), '2024-02-29');
    for (const bad of ['2025-02-30', '2023-02-29', '2025-13-01', '2025-00-10', '2025-04-31', '2025-2-3', '20250203',
      ' 2025-02-03', '2025-02-03T00:00:00Z', '0999-01-01', '', 20250203, null, undefined]) {
      assert.throws(() => parseIsoDate(bad, 'dateOfBirth'), (e: unknown) =>
        e instanceof ClockInputError && e.field === 'dateOfBirth' && e.message.startsWith('dateOfBirth '), String(bad));
      assert.equal(isIsoDate(bad), false, String(bad));
    }
  });

  test('arithmetic refuses fractions of days', () => {
    assert.throws(() => addDays('2025-01-01', 1.5), ClockInputError);
    assert.throws(() => addMonths('2025-01-01', 0.5), ClockInputError);
  });
});
