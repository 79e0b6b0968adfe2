import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isMonthProblem, isoOfDay, mondayOf, parseDate, parseMonth, weekdayOf, type DateValue } from './values.js';

test('dates: ISO and day-first forms, normalised to ISO with a day number', () => {
  assert.deepEqual(parseDate('2026-03-17'), { iso: '2026-03-17', day: Date.UTC(2026, 2, 17) / 86_400_000 });
  assert.equal((parseDate('17/03/2026') as DateValue).iso, '2026-03-17');
  assert.equal((parseDate('7/3/2026') as DateValue).iso, '2026-03-07');
  assert.equal(parseDate('17/03/2026'), parseDate('2026-03-17'), 'one shared value per day');
});

test('impossible dates say why', () => {
  assert.equal(parseDate('2026-02-29'), 'is not a real date: February 2026 has 28 days');
  assert.equal((parseDate('2024-02-29') as DateValue).iso, '2024-02-29');
  assert.equal(parseDate('1900-02-29'), 'is not a real date: February 1900 has 28 days');
  assert.equal((parseDate('2000-02-29') as DateValue).iso, '2000-02-29');
  assert.equal(parseDate('2026-13-01'), 'is not a real date: there is no month 13');
  assert.equal(parseDate('31/04/2026'), 'is not a real date: April 2026 has 30 days');
  assert.equal(parseDate('2026-03-00'), 'is not a real date: there is no day 0');
  assert.equal(parseDate('1850-01-01'), 'is outside the years 1900 to 2099');
  for (const bad of ['2026-3-17', '03/17/2026x', '17.03.2026', 'yesterday', '20260317', '2026-03-1a', '']) {
    assert.equal(parseDate(bad), 'is not a date: write dates as 2026-03-17 or 17/03/2026', bad);
  }
});

test('every real date between 1900 and 2099 parses to the day JavaScript counts', () => {
  fc.assert(
    fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
      const iso = d.toISOString().slice(0, 10);
      const parsed = parseDate(iso) as DateValue;
      assert.equal(parsed.iso, iso);
      assert.equal(parsed.day, Math.floor(d.getTime() / 86_400_000));
      assert.equal(isoOfDay(parsed.day), iso);
      assert.equal(weekdayOf(parsed.day), (d.getUTCDay() + 6) % 7);
    }),
  );
});

test('weekdays and Mondays', () => {
  const saturday = (parseDate('2026-03-14') as DateValue).day;
  assert.equal(weekdayOf(saturday), 5);
  assert.equal(isoOfDay(mondayOf(saturday)), '2026-03-09');
  assert.equal(weekdayOf((parseDate('1969-12-29') as DateValue).day), 0);
});

test('months: 2026-03, 03/2026 or a date in the month', () => {
  assert.equal(parseMonth('2026-03'), '2026-03');
  assert.equal(parseMonth('3/2026'), '2026-03');
  assert.equal(parseMonth('2026-03-31'), '2026-03');
  assert.equal(parseMonth('2026-13'), 'is not a real month: there is no month 13');
  assert.ok(isMonthProblem(parseMonth('March')));
  assert.ok(!isMonthProblem(parseMonth('2026-03')));
});
