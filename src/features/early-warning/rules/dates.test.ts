import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, daysBetween, schoolYearOf, schoolYearStart, schoolYearWords } from './dates.js';

test('dates: days, and the school year as the DfE writes it', () => {
  assert.equal(addDays('2025-02-24', 7), '2025-03-03');
  assert.equal(addDays('2024-03-01', -1), '2024-02-29');
  assert.equal(daysBetween('2025-01-01', '2025-03-01'), 59);
  assert.equal(schoolYearOf('2025-08-31'), '202425');
  assert.equal(schoolYearOf('2025-09-01'), '202526');
  assert.equal(schoolYearOf('2099-12-01'), '209900');
  assert.equal(schoolYearWords('202425'), '2024/25');
  assert.equal(schoolYearStart('2026-03-18'), '2025-09-01');
});
