import { test } from 'node:test';
import assert from 'node:assert/strict';
import { academicYearOf, normalisePeriod, periodForm, periodLabel, periodRange, periodShortLabel, sortPeriods } from './periods.js';

test('the store’s four period forms are recognised, and nothing else', () => {
  assert.equal(periodForm('2024'), 'calendar-year');
  assert.equal(periodForm('202526'), 'academic-year');
  assert.equal(periodForm('202599'), undefined);
  assert.equal(periodForm('199900'), 'academic-year');
  assert.equal(periodForm('2025-11'), 'month');
  assert.equal(periodForm('2025-13'), undefined);
  assert.equal(periodForm('2025-11-17'), 'week');
  assert.equal(periodForm('2025-11-18'), undefined, 'a week is named by its Monday');
  assert.equal(periodForm('2025-02-30'), undefined);
  for (const bad of ['', '24', 'latest', '2024 ', '<script>']) assert.equal(periodForm(bad), undefined, bad);
});

test('people’s ways of writing a school year are read as the store writes it', () => {
  assert.equal(normalisePeriod('2025/26'), '202526');
  assert.equal(normalisePeriod('2025-26'), '202526');
  assert.equal(normalisePeriod('2025 to 2026'), '202526');
  assert.equal(normalisePeriod(' 2024 '), '2024');
  assert.equal(normalisePeriod('1999/00'), '199900');
  assert.equal(normalisePeriod('2025/27'), undefined);
  assert.equal(normalisePeriod('twenty'), undefined);
});

test('labels and ranges', () => {
  assert.equal(periodLabel('202526'), '2025/26');
  assert.equal(periodLabel('2025-11'), 'November 2025');
  assert.equal(periodLabel('2025-11-17'), 'week of 17 November 2025');
  assert.equal(periodShortLabel('2025-11'), 'Nov 2025');
  assert.equal(periodShortLabel('2025-11-17'), '17 Nov');
  assert.deepEqual(periodRange('202526'), { from: '2025-09-01', to: '2026-08-31' });
  assert.deepEqual(periodRange('2024'), { from: '2024-01-01', to: '2024-12-31' });
  assert.deepEqual(periodRange('2024-02'), { from: '2024-02-01', to: '2024-02-29' });
  assert.deepEqual(periodRange('2025-12-29'), { from: '2025-12-29', to: '2026-01-04' });
  assert.equal(periodRange('nonsense'), undefined);
  assert.equal(academicYearOf('2026-03-01'), '202526');
  assert.equal(academicYearOf('2025-09-01'), '202526');
  assert.equal(academicYearOf('2025-08-31'), '202425');
  assert.deepEqual(sortPeriods(['202526', '202425', '202425']), ['202425', '202526']);
  assert.deepEqual(sortPeriods(['2025-11', '2025-02', '2024-12']), ['2024-12', '2025-02', '2025-11']);
});
