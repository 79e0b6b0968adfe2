import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDate, formatDateTime, todayInEngland } from './format.js';

test('times read as people write them: noon and midnight are 12, not 0', () => {
  assert.equal(formatDateTime(new Date('2026-04-03T11:30:00Z')), '3 April 2026, 12:30pm');
  assert.equal(formatDateTime(new Date('2026-04-02T23:05:00Z')), '3 April 2026, 12:05am');
  assert.equal(formatDateTime(new Date('2026-01-15T14:05:00Z')), '15 January 2026, 2:05pm', 'GMT in winter');
});

test('dates in the GOV.UK style, and today in England rather than UTC', () => {
  assert.equal(formatDate('2026-03-17'), '17 March 2026');
  assert.equal(todayInEngland(new Date('2026-06-30T23:30:00Z')), '2026-07-01');
});
